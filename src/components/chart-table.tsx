import { bucketLabel, type StepId } from '../lib/metrics-range';
import { pointNote } from '../lib/metrics-csv';
import type { SeriesData } from '../lib/metrics-series';
import { formatValue, NO_VALUE } from '../lib/units';

/**
 * A chart's data as a plain table: what a screen reader reads instead of the picture, and what a
 * person selects to copy. Gaps read as a dash with the reason in the last column.
 */
export function ChartTable({
  caption,
  data,
  step,
  hidden,
}: {
  caption: string;
  data: SeriesData;
  step: StepId;
  hidden?: ReadonlySet<string>;
}) {
  const defs = data.defs.filter((d) => !hidden?.has(d.key));
  return (
    <div
      // Focusable so that keyboard users can scroll it: it holds no controls of its own.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label={`${caption}, as a table`}
      className="max-h-96 overflow-auto rounded-md border border-line"
    >
      <table className="w-full border-separate border-spacing-0 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th
              scope="col"
              className="sticky top-0 border-b border-line bg-surface px-3 py-1.5 text-left font-semibold"
            >
              Period
            </th>
            {defs.map((d) => (
              <th
                key={d.key}
                scope="col"
                className="sticky top-0 border-b border-line bg-surface px-3 py-1.5 text-right font-semibold"
              >
                {d.label}
              </th>
            ))}
            <th
              scope="col"
              className="sticky top-0 border-b border-line bg-surface px-3 py-1.5 text-left font-semibold"
            >
              Note
            </th>
          </tr>
        </thead>
        <tbody>
          {data.points.map((p) => (
            <tr key={p.t} className="hover:bg-raised">
              <th
                scope="row"
                className="border-b border-line px-3 py-1 text-left font-normal whitespace-nowrap"
              >
                {bucketLabel(p.t, step)}
              </th>
              {defs.map((d) => {
                const v = p.values[d.key];
                return (
                  <td
                    key={d.key}
                    className="border-b border-line px-3 py-1 text-right tabular-nums whitespace-nowrap"
                  >
                    {v === null || v === undefined ? NO_VALUE : formatValue(d.unit, v)}
                  </td>
                );
              })}
              <td className="border-b border-line px-3 py-1 text-muted">{pointNote(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
