import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { DAY, HOUR } from '../lib/metrics/range';
import { fakeResizeObserver } from '../test/layout';
import { serveDuringTests } from '../test/msw';
import { renderWithQueryClient } from '../test/render';
import { TEST_ENDPOINT as BASE, signIn } from '../test/session';
import { ServiceUsageChart } from './service-usage-chart';

let calls: URL[] = [];
let degraded = false;
serveDuringTests(
  http.get(`${BASE}/system/metrics/:service`, ({ request, params }) => {
    const url = new URL(request.url);
    calls.push(url);
    const hours =
      (Date.parse(url.searchParams.get('end')!) - Date.parse(url.searchParams.get('start')!)) / HOUR;
    const sources = [
      {
        name: 'ingress-logs',
        status: degraded ? 'degraded' : 'ok',
        notes: degraded ? 'read every 15 minutes' : undefined,
      },
    ];
    const m = (metric: string, value: number) => ({ metric, value, unit: 'x', sources });
    return HttpResponse.json({
      service_name: params.service,
      metrics: [
        m('cpu-hours', Math.round(hours * 0.25 * 100) / 100),
        m('gpu-hours', 0),
        m('requests-sync-per-service', Math.round(hours * 4)),
        m('requests-async-per-service', 0),
        m('requests-exposed-per-service', Math.round(hours)),
      ],
    });
  }),
);
beforeEach(() => {
  calls = [];
  degraded = false;
  fakeResizeObserver();
  // The table is virtualised: give its scroll box a height so rows render.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  signIn();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderChart() {
  renderWithQueryClient(<ServiceUsageChart serviceName="cowsay" />);
}

describe('the service usage chart', () => {
  it('asks for the service’s own metrics one period at a time and shows them as a table', async () => {
    const user = userEvent.setup();
    renderChart();
    const region = screen.getByRole('region', { name: 'Usage of cowsay' });
    const figure = within(region).getByRole('figure', { name: 'Requests to cowsay' });
    await waitFor(() => expect(figure).not.toHaveAttribute('aria-busy'));
    // 7 days in 6-hour periods: 28 or 29 requests, all for cowsay, each at most 6 hours long.
    expect(calls.length).toBeGreaterThanOrEqual(28);
    expect(calls.every((u) => u.pathname === '/system/metrics/cowsay')).toBe(true);
    expect(
      calls.every(
        (u) => Date.parse(u.searchParams.get('end')!) - Date.parse(u.searchParams.get('start')!) <= 6 * HOUR,
      ),
    ).toBe(true);
    await user.click(within(figure).getByRole('button', { name: 'Show as table' }));
    const rows = within(within(figure).getByRole('table', { name: 'Requests to cowsay' })).getAllByRole(
      'row',
    );
    expect(
      within(rows[3]!)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(1),
    ).toEqual(['24 requests', '0 requests', '6 requests', '']);
    expect(within(figure).getByRole('list', { name: /^Series in/ })).toBeInTheDocument();
    expect(
      within(within(figure).getByRole('list', { name: /^Series in/ })).getByRole('button', {
        name: /^Synchronous/,
      }),
    ).toHaveTextContent(/Synchronous\s*6\d\d requests/);
  });

  it('changes period with the range buttons', async () => {
    const user = userEvent.setup();
    renderChart();
    await waitFor(() => expect(calls.length).toBeGreaterThan(27));
    calls = [];
    await user.click(screen.getByRole('button', { name: '30 days' }));
    expect(screen.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(30));
    expect(
      calls.every(
        (u) =>
          Date.parse(u.searchParams.get('end')!) - Date.parse(u.searchParams.get('start')!) <= DAY + HOUR,
      ),
    ).toBe(true);
  });

  it('warns when a source behind the figures is not ok', async () => {
    degraded = true;
    renderChart();
    expect(
      await screen.findByText(
        /Some figures may be incomplete: ingress-logs is degraded \(read every 15 minutes\)/,
      ),
    ).toBeInTheDocument();
  });
});
