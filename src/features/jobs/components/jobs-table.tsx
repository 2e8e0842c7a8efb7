import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { JobStatusBadge } from '../../../components/job-status-badge';
import { DataTable, type Column, type SortState } from '../../../components/table';
import type { JobRow } from '../../../lib/jobs-paging';
import { formatDuration, formatTime, jobDuration, type JobSortKey, type SortDir } from '../../../lib/jobs-view';

export function jobPath(j: { service: string; name: string }): string {
  return `/jobs/${encodeURIComponent(j.service)}/${encodeURIComponent(j.name)}`;
}

function Time({ ms }: { ms: number | undefined }) {
  if (ms === undefined) {
    return (
      <>
        <span aria-hidden="true" className="text-muted">
          —
        </span>
        <span className="sr-only">Not yet</span>
      </>
    );
  }
  return <time dateTime={new Date(ms).toISOString()}>{formatTime(ms)}</time>;
}

/** The jobs as a virtualised table: 5,000 rows scroll as fast as 50. */
export function JobsTable({
  rows,
  showService,
  sort,
  dir,
  now,
  onSortChange,
  onDelete,
}: {
  rows: readonly JobRow[];
  showService: boolean;
  sort: JobSortKey;
  dir: SortDir;
  now: number;
  onSortChange: (sort: JobSortKey, dir: SortDir) => void;
  onDelete: (job: JobRow) => void;
}) {
  const columns: Column<JobRow>[] = [
    {
      id: 'name',
      header: 'Job',
      sortable: true,
      className: 'font-mono text-[0.8125rem]',
      cell: (j) => (
        <Link to={jobPath(j)} title={j.name} className="text-accent underline-offset-2 hover:underline">
          {j.name}
        </Link>
      ),
    },
    ...(showService
      ? [
          {
            id: 'service',
            header: 'Service',
            sortable: true,
            width: 'w-[9rem]',
            cell: (j: JobRow) => (
              <Link to={`/jobs?service=${encodeURIComponent(j.service)}`} className="underline-offset-2 hover:underline" aria-label={`Jobs of ${j.service}`}>
                {j.service}
              </Link>
            ),
          },
        ]
      : []),
    { id: 'status', header: 'Status', sortable: true, width: 'w-[7.5rem]', cell: (j) => <JobStatusBadge status={j.status} /> },
    { id: 'created', header: 'Created', sortable: true, width: 'w-[9rem]', cell: (j) => <Time ms={j.created} /> },
    { id: 'started', header: 'Started', sortable: true, width: 'w-[9rem]', cell: (j) => <Time ms={j.started} /> },
    { id: 'finished', header: 'Finished', sortable: true, width: 'w-[9rem]', cell: (j) => <Time ms={j.finished} /> },
    {
      id: 'duration',
      header: 'Duration',
      sortable: true,
      width: 'w-[7.75rem]',
      className: 'tabular-nums',
      cell: (j) => {
        const d = jobDuration(j, now);
        if (j.status !== 'Running' || d === undefined) return formatDuration(d);
        return (
          <>
            {formatDuration(d)}
            <span aria-hidden="true" className="text-muted">
              {' '}…
            </span>
            <span className="sr-only"> so far</span>
          </>
        );
      },
    },
    {
      id: 'actions',
      header: 'Actions',
      width: 'w-[4.5rem]',
      cell: (j) => (
        <Button size="sm" variant="ghost" className="text-danger" aria-label={`Delete job ${j.name}`} title={`Delete job ${j.name}`} onClick={() => onDelete(j)}>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4">
            <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5M7 7v4M9 7v4" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </Button>
      ),
    },
  ];
  const sortState: SortState = { id: sort, dir };
  return (
    <DataTable
      label="Jobs"
      columns={columns}
      rows={rows}
      rowKey={(j) => `${j.service}/${j.name}`}
      sort={sortState}
      onSortChange={(s) => onSortChange(s.id as JobSortKey, s.dir)}
      tableClassName={showService ? 'min-w-[65rem]' : 'min-w-[56rem]'}
    />
  );
}
