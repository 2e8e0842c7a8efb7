// Server state of the usage page: breakdowns (JSON for the page, CSV for download), the Prometheus
// configuration file and Prometheus range queries. The per-bucket totals live in
// src/components/chart-queries.ts, shared with the service page's chart.
import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import type { MetricsBreakdownResponse } from '../../../api/types';
import { rfc3339 } from '../../../lib/metrics/range';
import {
  parsePrometheusConfig,
  parseQueryRange,
  PrometheusError,
  queryRangeUrl,
} from '../lib/prometheus';

export type GroupBy = 'service' | 'user' | 'country' | 'vo';
export const GROUP_BYS: readonly GroupBy[] = ['service', 'user', 'country', 'vo'];

export const usageKeys = {
  all: ['usage'] as const,
  breakdown: (start: number, end: number, groupBy: GroupBy, includeUsers: boolean) =>
    [...usageKeys.all, 'breakdown', groupBy, includeUsers, start, end] as const,
  prometheusConfig: () => [...usageKeys.all, 'prometheus-config'] as const,
  /** `asOf`: the page's "now"; the last point is still moving, so a new now is a new answer. */
  prometheus: (base: string, query: string, start: number, end: number, step: number, asOf: number) =>
    [...usageKeys.all, 'prometheus', base, query, start, end, step, asOf] as const,
};

function breakdownQuery(start: number, end: number, groupBy: GroupBy, includeUsers: boolean) {
  // The spec's enum lacks "vo", which OSCAR v4 accepts (items carry the VO in `membership`).
  const group_by = groupBy as 'service';
  return {
    start: rfc3339(start),
    end: rfc3339(end),
    group_by,
    ...(includeUsers && groupBy === 'service' ? { include_users: true } : {}),
  };
}

export const usageQueries = {
  breakdown: (start: number, end: number, groupBy: GroupBy, includeUsers: boolean) =>
    queryOptions({
      queryKey: usageKeys.breakdown(start, end, groupBy, includeUsers),
      queryFn: async ({ signal }) => {
        const { data } = await oscar.GET('/system/metrics/breakdown', {
          params: { query: breakdownQuery(start, end, groupBy, includeUsers) },
          signal,
        });
        // The spec types the 200 as the CSV string; with format=json it is a MetricsBreakdownResponse.
        return required(data as unknown as MetricsBreakdownResponse | undefined, 'the usage breakdown');
      },
      staleTime: 60_000,
    }),

  /** public/prometheus.json: optional; a missing file means no Prometheus is configured. */
  prometheusConfig: () =>
    queryOptions({
      queryKey: usageKeys.prometheusConfig(),
      queryFn: async ({ signal }) => {
        try {
          const res = await fetch(new URL(`${import.meta.env.BASE_URL}prometheus.json`, location.href), {
            signal,
            cache: 'no-store',
          });
          return parsePrometheusConfig(res.ok ? await res.json() : null);
        } catch (e) {
          if (e instanceof DOMException && e.name === 'AbortError') throw e;
          // Missing, unreadable or not JSON: the deployment configures no Prometheus.
          return parsePrometheusConfig(null);
        }
      },
      staleTime: Infinity,
    }),

  prometheus: (base: string, query: string, start: number, end: number, stepSeconds: number, asOf: number) =>
    queryOptions({
      queryKey: usageKeys.prometheus(base, query, start, end, stepSeconds, asOf),
      queryFn: ({ signal }) => prometheusRange(base, query, start, end, stepSeconds, signal),
      staleTime: 30_000,
      retry: false,
    }),
};

export async function prometheusRange(
  base: string,
  query: string,
  start: number,
  end: number,
  stepSeconds: number,
  signal?: AbortSignal,
) {
  let res: Response;
  try {
    res = await fetch(queryRangeUrl(base, query, start, end, stepSeconds), {
      signal,
      credentials: 'omit',
      headers: { Accept: 'application/json' },
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new PrometheusError(
      `Prometheus at ${base} did not answer. It may be down, or it may not allow requests from this page (CORS).`,
      'unreachable',
    );
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new PrometheusError(
      `Prometheus at ${base} answered HTTP ${res.status} with something that is not JSON.`,
      'http',
      res.status,
    );
  }
  return parseQueryRange(body, res.status);
}

/** The breakdown as CSV, straight from OSCAR (format=csv), for download. */
export async function fetchBreakdownCsv(
  start: number,
  end: number,
  groupBy: GroupBy,
  includeUsers: boolean,
): Promise<string> {
  const { data } = await oscar.GET('/system/metrics/breakdown', {
    params: { query: { ...breakdownQuery(start, end, groupBy, includeUsers), format: 'csv' } },
    parseAs: 'text',
  });
  if (typeof data !== 'string') throw new ApiError(502, 'The cluster sent an empty CSV');
  return data;
}
