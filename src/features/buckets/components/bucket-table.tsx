import { useMemo } from 'react';
import { Link } from 'react-router';
import type { MinIOBucket } from '../../../api/types';
import { Badge, type BadgeTone } from '../../../components/badge';
import { Button } from '../../../components/button';
import { DataTable, type Column } from '../../../components/table';
import { formatBytes } from '../../../lib/units/transfer';
import { bucketHref } from '../lib/bucket-paths';
import type { BucketUse } from '../lib/bucket-services';
import { Name } from '../../../components/name';

export type BucketSort = 'name' | 'owner' | 'visibility' | 'size' | 'objects';

const TONE: Record<string, BadgeTone> = { private: 'neutral', restricted: 'warn', public: 'accent' };

export function BucketTable({
  rows,
  uses,
  sort,
  dir,
  onSortChange,
  onVisibility,
  onDelete,
}: {
  rows: readonly MinIOBucket[];
  uses: ReadonlyMap<string, BucketUse[]>;
  sort: BucketSort;
  dir: 'asc' | 'desc';
  onSortChange: (s: BucketSort, d: 'asc' | 'desc') => void;
  onVisibility: (b: MinIOBucket) => void;
  onDelete: (b: MinIOBucket) => void;
}) {
  const columns = useMemo<Column<MinIOBucket>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        sortable: true,
        width: 'w-[20%]',
        cell: (b) => (
          <Link to={bucketHref(b.bucket_name ?? '')} className="font-mono text-accent underline-offset-2 hover:underline">
            <Name value={b.bucket_name ?? ''} />
          </Link>
        ),
      },
      {
        id: 'service',
        header: 'Service',
        width: 'w-[17%]',
        cell: (b) => {
          const list = [...new Set((uses.get(b.bucket_name ?? '') ?? []).map((u) => u.service))];
          if (!list.length) return <span className="text-muted">—</span>;
          return list.map((s, i) => (
            <span key={s}>
              {i > 0 && ', '}
              <Link to={`/services/${encodeURIComponent(s)}`} className="text-accent underline-offset-2 hover:underline">
                {s}
              </Link>
            </span>
          ));
        },
      },
      { id: 'owner', header: 'Owner', sortable: true, width: 'w-[16%]', cell: (b) => <span title={b.owner}>{b.owner || '—'}</span> },
      {
        id: 'visibility',
        header: 'Visibility',
        sortable: true,
        width: 'w-32',
        cell: (b) => <Badge tone={TONE[b.visibility ?? ''] ?? 'neutral'}>{b.visibility || 'private'}</Badge>,
      },
      {
        id: 'size',
        header: 'Size',
        sortable: true,
        width: 'w-28',
        className: 'tabular-nums',
        cell: (b) => (b.storage_usage?.used_bytes !== undefined ? formatBytes(b.storage_usage.used_bytes) : '—'),
      },
      {
        id: 'objects',
        header: 'Objects',
        sortable: true,
        width: 'w-28',
        className: 'tabular-nums',
        cell: (b) => b.storage_usage?.objects?.toLocaleString() ?? '—',
      },
      {
        id: 'actions',
        header: 'Actions',
        width: 'w-48',
        cell: (b) => (
          <span className="flex gap-1">
            <Button size="sm" variant="ghost" onClick={() => onVisibility(b)} aria-label={`Change visibility of ${b.bucket_name}`}>
              Visibility
            </Button>
            <Button size="sm" variant="ghost" className="text-danger" onClick={() => onDelete(b)} aria-label={`Delete ${b.bucket_name}`}>
              Delete
            </Button>
          </span>
        ),
      },
    ],
    [uses, onVisibility, onDelete],
  );
  return (
    <DataTable
      label="Buckets"
      columns={columns}
      rows={rows}
      rowKey={(b) => b.bucket_name ?? ''}
      sort={{ id: sort, dir }}
      onSortChange={(s) => onSortChange(s.id as BucketSort, s.dir)}
      tableClassName="min-w-[60rem]"
    />
  );
}
