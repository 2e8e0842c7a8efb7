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
        <Link to={jobPath(j)} className="text-accent underline-offset-2 hover:underline">
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
            width: 'w-[11rem]',
            cell: (j: JobRow) => (
              <Link to={`/jobs?service=${encodeURIComponent(j.service)}`} className="underline-offset-2 hover:underline" aria-label={`Jobs of ${j.service}`}>
                {j.service}
              </Link>
            ),
          },
        ]
      : []),
    { id: 'status', header: 'Status', sortable: true, width: 'w-[8rem]', cell: (j) => <JobStatusBadge status={j.status} /> },
    { id: 'created', header: 'Created', sortable: true, width: 'w-[10rem]', cell: (j) => <Time ms={j.created} /> },
    { id: 'started', header: 'Started', sortable: true, width: 'w-[10rem]', cell: (j) => <Time ms={j.started} /> },
    { id: 'finished', header: 'Finished', sortable: true, width: 'w-[10rem]', cell: (j) => <Time ms={j.finished} /> },
    {
      id: 'duration',
      header: 'Duration',
      sortable: true,
      width: 'w-[8rem]',
      className: 'tabular-nums',
      cell: (j) => {
        const d = jobDuration(j, now);
        return j.status === 'Running' && d !== undefined ? `${formatDuration(d)} so far` : formatDuration(d);
      },
    },
    {
      id: 'actions',
      header: 'Actions',
      width: 'w-[6rem]',
      cell: (j) => (
        <Button size="sm" variant="ghost" className="text-danger" aria-label={`Delete job ${j.name}`} onClick={() => onDelete(j)}>
          Delete
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
      tableClassName={showService ? 'min-w-[76rem]' : 'min-w-[64rem]'}
    />
  );
}
