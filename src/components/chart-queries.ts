// Server state for the usage charts, shared by the usage page and the service page's usage chart: one
// query per (endpoint, range), so a bucket fetched for one chart or range serves every other that
// needs it. Requests go through one limiter so a 90-bucket chart never floods the cluster.
import { queryOptions, useQueries, type Query, type UseQueryOptions } from '@tanstack/react-query';
import { useMemo } from 'react';
import { oscar, required } from '../api/client';
import { errorMessage } from '../api/errors';
import type { MetricsSummaryResponse, ServiceMetricsResponse } from '../api/types';
import { createLimiter } from '../lib/metrics/limit';
import { MINUTE, rfc3339, type Bucket } from '../lib/metrics/range';
import { buildSeries, type BucketOutcome, type SeriesData, type SeriesDef } from '../lib/metrics/series';
import { isPartial } from '../lib/metrics/sources';

/** At most this many metrics requests at once, for all charts on the page together. */
export const METRICS_CONCURRENCY = 6;
const limiter = createLimiter(METRICS_CONCURRENCY);

export const metricsKeys = {
  all: ['metrics'] as const,
  summary: (start: number, end: number) => [...metricsKeys.all, 'summary', start, end] as const,
  service: (name: string, start: number, end: number) =>
    [...metricsKeys.all, 'service', name, start, end] as const,
};

// Sources such as ingress logs are read every 15 minutes: a recent or partial total can still grow.
const SETTLED_AFTER = 30 * MINUTE;

function staleTime(end: number, sources: MetricsSummaryResponse['sources']): number {
  const settled = end < Date.now() - SETTLED_AFTER && !isPartial(sources);
  return settled ? Infinity : 30_000;
}

const serviceSources = (d: ServiceMetricsResponse | undefined) => d?.metrics?.flatMap((m) => m.sources ?? []);

export const metricsQueries = {
  /** `headline`: a figure the page leads with (the summary cards), fetched before chart buckets. */
  summary: (start: number, end: number, headline = false) =>
    queryOptions({
      queryKey: metricsKeys.summary(start, end),
      queryFn: ({ signal }) =>
        limiter.run(
          async () => {
            const { data } = await oscar.GET('/system/metrics', {
              params: { query: { start: rfc3339(start), end: rfc3339(end) } },
              signal,
            });
            return required(data, 'the usage summary');
          },
          signal,
          headline,
        ),
      staleTime: (q) => staleTime(end, q.state.data?.sources),
    }),
  service: (name: string, start: number, end: number) =>
    queryOptions({
      queryKey: metricsKeys.service(name, start, end),
      queryFn: ({ signal }) =>
        limiter.run(async () => {
          const { data } = await oscar.GET('/system/metrics/{serviceName}', {
            params: { path: { serviceName: name }, query: { start: rfc3339(start), end: rfc3339(end) } },
            signal,
          });
          return required(data, `the usage of ${name}`);
        }, signal),
      staleTime: (q) => staleTime(end, serviceSources(q.state.data)),
    }),
};

/**
 * One query per bucket, combined into a series. The open bucket (the one still filling up) keeps
 * showing its previous figure while its next one loads, so an auto-refresh does not blink.
 */
export function useBucketSeries<T, K extends readonly unknown[]>(
  buckets: readonly Bucket[],
  options: (b: Bucket) => UseQueryOptions<T, Error, T, K>,
  defs: readonly SeriesDef[],
  pick: (data: T, key: string) => unknown,
  sources: (data: T) => MetricsSummaryResponse['sources'],
  enabled = true,
): { data: SeriesData; loading: boolean; raw: (T | undefined)[] } {
  // Newest first: the limiter starts requests in the order they come, and the recent periods matter most.
  const newestFirst = useMemo(() => [...buckets].reverse(), [buckets]);
  const reversed = useQueries({
    queries: newestFirst.map((b) => ({
      ...options(b),
      enabled,
      placeholderData: (prev: T | undefined, prevQuery?: Query<T, Error, T, K>) =>
        b.open && prevQuery?.queryKey.includes(b.start) ? prev : undefined,
    })),
  });
  const results = [...reversed].reverse();
  const states = results.map((r) => `${r.status}:${r.dataUpdatedAt}:${r.errorUpdatedAt}`).join('|');
  return useMemo(() => {
    const outcomes = buckets.map((bucket, i): BucketOutcome<T> => {
      const r = results[i];
      if (r?.data !== undefined)
        return { bucket, state: 'ok', data: r.data as T, sources: sources(r.data as T) ?? [] };
      if (r?.isError) return { bucket, state: 'error', error: errorMessage(r.error) };
      return { bucket, state: 'pending' };
    });
    return {
      data: buildSeries(defs, outcomes, pick),
      loading: results.some((r) => r.isFetching && r.data === undefined),
      raw: results.map((r) => r.data as T | undefined),
    };
    // `states` stands for `results`, which is a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [buckets, defs, states]);
}

export type SummaryData = MetricsSummaryResponse;
export type ServiceData = ServiceMetricsResponse;
