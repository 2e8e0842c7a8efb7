import { Link } from 'react-router';
import { clsx } from 'clsx';
import { DataTable, type Column, type TableSelection } from '../../../components/table';
import { secondsText } from '../lib/errors';
import type { CallSummary } from '../lib/history';
import { formatBytes } from '../../../lib/units/quantity';
import { OutcomeBadge } from './outcome-badge';
import { Name } from '../../../components/name';
import { visibleText } from '../../../lib/text/hidden-chars';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

function inputShort(c: CallSummary): string {
  if (c.input.kind === 'file') return visibleText(c.input.name ?? 'file');
  const p = (c.input.preview ?? '').replace(/\s+/g, ' ').trim();
  return p ? p : c.input.kind === 'json' ? '(empty JSON)' : '(empty text)';
}

/** Calls, newest first, virtualised: 5,000 rows cost what the visible ones cost. */
export function HistoryTable({
  label,
  calls,
  selectedId,
  linkFor,
  showService = false,
  selection,
  className,
}: {
  label: string;
  calls: readonly CallSummary[];
  selectedId: string | null;
  linkFor: (c: CallSummary) => string;
  showService?: boolean;
  selection?: TableSelection<CallSummary>;
  className?: string;
}) {
  const columns: Column<CallSummary>[] = [
    {
      id: 'when',
      header: 'When',
      width: 'w-52',
      cell: (c) => (
        <Link
          to={linkFor(c)}
          aria-current={c.id === selectedId ? 'true' : undefined}
          className={clsx(
            'text-accent underline-offset-2 hover:underline',
            c.id === selectedId && 'font-semibold',
          )}
        >
          <time dateTime={new Date(c.at).toISOString()}>{when.format(c.at)}</time>
        </Link>
      ),
    },
    ...(showService
      ? [{ id: 'service', header: 'Service', width: 'w-40', cell: (c: CallSummary) => <Name value={c.service} /> }]
      : []),
    { id: 'outcome', header: 'Status', width: 'w-36', cell: (c) => <OutcomeBadge call={c} /> },
    { id: 'mode', header: 'Mode', width: 'w-16', cell: (c) => (c.mode === 'async' ? 'Async' : 'Sync') },
    { id: 'input', header: 'Input', cell: (c) => <span className="font-mono text-xs">{inputShort(c)}</span> },
    {
      id: 'time',
      header: 'Time',
      width: 'w-20',
      className: 'text-right tabular-nums',
      cell: (c) => (c.durationMs === undefined ? '—' : secondsText(c.durationMs)),
    },
    {
      id: 'size',
      header: 'Answer',
      width: 'w-24',
      className: 'text-right tabular-nums',
      cell: (c) => (c.answer ? formatBytes(c.answer.size) : '—'),
    },
  ];
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={calls}
      rowKey={(c) => c.id}
      rowHeight={40}
      {...(selection ? { selection } : {})}
      className={className ?? 'max-h-[45vh]'}
      tableClassName="min-w-[48rem]"
    />
  );
}
