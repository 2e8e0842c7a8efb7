import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Service } from '../../../api/types';
import { DataTable, type Column, type SortState } from '../../../components/table';
import { SORT_KEYS, type ServiceRow, type SortDir, type SortKey } from '../lib/list-view';
import { KindBadge, StatusBadge } from './status-badge';
import { Name } from '../../../components/name';
import { visibleText } from '../../../lib/text/hidden-chars';
import { ServiceRowMenu, type ServiceAction } from './service-row-menu';

const COLUMNS: Column<ServiceRow>[] = [
  {
    id: 'name',
    header: 'Name',
    sortable: true,
    width: 'w-[11.5%]',
    cell: (r) => (
      <Link to={`/services/${encodeURIComponent(r.name)}`} title={visibleText(r.name)} className="font-medium text-accent hover:underline">
        <Name value={r.name} />
      </Link>
    ),
  },
  { id: 'kind', header: 'Kind', sortable: true, width: 'w-[8.5%]', cell: (r) => <KindBadge kind={r.kind} /> },
  {
    id: 'image',
    header: 'Image',
    sortable: true,
    width: 'w-[10%]',
    className: 'font-mono text-xs',
    cell: (r) => <span title={r.image}>{r.image}</span>,
  },
  {
    id: 'cpu',
    header: 'CPU',
    sortable: true,
    width: 'w-[7%]',
    cell: (r) => (
      <span className="tabular-nums">
        {r.cpuText || '—'}
        {r.gpu && <span className="ml-1 text-xs text-muted">+ GPU</span>}
      </span>
    ),
  },
  { id: 'memory', header: 'Memory', sortable: true, width: 'w-[10%]', cell: (r) => <span className="tabular-nums">{r.memoryText || '—'}</span> },
  { id: 'status', header: 'Status', sortable: true, width: 'w-[9%]', cell: (r) => <StatusBadge state={r.status} /> },
  { id: 'owner', header: 'Owner', sortable: true, width: 'w-[9.5%]', cell: (r) => <span title={r.owner}>{r.owner}</span> },
  { id: 'visibility', header: 'Visibility', sortable: true, width: 'w-[10.5%]', cell: (r) => r.visibility },
  {
    id: 'io',
    header: 'Input → output',
    sortable: true,
    width: 'w-[10%]',
    className: 'text-muted',
    cell: (r) => <span title={r.io}>{r.io}</span>,
  },
];

const rowName = (r: ServiceRow) => r.name;

export function ServiceTable({
  rows,
  sort,
  dir,
  onSortChange,
  selected,
  onSelectionChange,
  onAction,
}: {
  rows: readonly ServiceRow[];
  sort: SortKey;
  dir: SortDir;
  onSortChange: (sort: SortKey, dir: SortDir) => void;
  selected: ReadonlySet<string>;
  onSelectionChange: (next: Set<string>) => void;
  onAction: (action: ServiceAction, service: Service) => void;
}) {
  const columns = useMemo<Column<ServiceRow>[]>(
    () => [
      ...COLUMNS,
      { id: 'actions', header: 'Actions', headerHidden: true, width: 'w-14', className: 'overflow-visible! px-1.5! text-right', cell: (r) => <ServiceRowMenu service={r.service} onAction={onAction} /> },
    ],
    [onAction],
  );
  return (
    <DataTable
      label="Services"
      columns={columns}
      rows={rows}
      rowKey={rowName}
      sort={{ id: sort, dir }}
      onSortChange={(s: SortState) => {
        if ((SORT_KEYS as readonly string[]).includes(s.id)) onSortChange(s.id as SortKey, s.dir);
      }}
      selection={{
        selected,
        onChange: onSelectionChange,
        rowLabel: (r) => `Select ${r.name}`,
        allLabel: `Select all ${rows.length} services shown`,
      }}
      className="max-h-[max(18rem,calc(100vh-14rem))]"
      tableClassName="min-w-[68rem]"
    />
  );
}
