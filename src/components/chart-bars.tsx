import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import type { SeriesDef } from '../lib/metrics/series';
import { formatValue, NO_VALUE } from '../lib/units/format';
import { Button } from './button';
import { ChartLegend, useHiddenSeries } from './chart-legend';
import { seriesColor, useChartTheme } from './chart-theme';

const BarsPlot = lazy(() => import('./chart-bars-plot').then((m) => ({ default: m.BarsPlot })));

export interface BarRow {
  key: string;
  label: string;
  values: Record<string, number | null>;
}

/**
 * Stacked horizontal bars, one per row (a service, a user, a country), with legend toggles and a
 * "Show as table" switch. The chart (recharts) is lazily loaded.
 */
export function BarsChart({
  title,
  description,
  rows,
  defs,
  rowHeader,
}: {
  title: string;
  description?: ReactNode;
  rows: readonly BarRow[];
  defs: readonly SeriesDef[];
  rowHeader: string;
}) {
  const id = useId();
  const theme = useChartTheme();
  const [asTable, setAsTable] = useState(false);
  const { hidden, toggle } = useHiddenSeries();
  const legend = defs.map((d, i) => ({ key: d.key, label: d.label, color: seriesColor(theme, i) }));
  const shown = defs.filter((d) => !hidden.has(d.key));

  return (
    <figure aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={`${id}-title`} className="text-sm font-semibold">
            {title}
          </h3>
          {description && <p className="text-xs text-muted">{description}</p>}
        </div>
        <Button size="sm" variant="ghost" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </Button>
      </div>
      <ChartLegend label={`Series in ${title}`} items={legend} hidden={hidden} onToggle={toggle} />
      {asTable ? (
        <div
          // Focusable so that keyboard users can scroll it: it holds no controls of its own.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label={`${title}, as a table`}
          className="overflow-auto rounded-md border border-line"
        >
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b border-line px-3 py-1.5 text-left">
                  {rowHeader}
                </th>
                {shown.map((d) => (
                  <th key={d.key} scope="col" className="border-b border-line px-3 py-1.5 text-right">
                    {d.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className="border-b border-line px-3 py-1 text-left font-normal">
                    {r.label}
                  </th>
                  {shown.map((d) => (
                    <td key={d.key} className="border-b border-line px-3 py-1 text-right tabular-nums">
                      {r.values[d.key] === null || r.values[d.key] === undefined
                        ? NO_VALUE
                        : formatValue(d.unit, r.values[d.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Suspense fallback={<div className="h-40 animate-pulse rounded bg-raised" aria-hidden="true" />}>
          <BarsPlot title={title} rows={rows} defs={defs} hidden={hidden} />
        </Suspense>
      )}
    </figure>
  );
}
