import { useMemo } from 'react';
import { Link } from 'react-router';
import { clsx } from 'clsx';
import { Button } from '../../../components/button';
import { DataTable, type Column } from '../../../components/table';
import { formatBytes } from '../../../lib/units/transfer';
import { bucketHref } from '../lib/bucket-paths';
import type { ObjectRow, ObjectSort } from '../lib/object-tree';
import { Name } from '../../../components/name';
import { visibleText } from '../../../lib/text/hidden-chars';

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

const modifiedColumn: Column<ObjectRow> = {
  id: 'modified',
  header: 'Modified',
  sortable: true,
  width: 'w-48',
  className: 'text-muted',
  cell: (r) => (r.lastModified ? dateFormat.format(r.lastModified) : '—'),
};

export function ObjectTable({
  bucket,
  rows,
  sort,
  dir,
  onSortChange,
  selected,
  onSelectionChange,
  actions,
  compact = false,
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
  /** Without the Modified column, for a narrow listing (the preview panel open beside it). */
  compact?: boolean;
  className?: string;
}) {
  const columns = useMemo<Column<ObjectRow>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        sortable: true,
        // No width: the name gets whatever the other columns leave, so the table fits its box.
        cell: (r) =>
          r.kind === 'folder' ? (
            <Link to={bucketHref(bucket, r.id)} className="inline-flex max-w-full items-center gap-2 text-accent underline-offset-2 hover:underline" title={visibleText(r.name)}>
              <FolderIcon />
              <span className="truncate whitespace-pre">
                <Name value={r.name} />/
              </span>
            </Link>
          ) : (
            <button
              type="button"
              onClick={() => actions.onOpen(r)}
              className="inline-flex max-w-full items-center gap-2 text-left underline-offset-2 hover:underline"
              title={visibleText(r.name)}
            >
              <FileIcon />
              <span className="truncate whitespace-pre">
                <Name value={r.name} />
              </span>
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
      ...(compact ? [] : [modifiedColumn]),
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
    [bucket, actions, compact],
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
      // Room under the sticky header: a row focused from the keyboard scrolls fully into view.
      className={clsx('scroll-pt-10', className)}
      // Narrower than this (a phone, say) the table scrolls sideways within its box.
      tableClassName={compact ? 'min-w-[32rem]' : 'min-w-[48rem]'}
    />
  );
}
