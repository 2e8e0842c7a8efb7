import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { DAY, HOUR } from '../../../lib/metrics/range';
import { parseCsv } from '../../../lib/metrics/csv';
import {
  BASE,
  fakeChartLayout,
  fakeCluster,
  metricsHandlers,
  prometheusHandler,
  PROM,
  renderAt,
  type FakeCluster,
} from '../test/helpers';
import { serveDuringTests } from '../../../test/msw';
import { signIn } from '../../../test/session';
import { fakeLayout } from '../../../test/layout';
import { Component as UsageRoute } from './usage-route';

// The page's "now" is the clock's, to the minute. Left to the wall clock, a test run in the first minute
// of an hour saw a 24-hour range without its open period (24 periods instead of 25), and one that crossed
// a minute or an hour saw its range move under it. Only Date is fake, and it stands still: timers, MSW
// and user events run for real. A half hour, so the 24 hourly periods are whole and the 25th is open.
const NOW = new Date(2026, 5, 10, 14, 30);

let cluster: FakeCluster;
let promConfig: { clusters: Record<string, string> } = { clusters: {} };
const server = serveDuringTests();
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  cluster = fakeCluster();
  promConfig = { clusters: {} };
  server.resetHandlers(
    ...metricsHandlers(cluster),
    http.get('*/prometheus.json', () => HttpResponse.json(promConfig)),
  );
  signIn();
  fakeChartLayout();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const location = () => screen.getByTestId('location').textContent ?? '';
const renderUsage = (url = '/usage') => renderAt('/usage', url, <UsageRoute />);
const card = (name: string) =>
  within(screen.getByRole('list', { name: 'Totals for the period' }))
    .getByRole('heading', { name })
    .closest('li') as HTMLElement;
const summaryCalls = () => cluster.calls.filter((u) => u.pathname === '/system/metrics');
const chart = (name: string) => screen.getByRole('figure', { name });
// jsdom's Blob has no text(); FileReader it has.
const readBlob = (b: Blob) =>
  new Promise<string>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.readAsText(b);
  });

describe('the usage summary', () => {
  it('shows the totals with the change from the period before', async () => {
    // Half a CPU hour per hour this week, a quarter before it: +100%.
    const weekAgo = Date.now() - 7 * DAY;
    cluster.cpuPerHour = (t) => (t >= weekAgo ? 0.5 : 0.25);
    renderUsage();
    await waitFor(() => expect(card('CPU hours')).toHaveTextContent('84 h'));
    await waitFor(() => expect(card('CPU hours')).toHaveTextContent('+100% vs the 7 days before'));
    expect(card('Requests')).toHaveTextContent('504');
    expect(card('Requests')).toHaveTextContent('336 sync · 168 async · 0 exposed');
    expect(card('Active users')).toHaveTextContent('3');
    expect(card('Services used')).toHaveTextContent('of 5 services');
    expect(card('Memory in use')).toHaveTextContent('needs Prometheus');
  });

  it('lists the sources plainly and warns when one is failing', async () => {
    cluster.sources = [
      {
        name: 'prometheus',
        status: 'error',
        last_updated: new Date(Date.now() - 2 * HOUR).toISOString(),
        notes: 'connection refused',
      },
      { name: 'minio-audit', status: 'ok', last_updated: new Date(Date.now() - 60_000).toISOString() },
    ];
    renderUsage();
    const alert = await screen.findByText('Some figures are missing data');
    expect(alert.closest('[role="alert"]')).toHaveTextContent('prometheus is error: connection refused');
    const list = await screen.findByRole('list', { name: 'Sources of the figures' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toMatch(/^prometheus\s*errorupdated 2 h agoconnection refused$/);
    expect(items[1]).toMatch(/^minio-audit\s*okupdated just now|^minio-audit\s*okupdated 1 min ago/);
  });

  it('says so when the cluster does not list its sources, and shows no warning', async () => {
    cluster.sources = undefined;
    renderUsage();
    expect(await screen.findByText(/did not say where these figures come from/)).toBeInTheDocument();
    expect(screen.queryByText(/Some figures/)).not.toBeInTheDocument();
  });
});

describe('the range', () => {
  it('follows the buttons into the URL, and the charts ask for buckets of the new range', async () => {
    const user = userEvent.setup();
    renderUsage();
    await waitFor(() => expect(summaryCalls().length).toBeGreaterThan(20));
    expect(screen.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');
    cluster.calls = [];
    await user.click(screen.getByRole('button', { name: '24 h' }));
    expect(location()).toBe('/usage?range=24h');
    expect(screen.getByRole('button', { name: '24 h' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(chart('Requests')).toHaveTextContent(/Requests each hour/));
    // Hourly buckets: 25 of them cover the last 24 hours (the first and last partly).
    await waitFor(() => {
      const hourly = summaryCalls().filter(
        (u) => Date.parse(u.searchParams.get('end')!) - Date.parse(u.searchParams.get('start')!) <= HOUR,
      );
      expect(hourly.length).toBeGreaterThanOrEqual(24);
    });
    await user.click(screen.getByRole('button', { name: '90 days' }));
    expect(location()).toBe('/usage?range=90d');
    await waitFor(() => expect(chart('Requests')).toHaveTextContent(/Requests each day/));
  });

  it('reuses daily buckets when going from 90 to 30 days', async () => {
    const user = userEvent.setup();
    renderUsage('/usage?range=90d');
    await waitFor(() => expect(chart('CPU and GPU hours')).not.toHaveAttribute('aria-busy'));
    const before = summaryCalls().length;
    await user.click(screen.getByRole('button', { name: '30 days' }));
    await waitFor(() => expect(chart('Requests')).not.toHaveAttribute('aria-busy'));
    // Only the two summaries (this period and the one before) are new; every daily bucket was cached.
    expect(summaryCalls().length - before).toBeLessThanOrEqual(3);
  });

  it('explains a bad range in the link and shows the last 7 days instead', async () => {
    renderUsage('/usage?start=2025-05-03T00:00:00Z&end=2025-05-01T00:00:00Z');
    expect(
      await screen.findByText(/The start is after the end\. Showing the last 7 days instead\./),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(card('CPU hours')).toHaveTextContent('84 h'));
  });

  it('checks a custom range before showing it', async () => {
    const user = userEvent.setup();
    renderUsage();
    await user.click(screen.getByRole('button', { name: 'Custom…' }));
    const form = screen.getByRole('form', { name: 'Custom period' });
    const start = within(form).getByLabelText('Start');
    const end = within(form).getByLabelText('End');
    await user.clear(start);
    await user.type(start, '2025-05-03T10:00');
    await user.clear(end);
    await user.type(end, '2025-05-01T10:00');
    await user.click(within(form).getByRole('button', { name: 'Show this period' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('The start is after the end.');
    expect(location()).toBe('/usage');

    await user.clear(end);
    await user.type(end, '2025-05-04T10:00');
    await user.click(within(form).getByRole('button', { name: 'Show this period' }));
    expect(new URLSearchParams(location().split('?')[1]).get('start')).toBe(
      new Date(2025, 4, 3, 10).toISOString().replace('.000', ''),
    );
    expect(screen.getByRole('button', { name: 'Custom…' })).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('the charts', () => {
  it('offer their figures as a sortable table, with units, as CSV, and legend toggles', async () => {
    const user = userEvent.setup();
    // Tall enough for all 25 periods: the table is virtualised and this test reads its last row.
    fakeLayout({ height: 1400 });
    renderUsage('/usage?range=24h');
    const figure = await screen.findByRole('figure', { name: 'CPU and GPU hours' });
    await waitFor(() => expect(figure).not.toHaveAttribute('aria-busy'));
    await user.click(within(figure).getByRole('button', { name: 'Show as table' }));
    const table = within(figure).getByRole('table', { name: 'CPU and GPU hours' });
    expect(table).toHaveAttribute('aria-rowcount', '26');
    const cells = (row: number) =>
      within(within(table).getAllByRole('row')[row]!)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    // A full hour at half a CPU hour per hour; the last hour is still going.
    expect(cells(5).slice(1)).toEqual(['0.5 h', '0 h', '']);
    expect(cells(25).at(-1)).toBe('in progress');

    // Sorted by CPU hours, the partial periods (first and last) come first.
    await user.click(within(table).getByRole('button', { name: 'CPU hours' }));
    expect(within(table).getByRole('columnheader', { name: 'CPU hours' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(Number(cells(1)[1]?.replace(' h', ''))).toBeLessThan(0.5);

    await user.click(within(figure).getByRole('button', { name: 'Copy CPU and GPU hours as CSV' }));
    const csv = parseCsv(await navigator.clipboard.readText());
    expect(csv[0]).toEqual(['start', 'end', 'CPU hours', 'GPU hours', 'note']);
    expect(csv).toHaveLength(26);
    expect(csv[5]?.slice(2)).toEqual(['0.5', '0', '']);

    const legend = within(figure).getByRole('list', { name: 'Series in CPU and GPU hours' });
    const gpu = within(legend).getByRole('button', { name: /^GPU hours/ });
    expect(gpu).toHaveAttribute('aria-pressed', 'true');
    await user.click(gpu);
    expect(gpu).toHaveAttribute('aria-pressed', 'false');
    expect(within(table).queryByRole('columnheader', { name: 'GPU hours' })).not.toBeInTheDocument();
    // The last series shown cannot be hidden.
    expect(within(legend).getByRole('button', { name: /^CPU hours/ })).toBeDisabled();
  });

  it('say beside the chart which periods failed and why, and keep the rest', async () => {
    let failed = 0;
    cluster.override = (start, end) => {
      if (end - start === HOUR && failed < 2 && new Date(start).getHours() % 7 === 3) {
        failed++;
        return new HttpResponse('invalid range: start must be before end', { status: 400 });
      }
      return null;
    };
    renderUsage('/usage?range=24h');
    const figure = await screen.findByRole('figure', { name: 'Requests' });
    await waitFor(() =>
      expect(within(figure).getByRole('alert')).toHaveTextContent(
        'periods could not be loaded and are left blank: invalid range: start must be before end',
      ),
    );
    expect(within(figure).getByRole('alert').textContent).toMatch(/^\d of 25 periods/);
    await waitFor(() => expect(card('CPU hours')).toHaveTextContent('12 h'));
  });

  it('leave out negative and non-numeric totals and say how many', async () => {
    cluster.override = (start, end) =>
      end - start === HOUR && new Date(start).getHours() === 4
        ? HttpResponse.json({
            totals: { cpu_hours_total: -2, gpu_hours_total: 'NaN', requests_count_sync: 1 },
            sources: [],
          })
        : null;
    renderUsage('/usage?range=24h');
    const figure = await screen.findByRole('figure', { name: 'CPU and GPU hours' });
    await waitFor(() =>
      expect(within(figure).getByText(/values were not a usable number/)).toHaveTextContent('2 values were'),
    );
  });

  it('zoom into a brushed period by putting it in the URL', async () => {
    const user = userEvent.setup();
    renderUsage('/usage?range=24h');
    const figure = await screen.findByRole('figure', { name: 'Requests' });
    await waitFor(() => expect(figure).not.toHaveAttribute('aria-busy'));
    const brush = await within(figure).findAllByRole('slider');
    // Keyboard: move the left handle four steps right, then zoom.
    brush[0]!.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    await user.click(await within(figure).findByRole('button', { name: 'Zoom in to this period' }));
    const params = new URLSearchParams(location().split('?')[1]);
    expect(params.has('range')).toBe(false);
    const span = Date.parse(params.get('end')!) - Date.parse(params.get('start')!);
    expect(span).toBeGreaterThan(19 * HOUR);
    expect(span).toBeLessThanOrEqual(21 * HOUR + 60_000);
    expect(screen.getByRole('button', { name: 'Custom…' })).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('Prometheus', () => {
  it('is used for hours, memory and CPU by service when the deployment names one for the cluster', async () => {
    promConfig = { clusters: { [BASE]: PROM } };
    const queries: string[] = [];
    server.use(
      prometheusHandler((q) => {
        queries.push(q);
        return q.includes('memory') ? String(2 * 1024 ** 3) : '0.25';
      }),
    );
    renderUsage('/usage?range=24h');
    const compute = await screen.findByRole('figure', { name: 'CPU and GPU hours' });
    await waitFor(() => expect(compute).toHaveTextContent('each 5 minutes, from Prometheus'));
    expect(await screen.findByRole('figure', { name: 'CPU hours by service' })).toHaveTextContent('cowsay');
    await waitFor(() => expect(card('Memory in use')).toHaveTextContent('2 GiB'));
    // Memory is a level: its legend gives the average, not a sum over the periods.
    const memory = screen.getByRole('figure', { name: 'Memory in use' });
    expect(within(memory).getByRole('button', { name: /^Memory in use \(average\)/ })).toHaveTextContent(
      'avg 2 GiB',
    );
    expect(
      queries.some((q) => q.includes('increase(container_cpu_usage_seconds_total') && q.includes('[300s]')),
    ).toBe(true);
    expect(
      screen.getByText(
        /Using Prometheus at http:\/\/prometheus\.test:9090, as this deployment configures it/,
      ),
    ).toBeInTheDocument();
  });

  it('falls back to OSCAR’s totals and says why when Prometheus is down; the page still works', async () => {
    const user = userEvent.setup();
    server.use(http.get(`${PROM}/api/v1/query_range`, () => HttpResponse.error()));
    renderUsage('/usage?range=24h');
    await user.type(screen.getByLabelText('Prometheus address'), `${PROM}/`);
    await user.click(screen.getByRole('button', { name: 'Use this Prometheus' }));
    expect(JSON.parse(localStorage.getItem('lagoon.prometheus')!)).toEqual({ [BASE]: PROM });
    const compute = screen.getByRole('figure', { name: 'CPU and GPU hours' });
    await waitFor(() =>
      expect(within(compute).getByRole('alert')).toHaveTextContent(`Prometheus at ${PROM} did not answer`),
    );
    expect(within(compute).getByRole('alert')).toHaveTextContent('Showing OSCAR’s totals each hour instead');
    expect(compute).toHaveTextContent('from OSCAR’s totals');
    expect(await screen.findByRole('figure', { name: 'Memory in use' })).toHaveTextContent('did not answer');
    await waitFor(() => expect(card('CPU hours')).toHaveTextContent('12 h'));
    expect(card('Memory in use')).toHaveTextContent('Prometheus did not answer');

    await user.click(screen.getByRole('button', { name: 'Stop using Prometheus' }));
    expect(screen.queryByRole('figure', { name: 'Memory in use' })).not.toBeInTheDocument();
  });

  it('refuses an address that is not one', async () => {
    const user = userEvent.setup();
    renderUsage();
    await user.type(screen.getByLabelText('Prometheus address'), 'prometheus:9090');
    await user.click(screen.getByRole('button', { name: 'Use this Prometheus' }));
    expect(screen.getByRole('alert', { name: '' })).toHaveTextContent('must start with http');
    expect(localStorage.getItem('lagoon.prometheus')).toBeNull();
  });
});

describe('the breakdown', () => {
  const items = [
    {
      key: 'cowsay',
      requests_count_total: 10,
      requests_count_sync: 10,
      requests_count_async: 0,
      requests_count_exposed: 0,
      executions_count: 0,
      unique_users_count: 2,
      countries: [{ country: 'ES', request_count: 10 }],
    },
    {
      key: 'plants',
      requests_count_total: 30,
      requests_count_sync: 5,
      requests_count_async: 25,
      requests_count_exposed: 0,
      executions_count: 25,
      unique_users_count: 1,
      countries: [],
    },
    {
      key: 'yolo',
      requests_count_total: 20,
      requests_count_sync: 20,
      requests_count_async: 0,
      requests_count_exposed: 0,
      executions_count: 0,
      unique_users_count: 4,
      countries: [],
    },
  ];
  const shown = () => {
    const table = screen.getByRole('table', { name: 'Usage by service' });
    return within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[0]?.textContent);
  };

  it('sorts by any column with the sort in the URL, and regroups', async () => {
    const user = userEvent.setup();
    cluster.breakdown = items;
    renderUsage();
    await screen.findByRole('table', { name: 'Usage by service' });
    expect(shown()).toEqual(['plants', 'yolo', 'cowsay']);
    await user.click(screen.getByRole('button', { name: 'Sync' }));
    expect(shown()).toEqual(['plants', 'cowsay', 'yolo']);
    expect(location()).toBe('/usage?sort=requests_count_sync%3Aasc');
    await user.click(screen.getByRole('button', { name: 'Sync' }));
    expect(shown()).toEqual(['yolo', 'cowsay', 'plants']);

    await user.selectOptions(screen.getByLabelText('Group by'), 'vo');
    expect(location()).toBe('/usage?by=vo');
    await waitFor(() =>
      expect(cluster.calls.some((u) => u.searchParams.get('group_by') === 'vo')).toBe(true),
    );
    expect(await screen.findByRole('table', { name: 'Usage by vo' })).toBeInTheDocument();
  });

  it('asks for the user lists and downloads the cluster’s CSV', async () => {
    const user = userEvent.setup();
    cluster.breakdown = items;
    cluster.csv = 'key,requests_count_total,users\ncowsay,10,ana;bob\nplants,30,eve\n';
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:fake';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderUsage();
    await user.click(await screen.findByRole('checkbox', { name: 'List each service’s users' }));
    expect(location()).toBe('/usage?users=1');
    await waitFor(() =>
      expect(cluster.calls.some((u) => u.searchParams.get('include_users') === 'true')).toBe(true),
    );
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    const csvCall = cluster.calls.find((u) => u.searchParams.get('format') === 'csv')!;
    expect(csvCall.searchParams.get('group_by')).toBe('service');
    expect(csvCall.searchParams.get('include_users')).toBe('true');
    expect(parseCsv(await readBlob(blob!))).toEqual([
      ['key', 'requests_count_total', 'users'],
      ['cowsay', '10', 'ana;bob'],
      ['plants', '30', 'eve'],
    ]);
  });

  it('says when there is nothing to break down', async () => {
    renderUsage();
    expect(await screen.findByText('No usage by service in this period')).toBeInTheDocument();
  });

  it('shows the server’s words when the breakdown fails, and the rest of the page stays', async () => {
    server.use(
      http.get(
        `${BASE}/system/metrics/breakdown`,
        () => new HttpResponse('invalid group_by "vo": use service, user or country', { status: 400 }),
      ),
    );
    renderUsage('/usage?by=vo');
    const alert = await screen.findByText(/Could not load usage by vo/);
    expect(alert.closest('[role="alert"]')).toHaveTextContent(
      'invalid group_by "vo": use service, user or country',
    );
    await waitFor(() => expect(card('CPU hours')).toHaveTextContent('84 h'));
  });
});

describe('countries', () => {
  it('ranks countries by requests with their share in words', async () => {
    renderUsage();
    const list = await screen.findByRole('list', { name: 'Countries by requests' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['1.Spain (ES)30 requests (75%)', '2.Italy (IT)10 requests (25%)']);
  });
});
