// Test helpers for the usage page: a fake OSCAR metrics API whose totals follow simple rates (so a
// test can work out what any range should show), a fake Prometheus, a memory router with a location
// probe, and the browser pieces jsdom lacks for recharts.
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { SourceStatus } from '../../../api/types';
import { HOUR } from '../../../lib/metrics/range';
import { fakeLayout, fakeResizeObserver } from '../../../test/layout';
import { renderRoutes, withLocation } from '../../../test/render';
import { TEST_ENDPOINT } from '../../../test/session';

export const BASE = TEST_ENDPOINT;
export const PROM = 'http://prometheus.test:9090';

export interface FakeCluster {
  /** Every metrics request the page made. */
  calls: URL[];
  /** CPU hours used per hour of wall time at time t (ms). */
  cpuPerHour: (t: number) => number;
  sources: SourceStatus[] | undefined;
  /** Answer this instead, for a summary request over [start, end). */
  override: (start: number, end: number) => Response | null;
  breakdown: Record<string, unknown>[];
  csv: string;
}

export function fakeCluster(): FakeCluster {
  return {
    calls: [],
    cpuPerHour: () => 0.5,
    sources: [
      { name: 'prometheus', status: 'ok', last_updated: new Date(Date.now() - 60_000).toISOString() },
      { name: 'minio-audit', status: 'ok', last_updated: new Date(Date.now() - 180_000).toISOString() },
    ],
    override: () => null,
    breakdown: [],
    csv: 'key,requests_count_total\n',
  };
}

/** ∫ rate over [start, end) in hours, a minute at a time (exact for rates that change on minutes). */
function integrate(rate: (t: number) => number, start: number, end: number): number {
  let sum = 0;
  for (let t = start; t < end; t += 60_000) sum += rate(t) * (Math.min(60_000, end - t) / HOUR);
  return Math.round(sum * 100) / 100;
}

export function metricsHandlers(c: FakeCluster) {
  const range = (url: URL) => {
    c.calls.push(url);
    return {
      start: Date.parse(url.searchParams.get('start') ?? ''),
      end: Date.parse(url.searchParams.get('end') ?? ''),
    };
  };
  return [
    http.get(`${BASE}/system/metrics/breakdown`, ({ request }) => {
      const url = new URL(request.url);
      range(url);
      if (url.searchParams.get('format') === 'csv')
        return new HttpResponse(c.csv, { headers: { 'Content-Type': 'text/csv' } });
      return HttpResponse.json({ group_by: url.searchParams.get('group_by'), items: c.breakdown });
    }),
    http.get(`${BASE}/system/metrics/:service`, ({ request, params }) => {
      const { start, end } = range(new URL(request.url));
      const hours = (end - start) / HOUR;
      const metric = (key: string, value: number) => ({ metric: key, value, unit: 'x', sources: c.sources });
      return HttpResponse.json({
        service_name: params.service,
        metrics: [
          metric('cpu-hours', integrate(c.cpuPerHour, start, end)),
          metric('gpu-hours', 0),
          metric('requests-sync-per-service', Math.round(hours * 2)),
          metric('requests-async-per-service', Math.round(hours)),
          metric('requests-exposed-per-service', 0),
        ],
      });
    }),
    http.get(`${BASE}/system/metrics`, ({ request }) => {
      const { start, end } = range(new URL(request.url));
      const o = c.override(start, end);
      if (o) return o;
      const hours = (end - start) / HOUR;
      const sync = Math.round(hours * 2);
      const async = Math.round(hours);
      return HttpResponse.json({
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        totals: {
          cpu_hours_total: integrate(c.cpuPerHour, start, end),
          gpu_hours_total: 0,
          requests_count_sync: sync,
          requests_count_async: async,
          requests_count_exposed: 0,
          requests_count_total: sync + async,
          users_count: 3,
          users: ['a', 'b', 'c'],
          services_count_active: 2,
          services_count_total: 5,
          countries_count: 2,
          countries: [
            { country: 'ES', request_count: 30 },
            { country: 'IT', request_count: 10 },
          ],
        },
        ...(c.sources ? { sources: c.sources } : {}),
      });
    }),
  ];
}

/** A Prometheus answering every range query with one series of `value` at each step. */
export function prometheusHandler(value: (query: string) => string | null) {
  return http.get(`${PROM}/api/v1/query_range`, ({ request }) => {
    const url = new URL(request.url);
    const query = url.searchParams.get('query') ?? '';
    const v = value(query);
    if (v === null)
      return HttpResponse.json(
        { status: 'error', errorType: 'bad_data', error: `unknown query ${query}` },
        { status: 400 },
      );
    const start = Number(url.searchParams.get('start'));
    const end = Number(url.searchParams.get('end'));
    const step = Number(url.searchParams.get('step'));
    const values: [number, string][] = [];
    for (let t = start; t <= end; t += step) values.push([t, v]);
    const metric = query.includes('label_oscar_service') ? { label_oscar_service: 'cowsay' } : {};
    return HttpResponse.json(
      { status: 'success', data: { resultType: 'matrix', result: [{ metric, values }] } },
      { headers: { 'Access-Control-Allow-Origin': '*' } },
    );
  });
}

export function renderAt(path: string, url: string, element: ReactNode) {
  return renderRoutes([{ path, element: withLocation(element) }], { url });
}

/** recharts measures its container; jsdom has no layout or ResizeObserver. */
export function fakeChartLayout(): void {
  fakeResizeObserver({ width: 800, height: 260 });
  fakeLayout();
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(260);
}
