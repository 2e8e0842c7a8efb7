// The recharts part of BarsChart, lazily loaded with the other chart code.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatTick, formatValue, NO_VALUE } from '../lib/units/format';
import type { SeriesDef } from '../lib/metrics/series';
import { seriesColor, useChartTheme } from './chart-theme';
import type { BarRow } from './chart-bars';

export function BarsPlot({
  title,
  rows,
  defs,
  hidden,
}: {
  title: string;
  rows: readonly BarRow[];
  defs: readonly SeriesDef[];
  hidden: ReadonlySet<string>;
}) {
  const theme = useChartTheme();
  const unit = defs[0]?.unit ?? 'count';
  const data = rows.map((r) => {
    const row: Record<string, string | number | null> = { label: r.label };
    defs.forEach((d, i) => (row[`s${i}`] = r.values[d.key] ?? null));
    return row;
  });
  const height = Math.max(120, rows.length * 28 + 40);
  return (
    <div data-testid="chart-plot" data-points={rows.length}>
      <BarChart
        data={data}
        layout="vertical"
        responsive
        style={{ width: '100%', height }}
        height={height}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        title={title}
      >
        <CartesianGrid stroke={theme.line} strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          niceTicks="snap125"
          stroke={theme.muted}
          tick={{ fill: theme.muted, fontSize: 12 }}
          tickFormatter={(v: number) => formatTick(unit, v)}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={150}
          stroke={theme.muted}
          tick={{ fill: theme.fg, fontSize: 12 }}
          interval={0}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: theme.raised }}
          content={(p: TooltipContentProps) => <BarsTooltip {...p} defs={defs} hidden={hidden} />}
        />
        {defs.map((d, i) => (
          <Bar
            key={d.key}
            dataKey={`s${i}`}
            name={d.label}
            stackId="all"
            fill={seriesColor(theme, i)}
            hide={hidden.has(d.key)}
            isAnimationActive={false}
            maxBarSize={22}
          />
        ))}
      </BarChart>
    </div>
  );
}

function BarsTooltip({
  active,
  payload,
  defs,
  hidden,
}: TooltipContentProps & { defs: readonly SeriesDef[]; hidden: ReadonlySet<string> }) {
  const row = payload?.[0]?.payload as Record<string, string | number | null> | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-line bg-surface px-3 py-2 text-xs text-fg shadow-md">
      <p className="font-semibold">{row.label}</p>
      <ul className="mt-1 flex flex-col gap-0.5">
        {defs.map((d, i) =>
          hidden.has(d.key) ? null : (
            <li key={d.key} className="flex justify-between gap-4">
              <span>{d.label}</span>
              <span className="tabular-nums">
                {typeof row[`s${i}`] === 'number' ? formatValue(d.unit, row[`s${i}`] as number) : NO_VALUE}
              </span>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
