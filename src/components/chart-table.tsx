import { useMemo, useState } from 'react';
import { bucketLabel, type StepId } from '../lib/metrics/range';
import { pointNote } from '../lib/metrics/csv';
import type { SeriesData, SeriesPoint } from '../lib/metrics/series';
import { formatValue, NO_VALUE } from '../lib/units/format';
import { DataTable, type Column, type SortState } from './table';

/**
 * A chart's data as a table: what a screen reader reads instead of the picture, sortable to find the
 * busiest period. It is the shared virtualised table, since 90 days of hourly points are 2,000 rows;
 * "Copy CSV" beside the chart copies all of it. Gaps read as a dash with the reason in the last column.
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
  const [sort, setSort] = useState<SortState>({ id: 'period', dir: 'asc' });
  const columns = useMemo(() => {
    const cols: Column<SeriesPoint>[] = [
      { id: 'period', header: 'Period', cell: (p) => bucketLabel(p.t, step), width: 'w-36', sortable: true },
    ];
    for (const d of data.defs) {
      if (hidden?.has(d.key)) continue;
      cols.push({
        id: d.key,
        header: d.label,
        width: 'w-32',
        sortable: true,
        className: 'text-right tabular-nums',
        cell: (p) => {
          const v = p.values[d.key];
          return v === null || v === undefined ? NO_VALUE : formatValue(d.unit, v);
        },
      });
    }
    cols.push({
      id: 'note',
      header: 'Note',
      cell: (p) => <span className="text-muted">{pointNote(p)}</span>,
      width: 'w-48',
    });
    return cols;
  }, [data.defs, hidden, step]);

  const rows = useMemo(() => {
    const dir = sort.dir === 'asc' ? 1 : -1;
    if (sort.id === 'period') return sort.dir === 'asc' ? data.points : [...data.points].reverse();
    // Gaps sort last whichever the direction.
    const v = (p: SeriesPoint) => p.values[sort.id] ?? null;
    return [...data.points].sort((a, b) => {
      const x = v(a);
      const y = v(b);
      if (x === null || y === null) return x === y ? a.t - b.t : x === null ? 1 : -1;
      return (x - y) * dir || a.t - b.t;
    });
  }, [data.points, sort]);

  return (
    <DataTable
      label={caption}
      columns={columns}
      rows={rows}
      sort={sort}
      onSortChange={setSort}
      rowKey={(p) => String(p.t)}
      rowHeight={32}
      className="max-h-96"
      tableClassName={columns.length > 6 ? 'min-w-[48rem]' : undefined}
    />
  );
}
