import { lazy, Suspense, useId, useMemo, useState, type ReactNode } from 'react';
import type { StepId } from '../lib/metrics/range';
import { isAllZero, isEmptySeries, seriesMean, seriesTotals, type SeriesData } from '../lib/metrics/series';
import { seriesCsv } from '../lib/metrics/csv';
import { formatValue } from '../lib/units/format';
import { Button } from './button';
import { ChartLegend, useHiddenSeries } from './chart-legend';
import { ChartProblems } from './chart-problems';
import { ChartTable } from './chart-table';
import { CopyButton } from './copy-button';
import { seriesColor, useChartTheme } from './chart-theme';

// recharts is a large library: it loads with the first chart, not with the app.
const TimeSeriesPlot = lazy(() =>
  import('./chart-time-series-plot').then((m) => ({ default: m.TimeSeriesPlot })),
);

export interface TimeSeriesChartProps {
  /** The chart's accessible name and visible title. */
  title: string;
  /** One line under the title: what a bar is and where the figures come from. */
  description?: ReactNode;
  data: SeriesData;
  step: StepId;
  kind?: 'bar' | 'area';
  stacked?: boolean;
  height?: number;
  /** Still loading buckets: the chart draws what it has and says so. */
  loading?: boolean;
  /** A message beside the chart (why it is incomplete or missing), in place of a chart when `data` is empty. */
  message?: ReactNode;
  onZoom?: (start: number, end: number) => void;
  /** Extra controls next to "Show as table". */
  actions?: ReactNode;
}

/**
 * A time series as a chart with a table alternative: a named figure, legend toggles, a "Show as table"
 * switch, a copy-as-CSV button, and the reasons for any gap next to it. The chart itself (recharts) is
 * lazily loaded.
 */
export function TimeSeriesChart({
  title,
  description,
  data,
  step,
  kind = 'bar',
  stacked = false,
  height = 260,
  loading = false,
  message,
  onZoom,
  actions,
}: TimeSeriesChartProps) {
  const id = useId();
  const theme = useChartTheme();
  const [asTable, setAsTable] = useState(false);
  const { hidden, toggle } = useHiddenSeries();
  // Buckets arrive one by one; redrawing the plot for each would keep the page busy. The plot shows
  // the last complete data (dimmed) until loading ends, while the progress line counts the periods.
  const [settled, setSettled] = useState<SeriesData | null>(loading ? null : data);
  if (!loading && settled !== data) setSettled(data);
  const plotData = loading ? settled : data;
  const totals = useMemo(() => seriesTotals(data), [data]);
  const empty = isEmptySeries(data) && !(loading && plotData && !isEmptySeries(plotData));
  const legend = data.defs.map((d, i) => ({
    key: d.key,
    label: d.label,
    color: seriesColor(theme, i),
    // Hours and requests add up over the range; memory is a level, so its figure is the average.
    detail:
      d.unit === 'bytes'
        ? `avg ${formatValue(d.unit, seriesMean(data, d.key))}`
        : formatValue(d.unit, totals[d.key]),
  }));


  return (
    <figure
      aria-labelledby={`${id}-title`}
      aria-busy={loading || undefined}
      className="flex min-w-0 flex-col gap-2"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`${id}-title`} className="text-sm font-semibold">
            {title}
          </h3>
          {description && <p className="text-xs text-muted">{description}</p>}
        </div>
        <div className="flex items-center gap-1">
          {actions}
          {!empty && (
            <CopyButton value={() => seriesCsv(data)} label={`${title} as CSV`}>
              Copy CSV
            </CopyButton>
          )}
          <Button size="sm" variant="ghost" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? 'Show as chart' : 'Show as table'}
          </Button>
        </div>
      </div>
      <ChartProblems
        problems={data.problems}
        total={data.points.length}
        loading={loading}
        message={message}
      />
      {empty ? (
        <EmptyChart
          height={height}
          loading={loading}
          hasMessage={Boolean(message) || data.problems.failed > 0}
        />
      ) : (
        <>
          <ChartLegend label={`Series in ${title}`} items={legend} hidden={hidden} onToggle={toggle} />
          {asTable ? (
            <ChartTable caption={title} data={data} step={step} hidden={hidden} />
          ) : (
            <>
              <Suspense
                fallback={
                  <div className="animate-pulse rounded bg-raised" style={{ height }} aria-hidden="true" />
                }
              >
                {plotData ? (
                  <div className={loading ? 'opacity-50 transition-opacity' : undefined}>
                    <TimeSeriesPlot
                      title={title}
                      data={plotData}
                      kind={kind}
                      stacked={stacked}
                      step={step}
                      hidden={hidden}
                      height={height}
                      {...(onZoom && !loading ? { onZoom } : {})}
                    />
                  </div>
                ) : (
                  <div className="animate-pulse rounded bg-raised" style={{ height }} aria-hidden="true" />
                )}
              </Suspense>
              {isAllZero(data) && !loading && (
                <p className="text-xs text-muted">Nothing was used in this period: every value is zero.</p>
              )}
            </>
          )}
        </>
      )}
    </figure>
  );
}

function EmptyChart({
  height,
  loading,
  hasMessage,
}: {
  height: number;
  loading: boolean;
  hasMessage: boolean;
}) {
  if (loading)
    return <div className="animate-pulse rounded bg-raised" style={{ height }} aria-hidden="true" />;
  return (
    <div
      className="flex items-center justify-center rounded border border-dashed border-line text-sm text-muted"
      style={{ height: Math.min(height, 140) }}
    >
      {hasMessage ? 'Nothing to draw.' : 'No figures for this period.'}
    </div>
  );
}
