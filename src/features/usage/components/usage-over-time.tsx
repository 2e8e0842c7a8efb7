import { useMemo } from 'react';
import type { MetricsSummaryResponse } from '../../../api/types';
import { metricsQueries, useBucketSeries } from '../../../components/chart-queries';
import { TimeSeriesChart } from '../../../components/chart-time-series';
import { splitRange, stepPhrase, type RangeSpec, type ResolvedRange } from '../../../lib/metrics/range';
import { topSeries, type SeriesDef } from '../../../lib/metrics/series';
import type { PrometheusSeries } from '../hooks/use-prometheus-series';

const COMPUTE: readonly SeriesDef[] = [
  { key: 'cpu_hours_total', label: 'CPU hours', unit: 'hours' },
  { key: 'gpu_hours_total', label: 'GPU hours', unit: 'hours' },
];
const REQUESTS: readonly SeriesDef[] = [
  { key: 'requests_count_sync', label: 'Synchronous', unit: 'requests' },
  { key: 'requests_count_async', label: 'Asynchronous', unit: 'requests' },
  { key: 'requests_count_exposed', label: 'Exposed', unit: 'requests' },
];

const pick = (d: MetricsSummaryResponse, key: string) =>
  d.totals?.[key as keyof NonNullable<MetricsSummaryResponse['totals']>];
const sourcesOf = (d: MetricsSummaryResponse) => d.sources;

/** Services drawn one by one in the by-service chart; the rest are added up as "Other". */
export const TOP_SERVICES = 10;

/**
 * Usage over the range: CPU/GPU hours and requests from OSCAR's totals per bucket, and where the
 * cluster has Prometheus, CPU/GPU hours at its finer step, memory, and CPU hours by service. When
 * Prometheus fails, the hours fall back to OSCAR's totals and the chart says why.
 */
export function UsageOverTime({
  range,
  now,
  prometheus,
  onZoom,
}: {
  range: ResolvedRange;
  now: number;
  prometheus: PrometheusSeries | null;
  onZoom: (spec: RangeSpec) => void;
}) {
  const buckets = useMemo(() => splitRange(range, range.step, now), [range, now]);
  const options = (b: { start: number; end: number }) => metricsQueries.summary(b.start, b.end);
  const compute = useBucketSeries(buckets, options, COMPUTE, pick, sourcesOf);
  const requests = useBucketSeries(buckets, options, REQUESTS, pick, sourcesOf);
  const zoom = (start: number, end: number) => onZoom({ kind: 'custom', start, end });
  const per = stepPhrase(range.step);
  const byServiceAll = prometheus?.byService.data ?? null;
  const byService = useMemo(
    () => (byServiceAll ? topSeries(byServiceAll, TOP_SERVICES) : null),
    [byServiceAll],
  );

  const prom = prometheus?.compute;
  const useProm = Boolean(prom?.data);
  const promStep = prometheus?.step ?? range.step;

  return (
    <div className="flex flex-col gap-6">
      <TimeSeriesChart
        title="CPU and GPU hours"
        description={
          useProm
            ? `Hours used ${stepPhrase(promStep)}, from Prometheus.`
            : `Hours used ${per}, from OSCAR’s totals.`
        }
        data={useProm && prom?.data ? prom.data : compute.data}
        step={useProm ? promStep : range.step}
        kind={useProm ? 'area' : 'bar'}
        loading={useProm ? false : compute.loading || Boolean(prom?.loading)}
        message={prom?.error ? `Prometheus: ${prom.error} Showing OSCAR’s totals ${per} instead.` : undefined}
        onZoom={zoom}
      />
      <TimeSeriesChart
        title="Requests"
        description={`Requests ${per} by kind, from OSCAR’s totals.`}
        data={requests.data}
        step={range.step}
        stacked
        loading={requests.loading}
        onZoom={zoom}
      />
      {prometheus && (
        <>
          <TimeSeriesChart
            title="Memory in use"
            description={`Average memory in use by services ${stepPhrase(promStep)}, from Prometheus.`}
            data={
              prometheus.memory.data ?? {
                defs: [],
                points: [],
                problems: { failed: 0, pending: 0, invalid: 0, partial: 0 },
              }
            }
            step={promStep}
            kind="area"
            loading={prometheus.memory.loading}
            message={prometheus.memory.error ? `Prometheus: ${prometheus.memory.error}` : undefined}
            onZoom={zoom}
          />
          <TimeSeriesChart
            title="CPU hours by service"
            description={`The ${TOP_SERVICES - 1} services that used most, the others together, ${stepPhrase(promStep)}, from Prometheus.`}
            data={
              byService ?? {
                defs: [],
                points: [],
                problems: { failed: 0, pending: 0, invalid: 0, partial: 0 },
              }
            }
            step={promStep}
            kind="area"
            stacked
            loading={prometheus.byService.loading}
            message={prometheus.byService.error ? `Prometheus: ${prometheus.byService.error}` : undefined}
            onZoom={zoom}
          />
        </>
      )}
    </div>
  );
}
