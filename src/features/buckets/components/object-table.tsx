import { useMemo } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { DataTable, type Column } from '../../../components/table';
import { formatBytes } from '../../../lib/upload-speed';
import { bucketHref } from '../lib/bucket-paths';
import type { ObjectRow, ObjectSort } from '../lib/object-tree';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export interface ObjectActions {
  onOpen: (row: ObjectRow) => void;
  onDownload: (row: ObjectRow) => void;
  onShare: (row: ObjectRow) => void;
  onDelete: (row: ObjectRow) => void;
}

function FolderIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 text-accent">
      <path d="M2 5a2 2 0 0 1 2-2h4l2 2h6a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2z" fill="currentColor" opacity=".85" />
    </svg>
  );
}

function FileIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 text-muted">
      <path d="M5 2h7l4 4v12H5z" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export function ObjectTable({
  bucket,
  rows,
  sort,
  dir,
  onSortChange,
  selected,
  onSelectionChange,
  actions,
  className,
}: {
  bucket: string;
  rows: readonly ObjectRow[];
  sort: ObjectSort;
  dir: 'asc' | 'desc';
  onSortChange: (s: ObjectSort, d: 'asc' | 'desc') => void;
  selected: ReadonlySet<string>;
  onSelectionChange: (next: Set<string>) => void;
  actions: ObjectActions;
  className?: string;
}) {
  const columns = useMemo<Column<ObjectRow>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        sortable: true,
        width: 'w-[50%]',
        cell: (r) =>
          r.kind === 'folder' ? (
            <Link to={bucketHref(bucket, r.id)} className="inline-flex max-w-full items-center gap-2 text-accent underline-offset-2 hover:underline" title={r.name}>
              <FolderIcon />
              <span className="truncate whitespace-pre">{r.name}/</span>
            </Link>
          ) : (
            <button
              type="button"
              onClick={() => actions.onOpen(r)}
              className="inline-flex max-w-full items-center gap-2 text-left underline-offset-2 hover:underline"
              title={r.name}
            >
              <FileIcon />
              <span className="truncate whitespace-pre">{r.name}</span>
            </button>
          ),
      },
      {
        id: 'size',
        header: 'Size',
        sortable: true,
        width: 'w-28',
        className: 'tabular-nums',
        cell: (r) => (r.kind === 'folder' ? `${r.objects.toLocaleString()} ${r.objects === 1 ? 'file' : 'files'}` : formatBytes(r.size)),
      },
      {
        id: 'modified',
        header: 'Modified',
        sortable: true,
        width: 'w-48',
        className: 'text-muted',
        cell: (r) => (r.lastModified ? dateFormat.format(r.lastModified) : '—'),
      },
      {
        id: 'actions',
        header: 'Actions',
        width: 'w-60',
        cell: (r) => (
          <span className="flex gap-0.5">
            {r.kind === 'file' && (
              <>
                <Button size="sm" variant="ghost" onClick={() => actions.onDownload(r)} aria-label={`Download ${r.name}`}>
                  Download
                </Button>
                <Button size="sm" variant="ghost" onClick={() => actions.onShare(r)} aria-label={`Share ${r.name}`}>
                  Share
                </Button>
              </>
            )}
            <Button size="sm" variant="ghost" className="text-danger" onClick={() => actions.onDelete(r)} aria-label={`Delete ${r.name}`}>
              Delete
            </Button>
          </span>
        ),
      },
    ],
    [bucket, actions],
  );
  return (
    <DataTable
      label={`Objects in ${bucket}`}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      sort={{ id: sort, dir }}
      onSortChange={(s) => onSortChange(s.id as ObjectSort, s.dir)}
      selection={{
        selected,
        onChange: onSelectionChange,
        rowLabel: (r) => `Select ${r.name}`,
        allLabel: `Select all ${rows.length} shown`,
      }}
      rowHeight={40}
      className={className}
      tableClassName="min-w-[48rem]"
    />
  );
}
