import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { JobStatusBadge } from '../../../components/job-status-badge';
import type { JobRow } from '../../../lib/jobs/paging';
import { formatDuration, formatTime, jobDuration } from '../../../lib/jobs/view';
import { Name } from '../../../components/name';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

function When({ ms }: { ms: number | undefined }) {
  return ms === undefined ? <span className="text-muted">Not yet</span> : <time dateTime={new Date(ms).toISOString()}>{formatTime(ms)}</time>;
}

/** The job's name, status, service and times, and its actions. */
export function JobHeader({
  service,
  job,
  info,
  gone,
  now,
  onDelete,
}: {
  service: string;
  job: string;
  info: JobRow | null | undefined;
  gone: boolean;
  now: number;
  onDelete: () => void;
}) {
  const d = info ? jobDuration(info, now) : undefined;
  return (
    <header className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <h1 className="font-mono text-xl font-semibold break-all">
            <Name value={job} />
          </h1>
          {info ? <JobStatusBadge status={info.status} /> : gone ? <span className="text-sm text-danger">Deleted</span> : info === undefined ? <span className="text-sm text-muted">Loading status…</span> : null}
        </div>
        <Button size="sm" variant="danger" onClick={onDelete} disabled={gone}>
          Delete job
        </Button>
      </div>
      <dl className="flex flex-wrap gap-x-8 gap-y-2">
        <Fact label="Service">
          <Link to={`/services/${encodeURIComponent(service)}`} className="text-accent underline-offset-2 hover:underline">
            <Name value={service} />
          </Link>
        </Fact>
        <Fact label="Created">
          <When ms={info?.created} />
        </Fact>
        <Fact label="Started">
          <When ms={info?.started} />
        </Fact>
        <Fact label="Finished">
          <When ms={info?.finished} />
        </Fact>
        <Fact label="Duration">
          {info?.status === 'Running' && d !== undefined ? `${formatDuration(d)} so far` : formatDuration(d)}
        </Fact>
      </dl>
    </header>
  );
}
