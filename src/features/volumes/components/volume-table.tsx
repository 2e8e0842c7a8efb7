import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ManagedVolume } from '../../../api/types';
import { Badge } from '../../../components/badge';
import { DataTable, type Column } from '../../../components/table';

export type VolumeSort = 'name' | 'owner' | 'size' | 'service' | 'phase';

/** A name that came from the cluster; the one place this table renders one (the shared <Name> will go here). */
function ClusterName({ children }: { children: string | undefined }): ReactNode {
  return <span className="font-mono">{children ?? ''}</span>;
}

export function VolumeTable({
  rows,
  sort,
  dir,
  onSortChange,
  selected,
  onSelectionChange,
}: {
  rows: readonly ManagedVolume[];
  sort: VolumeSort;
  dir: 'asc' | 'desc';
  onSortChange: (s: VolumeSort, d: 'asc' | 'desc') => void;
  selected: ReadonlySet<string>;
  onSelectionChange: (next: Set<string>) => void;
}) {
  const columns = useMemo<Column<ManagedVolume>[]>(
    () => [
      { id: 'name', header: 'Name', sortable: true, width: 'w-[22%]', cell: (v) => <ClusterName>{v.name}</ClusterName> },
      { id: 'owner', header: 'Owner', sortable: true, width: 'w-[18%]', cell: (v) => <span title={v.owner_user} className="block truncate"><ClusterName>{v.owner_user}</ClusterName></span> },
      { id: 'size', header: 'Size', sortable: true, width: 'w-24', className: 'tabular-nums', cell: (v) => v.size ?? '—' },
      {
        id: 'service',
        header: 'Used by',
        sortable: true,
        width: 'w-[22%]',
        cell: (v) => {
          const list = v.attachments ?? [];
          if (!list.length) return <span className="text-muted">Not attached</span>;
          return list.map((a, i) => (
            <span key={`${a.service_name}-${i}`}>
              {i > 0 && ', '}
              <Link to={`/services/${encodeURIComponent(a.service_name ?? '')}`} className="text-accent underline-offset-2 hover:underline">
                <ClusterName>{a.service_name}</ClusterName>
              </Link>
              {a.mount_path && <span className="text-muted"> at {a.mount_path}</span>}
            </span>
          ));
        },
      },
      {
        id: 'phase',
        header: 'Phase',
        sortable: true,
        width: 'w-28',
        cell: (v) => <Badge tone={v.status?.phase === 'Bound' ? 'ok' : v.status?.phase === 'Pending' ? 'warn' : 'neutral'}>{v.status?.phase ?? 'Unknown'}</Badge>,
      },
      {
        id: 'policy',
        header: 'With its service',
        width: 'w-36',
        cell: (v) =>
          v.creation_mode === 'service' ? (v.lifecycle_policy === 'retain' ? 'Kept' : 'Deleted') : <span className="text-muted">Yours to delete</span>,
      },
    ],
    [],
  );
  return (
    <DataTable
      label="Volumes"
      columns={columns}
      rows={rows}
      rowKey={(v) => v.name ?? ''}
      sort={{ id: sort, dir }}
      onSortChange={(s) => onSortChange(s.id as VolumeSort, s.dir)}
      selection={{
        selected,
        onChange: onSelectionChange,
        rowLabel: (v) => `Select ${v.name ?? ''}`,
        allLabel: `Select all ${rows.length} volumes shown`,
      }}
      tableClassName="min-w-[56rem]"
    />
  );
}
