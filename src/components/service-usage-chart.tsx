import { useMemo, useState } from 'react';
import type { ServiceMetricsResponse } from '../api/types';
import { PRESETS, resolveRange, splitRange, stepPhrase, type PresetId } from '../lib/metrics/range';
import type { SeriesDef } from '../lib/metrics/series';
import { mergeSources, troubledSources } from '../lib/metrics/sources';
import { metricsQueries, useBucketSeries } from './chart-queries';
import { useNow } from './chart-now';
import { ChartRangeButtons } from './chart-range-buttons';
import { TimeSeriesChart } from './chart-time-series';

const COMPUTE: readonly SeriesDef[] = [
  { key: 'cpu-hours', label: 'CPU hours', unit: 'hours' },
  { key: 'gpu-hours', label: 'GPU hours', unit: 'hours' },
];
const REQUESTS: readonly SeriesDef[] = [
  { key: 'requests-sync-per-service', label: 'Synchronous', unit: 'requests' },
  { key: 'requests-async-per-service', label: 'Asynchronous', unit: 'requests' },
  { key: 'requests-exposed-per-service', label: 'Exposed', unit: 'requests' },
];

const pick = (d: ServiceMetricsResponse, key: string) => d.metrics?.find((m) => m.metric === key)?.value;
const sourcesOf = (d: ServiceMetricsResponse) => (d.metrics ?? []).flatMap((m) => m.sources ?? []);

/**
 * A service's own usage over time (GET /system/metrics/{serviceName}, one request per period): CPU and
 * GPU hours, and requests by kind. For the service page; it keeps its range to itself.
 */
export function ServiceUsageChart({
  serviceName,
  initialRange = '7d',
}: {
  serviceName: string;
  initialRange?: PresetId;
}) {
  const [preset, setPreset] = useState<PresetId>(initialRange);
  const refreshMs = PRESETS.find((p) => p.id === preset)?.refreshMs ?? null;
  const [now] = useNow(refreshMs);
  const range = useMemo(() => resolveRange({ kind: 'preset', preset }, now), [preset, now]);
  const buckets = useMemo(() => splitRange(range, range.step, now), [range, now]);
  const options = (b: { start: number; end: number }) => metricsQueries.service(serviceName, b.start, b.end);
  const compute = useBucketSeries(buckets, options, COMPUTE, pick, sourcesOf);
  const requests = useBucketSeries(buckets, options, REQUESTS, pick, sourcesOf);
  const troubled = useMemo(
    () => troubledSources(mergeSources(compute.raw.map((d) => (d ? sourcesOf(d) : undefined)))),
    [compute.raw],
  );
  const per = stepPhrase(range.step);

  return (
    <section aria-label={`Usage of ${serviceName}`} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ChartRangeButtons
          label={`Period for the usage of ${serviceName}`}
          value={preset}
          onChange={setPreset}
        />
        <p className="text-xs text-muted">{range.label}</p>
      </div>
      {troubled.length > 0 && (
        <p className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm">
          Some figures may be incomplete:{' '}
          {troubled.map((s) => `${s.name} is ${s.status}${s.notes ? ` (${s.notes})` : ''}`).join('; ')}.
        </p>
      )}
      <TimeSeriesChart
        title={`CPU and GPU hours of ${serviceName}`}
        description={`Hours used ${per}.`}
        data={compute.data}
        step={range.step}
        loading={compute.loading}
        height={200}
      />
      <TimeSeriesChart
        title={`Requests to ${serviceName}`}
        description={`Requests ${per}, by kind.`}
        data={requests.data}
        step={range.step}
        loading={requests.loading}
        stacked
        height={200}
      />
    </section>
  );
}
