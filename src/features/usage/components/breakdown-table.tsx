import { useMemo } from 'react';
import type { MetricsBreakdownResponse } from '../../../api/types';
import { DataTable, type Column } from '../../../components/table';
import { cleanValue } from '../../../lib/metrics/series';
import { compact, NO_VALUE } from '../../../lib/units/format';
import type { GroupBy } from '../api/queries';
import type { BreakdownSort } from '../hooks/use-usage-params';
import { countryName } from './country-name';

export type BreakdownItem = NonNullable<MetricsBreakdownResponse['items']>[number];

export const GROUP_LABEL: Record<GroupBy, string> = {
  service: 'Service',
  user: 'User',
  country: 'Country',
  vo: 'VO',
};

const n = (v: unknown) => cleanValue(v).value;
const count = (v: unknown) => {
  const x = n(v);
  return x === null ? NO_VALUE : x.toLocaleString('en-US');
};

type NumKey =
  | 'requests_count_total'
  | 'requests_count_sync'
  | 'requests_count_async'
  | 'requests_count_exposed'
  | 'executions_count'
  | 'unique_users_count';

const NUMERIC: { id: NumKey; header: string }[] = [
  { id: 'requests_count_total', header: 'Requests' },
  { id: 'requests_count_sync', header: 'Sync' },
  { id: 'requests_count_async', header: 'Async' },
  { id: 'requests_count_exposed', header: 'Exposed' },
  { id: 'executions_count', header: 'Executions' },
  { id: 'unique_users_count', header: 'Users' },
];

export function keyLabel(groupBy: GroupBy, key: string | undefined): string {
  if (!key) return '(none)';
  return groupBy === 'country' ? countryName(key) : key;
}

export function sortItems(
  items: readonly BreakdownItem[],
  sort: BreakdownSort,
  groupBy: GroupBy,
): BreakdownItem[] {
  const dir = sort.dir === 'asc' ? 1 : -1;
  const text = (i: BreakdownItem) =>
    sort.id === 'membership' ? (i.membership ?? '') : keyLabel(groupBy, i.key);
  const numeric = NUMERIC.some((c) => c.id === sort.id);
  return [...items].sort((a, b) => {
    if (numeric) {
      // Missing or unusable numbers sort last whichever the direction.
      const x = n(a[sort.id as NumKey]);
      const y = n(b[sort.id as NumKey]);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return (x - y) * dir || keyLabel(groupBy, a.key).localeCompare(keyLabel(groupBy, b.key));
    }
    return text(a).localeCompare(text(b)) * dir;
  });
}

/** The breakdown's rows, sortable by every column; the sort lives in the URL. */
export function BreakdownTable({
  items,
  groupBy,
  includeUsers,
  sort,
  onSortChange,
}: {
  items: readonly BreakdownItem[];
  groupBy: GroupBy;
  includeUsers: boolean;
  sort: BreakdownSort;
  onSortChange: (s: BreakdownSort) => void;
}) {
  const columns = useMemo(() => {
    const cols: Column<BreakdownItem>[] = [
      {
        id: 'key',
        header: GROUP_LABEL[groupBy],
        cell: (i) => <span title={i.key}>{keyLabel(groupBy, i.key)}</span>,
        sortable: true,
        width: 'w-48',
      },
    ];
    if (groupBy === 'user')
      cols.push({
        id: 'membership',
        header: 'VO',
        cell: (i) => i.membership ?? NO_VALUE,
        sortable: true,
        width: 'w-40',
      });
    for (const c of NUMERIC) {
      if (c.id === 'unique_users_count' && groupBy === 'user') continue;
      cols.push({
        id: c.id,
        header: c.header,
        cell: (i) => count(i[c.id]),
        sortable: true,
        width: 'w-32',
        className: 'text-right tabular-nums',
      });
    }
    if (groupBy !== 'country') {
      cols.push({
        id: 'countries',
        header: 'Top countries',
        width: 'w-48',
        cell: (i) =>
          (i.countries ?? [])
            .slice(0, 3)
            .map((c) => `${c.country ?? '?'} ${compact(c.request_count)}`)
            .join(', ') || NO_VALUE,
      });
    }
    if (includeUsers && groupBy === 'service') {
      cols.push({
        id: 'users',
        header: 'User list',
        width: 'w-64',
        cell: (i) => <span title={(i.users ?? []).join(', ')}>{(i.users ?? []).join(', ') || NO_VALUE}</span>,
      });
    }
    return cols;
  }, [groupBy, includeUsers]);
  const rows = useMemo(() => sortItems(items, sort, groupBy), [items, sort, groupBy]);

  return (
    <DataTable
      label={`Usage by ${GROUP_LABEL[groupBy].toLowerCase()}`}
      columns={columns}
      rows={rows}
      rowKey={(i) => i.key ?? ''}
      sort={sort}
      onSortChange={onSortChange}
      rowHeight={38}
      className="max-h-[28rem]"
      tableClassName="min-w-[64rem]"
    />
  );
}
