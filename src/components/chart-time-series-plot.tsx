// The recharts part of TimeSeriesChart, in its own module so that recharts loads only when a chart is
// first drawn (chart-time-series.tsx imports this lazily).
import { useMemo, useState } from 'react';
import {
  Area,
  Bar,
  Brush,
  CartesianGrid,
  ComposedChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { bucketLabel, type StepId } from '../lib/metrics/range';
import { pointNote } from '../lib/metrics/csv';
import type { SeriesData, SeriesPoint } from '../lib/metrics/series';
import { formatTick, formatValue, NO_VALUE } from '../lib/units/format';
import { seriesColor, useChartTheme } from './chart-theme';

export interface TimeSeriesPlotProps {
  title: string;
  data: SeriesData;
  kind: 'bar' | 'area';
  stacked: boolean;
  step: StepId;
  hidden: ReadonlySet<string>;
  height: number;
  /** Called with the brushed span when a drag on the brush ends; without it there is no brush. */
  onZoom?: (start: number, end: number) => void;
}

type Row = { t: number; point: SeriesPoint } & Record<string, number | null | SeriesPoint>;

export function TimeSeriesPlot({
  title,
  data,
  kind,
  stacked,
  step,
  hidden,
  height,
  onZoom,
}: TimeSeriesPlotProps) {
  const theme = useChartTheme();
  // Series keys can be any service name; recharts reads "a.b" as a path, so rows use s0, s1, …
  const rows = useMemo(
    () =>
      data.points.map((p) => {
        const row: Row = { t: p.t, point: p } as Row;
        data.defs.forEach((d, i) => (row[`s${i}`] = p.values[d.key] ?? null));
        return row;
      }),
    [data],
  );
  const [brush, setBrush] = useState<{ startIndex: number; endIndex: number } | null>(null);
  const unit = data.defs[0]?.unit ?? 'count';
  const showBrush = Boolean(onZoom) && rows.length > 6;

  const commitZoom = (range: { startIndex: number; endIndex: number } | null) => {
    if (!onZoom || !range) return;
    const first = data.points[range.startIndex];
    const last = data.points[range.endIndex];
    if (!first || !last || (range.startIndex === 0 && range.endIndex === rows.length - 1)) return;
    onZoom(first.t, last.end);
  };

  return (
    <div data-testid="chart-plot" data-points={rows.length}>
      <ComposedChart
        data={rows}
        height={height}
        responsive
        style={{ width: '100%', height }}
        margin={{ top: 8, right: 12, bottom: 4, left: 4 }}
        barCategoryGap={rows.length > 60 ? 0 : '15%'}
        title={title}
      >
        <CartesianGrid stroke={theme.line} strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="t"
          tickFormatter={(t: number) => bucketLabel(t, step)}
          stroke={theme.muted}
          tick={{ fill: theme.muted, fontSize: 12 }}
          // A fixed interval: with "preserveEnd" recharts measures every label in the DOM to choose
          // which fit, which for 2,000 hourly points costs seconds. About eight labels fit any width.
          interval={Math.max(0, Math.ceil(rows.length / 8) - 1)}
        />
        <YAxis
          stroke={theme.muted}
          tick={{ fill: theme.muted, fontSize: 12 }}
          tickFormatter={(v: number) => formatTick(unit, v)}
          width={64}
          allowDecimals
          niceTicks="snap125"
        />
        <Tooltip
          content={(props: TooltipContentProps) => (
            <PlotTooltip {...props} data={data} step={step} hidden={hidden} />
          )}
          cursor={{ fill: theme.raised, stroke: theme.line }}
          isAnimationActive={false}
        />
        {data.defs.map((d, i) => {
          const color = seriesColor(theme, i);
          const common = {
            dataKey: `s${i}`,
            name: d.label,
            hide: hidden.has(d.key),
            isAnimationActive: false,
            ...(stacked ? { stackId: 'all' } : {}),
          };
          return kind === 'bar' ? (
            <Bar key={d.key} {...common} fill={color} maxBarSize={48} />
          ) : (
            <Area
              key={d.key}
              {...common}
              type="monotone"
              stroke={color}
              fill={color}
              fillOpacity={stacked ? 0.55 : 0.2}
              strokeWidth={1.5}
              connectNulls={false}
              dot={false}
            />
          );
        })}
        {showBrush && (
          <Brush
            dataKey="t"
            height={28}
            stroke={theme.accent}
            fill={theme.surface}
            travellerWidth={10}
            ariaLabel={`Zoom ${title}: move the handles to choose a period`}
            tickFormatter={(t: number) => bucketLabel(t, step)}
            {...(brush ? { startIndex: brush.startIndex, endIndex: brush.endIndex } : {})}
            onChange={(r) => setBrush(r)}
            onDragEnd={(r) => commitZoom(r)}
          />
        )}
      </ComposedChart>
      {showBrush && brush && (brush.startIndex > 0 || brush.endIndex < rows.length - 1) && (
        <p className="mt-1 text-xs text-muted">
          Brushed {bucketLabel(data.points[brush.startIndex]?.t ?? 0, step)} –{' '}
          {bucketLabel(data.points[brush.endIndex]?.t ?? 0, step)}.{' '}
          <button type="button" className="text-accent underline" onClick={() => commitZoom(brush)}>
            Zoom in to this period
          </button>
        </p>
      )}
    </div>
  );
}

function PlotTooltip({
  active,
  payload,
  data,
  step,
  hidden,
}: TooltipContentProps & { data: SeriesData; step: StepId; hidden: ReadonlySet<string> }) {
  const row = payload?.[0]?.payload as Row | undefined;
  if (!active || !row) return null;
  const p = row.point;
  const note = pointNote(p);
  return (
    <div className="rounded-md border border-line bg-surface px-3 py-2 text-xs text-fg shadow-md">
      <p className="font-semibold">
        {bucketLabel(p.t, step)} – {bucketLabel(p.end, step)}
      </p>
      <ul className="mt-1 flex flex-col gap-0.5">
        {data.defs
          .filter((d) => !hidden.has(d.key))
          .map((d) => {
            const v = p.values[d.key];
            return (
              <li key={d.key} className="flex justify-between gap-4">
                <span>{d.label}</span>
                <span className="tabular-nums">
                  {v === null || v === undefined ? NO_VALUE : formatValue(d.unit, v)}
                </span>
              </li>
            );
          })}
      </ul>
      {note && <p className="mt-1 text-muted">{note}</p>}
    </div>
  );
}
