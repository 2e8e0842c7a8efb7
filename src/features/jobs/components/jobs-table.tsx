import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { JobStatusBadge } from '../../../components/job-status-badge';
import { DataTable, type Column, type SortState } from '../../../components/table';
import type { JobRow } from '../../../lib/jobs/paging';
import { formatDuration, formatTime, jobDuration, type JobSortKey, type SortDir } from '../../../lib/jobs/view';
import { JobInputCell } from './job-input-cell';
import { JobOutputsCell } from './job-outputs-cell';
import { jobPath } from './job-path';
import { useMediaQuery } from './use-media-query';
import { JobIoContext, type JobIoValue } from './use-job-io';
import { Name } from '../../../components/name';
import { visibleText } from '../../../lib/text/hidden-chars';

// OSCAR names a job "<service>-<5 characters>": when the cell is narrow the service part gives way and
// the characters that tell jobs apart stay.
function JobName({ job }: { job: JobRow }) {
  const prefix = job.name.startsWith(`${job.service}-`) ? `${job.service}-` : '';
  return (
    // Named as one word: split in two boxes, its text could be read as two.
    <Link to={jobPath(job)} title={visibleText(job.name)} aria-label={visibleText(job.name)} className="flex max-w-full min-w-0 text-accent underline-offset-2 hover:underline">
      {prefix && (
        <span className="truncate">
          <Name value={prefix} />
        </span>
      )}
      <span className={prefix ? 'shrink-0' : 'truncate'}>
        <Name value={job.name.slice(prefix.length)} />
      </span>
    </Link>
  );
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
  io,
}: {
  rows: readonly JobRow[];
  showService: boolean;
  sort: JobSortKey;
  dir: SortDir;
  now: number;
  onSortChange: (sort: JobSortKey, dir: SortDir) => void;
  onDelete: (job: JobRow) => void;
  /** What the Input and Outputs cells match jobs with. */
  io: JobIoValue;
}) {
  // Below these widths the least needed columns go (the job page has them all), so the job's name keeps room.
  const wide = useMediaQuery('(min-width: 96rem)', true);
  const medium = useMediaQuery('(min-width: 64rem)', true);
  const columns: Column<JobRow>[] = [
    {
      id: 'name',
      header: 'Job',
      sortable: true,
      className: 'font-mono text-[0.8125rem]',
      cell: (j) => <JobName job={j} />,
    },
    ...(showService
      ? [
          {
            id: 'service',
            header: 'Service',
            sortable: true,
            width: 'w-[8rem]',
            cell: (j: JobRow) => (
              <Link to={`/jobs?service=${encodeURIComponent(j.service)}`} className="underline-offset-2 hover:underline" aria-label={`Jobs of ${visibleText(j.service)}`}>
                <Name value={j.service} />
              </Link>
            ),
          },
        ]
      : []),
    { id: 'status', header: 'Status', sortable: true, width: 'w-[7.5rem]', cell: (j) => <JobStatusBadge status={j.status} /> },
    { id: 'input', header: 'Input', cell: (j) => <JobInputCell job={j} /> },
    ...(medium ? [{ id: 'outputs', header: 'Outputs', width: 'w-[6rem]', cell: (j: JobRow) => <JobOutputsCell job={j} /> }] : []),
    { id: 'created', header: 'Created', sortable: true, width: 'w-[9rem]', cell: (j) => <Time ms={j.created} /> },
    ...(wide
      ? [
          { id: 'started', header: 'Started', sortable: true, width: 'w-[9rem]', cell: (j: JobRow) => <Time ms={j.started} /> },
          { id: 'finished', header: 'Finished', sortable: true, width: 'w-[9rem]', cell: (j: JobRow) => <Time ms={j.finished} /> },
        ]
      : []),
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
      width: 'w-[5rem]',
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
  // Room for the fixed columns and about 10rem each for the job's name and its input (they share what is
  // left); narrower, the table scrolls sideways.
  const minWidth = wide ? (showService ? 'min-w-[82rem]' : 'min-w-[74rem]') : medium ? (showService ? 'min-w-[64rem]' : 'min-w-[56rem]') : showService ? 'min-w-[58rem]' : 'min-w-[50rem]';
  return (
    <JobIoContext value={io}>
      <DataTable
        label="Jobs"
        columns={columns}
        rows={rows}
        rowKey={(j) => `${j.service}/${j.name}`}
        sort={sortState}
        onSortChange={(s) => onSortChange(s.id as JobSortKey, s.dir)}
        tableClassName={minWidth}
      />
    </JobIoContext>
  );
}
