// Usage over time from Prometheus' query_range, where the cluster has one: CPU and GPU hours, memory,
// and CPU hours by service, each one request for the whole range at a fine step.
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { errorMessage } from '../../../api/errors';
import {
  addStep,
  type Bucket,
  splitRange,
  stepDef,
  stepFor,
  type ResolvedRange,
  type StepId,
} from '../../../lib/metrics/range';
import {
  PROM_MAX_POINTS,
  PROM_STEPS,
  renderQuery,
  seriesName,
  type PromQueryDef,
  type PromQueryId,
} from '../lib/prometheus';
import {
  mergeSeries,
  seriesFromPrometheus,
  type PromSeries,
  type SeriesData,
} from '../../../lib/metrics/series';
import { usageQueries } from '../api/queries';

export interface PromResult {
  data: SeriesData | null;
  error: string | null;
  loading: boolean;
}

export interface PrometheusSeries {
  step: StepId;
  compute: PromResult;
  memory: PromResult;
  byService: PromResult;
}

const IDS: readonly PromQueryId[] = ['cpu', 'gpu', 'memory', 'cpuByService'];

const shaped = new WeakMap<PromSeries[], { buckets: readonly Bucket[]; data: SeriesData }>();

export function usePrometheusSeries(
  url: string | null,
  queries: Record<PromQueryId, PromQueryDef>,
  range: ResolvedRange,
  now: number,
): PrometheusSeries | null {
  const step = stepFor(range.end - range.start, PROM_MAX_POINTS, PROM_STEPS);
  const stepSeconds = stepDef(step).ms / 1000;
  const buckets = useMemo(() => splitRange(range, step, now), [range, step, now]);
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  // Points are evaluated at bucket ends: from the first bucket's end to the last one's (nominal) end.
  const qStart = first ? first.start + stepSeconds * 1000 : 0;
  const qEnd = last ? addStep(last.start, step) : 0;
  const results = useQueries({
    queries: IDS.map((id) => ({
      ...usageQueries.prometheus(
        url ?? '',
        renderQuery(queries[id].expr, stepSeconds),
        qStart,
        qEnd,
        stepSeconds,
        now,
      ),
      placeholderData: keepPreviousData,
      enabled: Boolean(url) && buckets.length > 0,
    })),
  });
  const key = results.map((r) => `${r.status}:${r.dataUpdatedAt}:${r.errorUpdatedAt}`).join('|');

  return useMemo(() => {
    if (!url) return null;
    const one = (
      i: number,
      naming: (
        id: PromQueryId,
      ) => (
        labels: Record<string, string>,
        n: number,
      ) => { key: string; label: string; unit: PromQueryDef['unit'] },
    ) => {
      const id = IDS[i] as PromQueryId;
      const r = results[i];
      if (!r || r.data === undefined)
        return {
          data: null,
          error: r?.isError ? errorMessage(r.error) : null,
          loading: Boolean(r?.isFetching),
        };
      // One answer is shaped once, not again each time another of the four queries settles.
      const cached = shaped.get(r.data);
      if (cached?.buckets === buckets) return { data: cached.data, error: null, loading: false };
      const data = seriesFromPrometheus(buckets, r.data, naming(id), stepSeconds * 1000);
      shaped.set(r.data, { buckets, data });
      return { data, error: null, loading: false };
    };
    const single = (id: PromQueryId) => () => ({ key: id, label: queries[id].label, unit: queries[id].unit });
    const grouped = (id: PromQueryId) => (labels: Record<string, string>, n: number) => {
      const name = seriesName(labels, queries[id]);
      return { key: `${name}#${n}`, label: name, unit: queries[id].unit };
    };
    const cpu = one(0, single);
    const gpu = one(1, single);
    const compute: PromResult =
      cpu.data && gpu.data
        ? { data: mergeSeries([cpu.data, gpu.data]), error: null, loading: false }
        : { data: null, error: cpu.error ?? gpu.error, loading: cpu.loading || gpu.loading };
    return { step, compute, memory: one(2, single), byService: one(3, grouped) };
    // `key` stands for `results`, a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, key, buckets, step, stepSeconds, queries]);
}
