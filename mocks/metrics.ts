// Usage metrics over the cluster's invocation history (seeded 90 days + live calls): the summary, the
// per-service values and the breakdowns of /system/metrics*. OSCAR returns totals for a range, not
// time series (../shared/oscar-api/NOTES.md, "Other shapes").
import type { Service } from '../src/api/types';
import { ClusterError, rfc3339, type InvocationEvent } from './cluster';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export const METRIC_KEYS = [
  'services-count',
  'cpu-hours',
  'gpu-hours',
  'requests-sync-per-service',
  'requests-async-per-service',
  'requests-exposed-per-service',
  'requests-per-user',
  'users-per-service',
  'countries-count',
  'countries-list',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface Range {
  start: number;
  end: number;
}

/** `start`/`end` from the query: RFC 3339, end defaults to now and start to end − 24 h. */
export function parseRange(url: URL, now: number): Range {
  const read = (name: 'start' | 'end'): number | undefined => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === '') return undefined;
    const t = Date.parse(raw);
    if (!RFC3339.test(raw) || Number.isNaN(t)) throw new ClusterError(400, `invalid ${name} parameter "${raw}": expected an RFC3339 timestamp`);
    return t;
  };
  const end = read('end') ?? now;
  const start = read('start') ?? end - 86_400_000;
  if (start > end) throw new ClusterError(400, 'invalid range: start must be before end');
  return { start, end };
}

export function inRange(events: InvocationEvent[], range: Range, services?: Set<string>): InvocationEvent[] {
  // Events are sorted by time except for the live tail; a linear filter is fast enough for ~25k.
  return events.filter((e) => e.t >= range.start && e.t < range.end && (!services || services.has(e.service)));
}

export function sources(now: number) {
  const minutesAgo = (m: number) => rfc3339(now - m * 60_000);
  return [
    { name: 'prometheus', status: 'ok', last_updated: minutesAgo(1) },
    { name: 'minio-audit', status: 'ok', last_updated: minutesAgo(3) },
    {
      name: 'ingress-logs',
      status: 'degraded',
      last_updated: minutesAgo(17),
      notes: 'Exposed-service requests are read from the ingress logs every 15 minutes',
    },
  ];
}

function countries(events: InvocationEvent[]) {
  const by = new Map<string, number>();
  for (const e of events) if (e.country) by.set(e.country, (by.get(e.country) ?? 0) + 1);
  return [...by].map(([country, request_count]) => ({ country, request_count })).sort((a, b) => b.request_count - a.request_count || a.country.localeCompare(b.country));
}

function counts(events: InvocationEvent[]) {
  let sync = 0;
  let async = 0;
  let exposed = 0;
  for (const e of events) {
    if (e.kind === 'sync') sync++;
    else if (e.kind === 'async') async++;
    else exposed++;
  }
  return {
    requests_count_total: sync + async + exposed,
    requests_count_sync: sync,
    requests_count_async: async,
    requests_count_exposed: exposed,
  };
}

const hours = (s: number) => Math.round((s / 3600) * 100) / 100;

export function summary(events: InvocationEvent[], services: Service[], range: Range, now: number, visibleUsers?: (u: string) => boolean) {
  const users = [...new Set(events.flatMap((e) => (e.user ? [e.user] : [])))].filter((u) => !visibleUsers || visibleUsers(u)).sort();
  const list = countries(events);
  return {
    start: rfc3339(range.start),
    end: rfc3339(range.end),
    totals: {
      services_count_total: services.length,
      services_count_active: new Set(events.map((e) => e.service)).size,
      cpu_hours_total: hours(events.reduce((s, e) => s + e.cpuSeconds, 0)),
      gpu_hours_total: hours(events.reduce((s, e) => s + e.gpuSeconds, 0)),
      ...counts(events),
      countries_count: list.length,
      countries: list,
      users_count: users.length,
      users,
    },
    sources: sources(now),
  };
}

const UNITS: Record<MetricKey, string> = {
  'services-count': 'services',
  'cpu-hours': 'hours',
  'gpu-hours': 'hours',
  'requests-sync-per-service': 'requests',
  'requests-async-per-service': 'requests',
  'requests-exposed-per-service': 'requests',
  'requests-per-user': 'requests/user',
  'users-per-service': 'users',
  'countries-count': 'countries',
  'countries-list': 'countries',
};

export function serviceMetric(key: MetricKey, events: InvocationEvent[], now: number) {
  const c = counts(events);
  const users = new Set(events.flatMap((e) => (e.user ? [e.user] : []))).size;
  const value: Record<MetricKey, number> = {
    'services-count': 1,
    'cpu-hours': hours(events.reduce((s, e) => s + e.cpuSeconds, 0)),
    'gpu-hours': hours(events.reduce((s, e) => s + e.gpuSeconds, 0)),
    'requests-sync-per-service': c.requests_count_sync,
    'requests-async-per-service': c.requests_count_async,
    'requests-exposed-per-service': c.requests_count_exposed,
    'requests-per-user': users ? Math.round((c.requests_count_total / users) * 100) / 100 : 0,
    'users-per-service': users,
    'countries-count': countries(events).length,
    'countries-list': countries(events).length,
  };
  const src = sources(now);
  const relevant = key === 'requests-exposed-per-service' ? src.filter((s) => s.name === 'ingress-logs') : key.includes('hours') ? src.filter((s) => s.name === 'prometheus') : src.slice(0, 2);
  return { metric: key, value: value[key], unit: UNITS[key], sources: relevant };
}

export function parseMetricKey(raw: string | null): MetricKey | null {
  if (raw === null || raw === '') return null;
  if (!(METRIC_KEYS as readonly string[]).includes(raw)) {
    throw new ClusterError(400, `invalid metric "${raw}": use one of ${METRIC_KEYS.join(', ')}`);
  }
  return raw as MetricKey;
}

export type GroupBy = 'service' | 'user' | 'country' | 'vo';

export interface BreakdownItem {
  key: string;
  membership?: string;
  executions_count: number;
  requests_count_total: number;
  requests_count_sync: number;
  requests_count_async: number;
  requests_count_exposed: number;
  unique_users_count: number;
  countries: { country: string; request_count: number }[];
  users?: string[];
}

export function breakdown(events: InvocationEvent[], groupBy: GroupBy, includeUsers: boolean, userVo: (u: string) => string | undefined): BreakdownItem[] {
  const groups = new Map<string, InvocationEvent[]>();
  for (const e of events) {
    const key = groupBy === 'service' ? e.service : groupBy === 'user' ? e.user : groupBy === 'country' ? e.country : e.vo;
    if (!key) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(e);
  }
  const items = [...groups].map(([key, evs]) => {
    const users = [...new Set(evs.flatMap((e) => (e.user ? [e.user] : [])))].sort();
    const item: BreakdownItem = {
      key,
      executions_count: evs.filter((e) => e.kind === 'async').length,
      ...counts(evs),
      unique_users_count: users.length,
      countries: countries(evs),
    };
    if (groupBy === 'user') {
      const vo = userVo(key);
      if (vo) item.membership = vo;
    }
    if (groupBy === 'vo') item.membership = key;
    if (includeUsers && groupBy === 'service') item.users = users;
    return item;
  });
  return items.sort((a, b) => b.requests_count_total - a.requests_count_total || a.key.localeCompare(b.key));
}

function csvCell(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function breakdownCsv(items: BreakdownItem[], includeUsers: boolean): string {
  const header = ['key', 'membership', 'executions_count', 'requests_count_total', 'requests_count_sync', 'requests_count_async', 'requests_count_exposed', 'unique_users_count', 'countries', ...(includeUsers ? ['users'] : [])];
  const rows = items.map((i) =>
    [
      i.key,
      i.membership,
      i.executions_count,
      i.requests_count_total,
      i.requests_count_sync,
      i.requests_count_async,
      i.requests_count_exposed,
      i.unique_users_count,
      i.countries.map((c) => `${c.country}:${c.request_count}`).join(';'),
      ...(includeUsers ? [(i.users ?? []).join(';')] : []),
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...rows].join('\n') + '\n';
}
