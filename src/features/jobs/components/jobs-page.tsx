import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/button';
import { ButtonLink } from '../../../components/button-link';
import { SearchInput } from '../../../components/search-input';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { toast } from '../../../components/toast';
import { serviceIo } from '../lib/list-trace';
import type { JobRow } from '../../../lib/jobs/paging';
import { countByStatus, filterJobs, isDeletedAsCompleted, sortJobs } from '../../../lib/jobs/view';
import { useDeleteJob, useDeleteJobs, type DeleteJobsOutcome } from '../api/mutations';
import { usePagingProgress } from '../api/progress';
import { DeleteJobDialog, DeleteJobsDialog, type BulkDelete } from './delete-dialogs';
import { JobsTable } from './jobs-table';
import { LoadProblems } from './load-problems';
import { RefreshStatus } from './refresh-status';
import { ServicePicker } from './service-picker';
import { StatusFilter } from './status-filter';
import { useAllJobs } from './use-all-jobs';
import { useAutoRefresh } from './use-auto-refresh';
import { useInputNames } from './use-input-names';
import { useJobIoValue } from './use-job-io-value';
import { useJobsParams } from './use-jobs-params';

function bulkCounts(rows: readonly JobRow[], all: boolean): BulkDelete['counts'] {
  const by = new Map<string, number>();
  for (const j of rows) if (all || isDeletedAsCompleted(j)) by.set(j.service, (by.get(j.service) ?? 0) + 1);
  return [...by].map(([service, count]) => ({ service, count })).sort((a, b) => a.service.localeCompare(b.service));
}

// Its own component: page-by-page progress re-renders this line only, not the table.
function LoadingProgress({ services }: { services: readonly string[] }) {
  const progress = usePagingProgress(services);
  if (services.length === 0) return null;
  return (
    <p role="status" className="text-sm text-muted">
      Loading jobs{services.length > 1 ? ` of ${services.length} services` : ''}…{' '}
      {progress.loaded > 0 && `${progress.loaded.toLocaleString()} loaded${progress.remaining ? `, ${progress.remaining.toLocaleString()} to go` : ''}`}
    </p>
  );
}

/** Jobs of one service or all: filter, sort, auto-refresh that waits while you read, and deletion. */
export function JobsPage() {
  const p = useJobsParams();
  const data = useAllJobs(p.service);
  const refresh = useAutoRefresh(data.refresh, { enabled: data.loaded, updatedAt: data.updatedAt });
  const q = useDeferredValue(p.q);
  // Running durations are as of the last refresh, so sorting by duration does not reshuffle every second.
  const now = data.updatedAt;
  const ioServices = useMemo(() => (data.services.data ? new Map(data.services.data.map((s) => [s.name, serviceIo(s)])) : undefined), [data.services.data]);
  const { byService } = data;
  const jobsOf = useCallback((s: string) => byService.get(s) ?? [], [byService]);
  const io = useJobIoValue({ services: ioServices, servicesFailed: data.services.isError && !data.services.data, jobsOf, now }, data.loaded);
  const inputs = useInputNames(q.trim() !== '' && data.loaded, ioServices, byService);
  const textFiltered = useMemo(() => filterJobs(data.rows, { statuses: [], q }, inputs.inputName), [data.rows, q, inputs.inputName]);
  const shown = useMemo(() => sortJobs(filterJobs(textFiltered, { statuses: p.statuses, q: '' }), p.sort, p.dir, now), [textFiltered, p.statuses, p.sort, p.dir, now]);
  const counts = countByStatus(textFiltered);

  const [oneJob, setOneJob] = useState<JobRow | null>(null);
  const [bulk, setBulk] = useState<BulkDelete | null>(null);
  const [bulkFailures, setBulkFailures] = useState<DeleteJobsOutcome['failed']>([]);
  const delOne = useDeleteJob();
  const delMany = useDeleteJobs();

  function confirmOne() {
    if (!oneJob) return;
    const job = oneJob;
    delOne.mutate(
      { service: job.service, job: job.name },
      {
        onSuccess: () => toast(`Deleted job ${job.name}`, 'success'),
        onError: (e) => toast(`Could not delete job ${job.name}: ${errorMessage(e)}`, 'error'),
        onSettled: () => setOneJob(null),
      },
    );
  }

  function confirmBulk() {
    if (!bulk) return;
    const { all, counts: c } = bulk;
    delMany.mutate(
      { services: c.map((x) => x.service), all },
      {
        onSuccess: ({ deleted, failed }) => {
          setBulkFailures(failed);
          const n = c.filter((x) => deleted.includes(x.service)).reduce((s, x) => s + x.count, 0);
          if (deleted.length) toast(`Deleted ${n} ${all ? '' : 'completed '}job${n === 1 ? '' : 's'} of ${deleted.length === 1 ? deleted[0] : `${deleted.length} services`}`, 'success');
        },
        onSettled: () => setBulk(null),
      },
    );
  }

  const serviceMissing = p.service && data.failures.length === 1 && (data.failures[0]?.error as { status?: number }).status === 404 && data.rows.length === 0;
  const completed = bulkCounts(data.rows, false);
  const everything = bulkCounts(data.rows, true);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{p.service ? `Jobs of ${p.service}` : 'Jobs'}</h1>
        <RefreshStatus refresh={refresh} updatedAt={data.updatedAt} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <ServicePicker services={data.services.data} value={p.service} onChange={p.setService} />
        <SearchInput label="Filter jobs" placeholder="Filter by job, service or file" value={p.q} onChange={p.setQuery} className="w-full sm:w-72" />
        <StatusFilter counts={counts} selected={p.statuses} onChange={p.setStatuses} />
        <div className="flex-1" />
        <Button size="sm" disabled={completed.length === 0} onClick={() => setBulk({ all: false, counts: completed })}>
          Delete completed jobs
        </Button>
        <Button size="sm" variant="danger" disabled={everything.length === 0} onClick={() => setBulk({ all: true, counts: everything })}>
          Delete all jobs
        </Button>
      </div>
      {bulkFailures.length > 0 && (
        <ErrorState
          title={`Could not delete the jobs of ${bulkFailures.map((f) => f.service).join(', ')}`}
          error={new Error(bulkFailures.map((f) => `${f.service}: ${f.message}`).join('\n'))}
          onRetry={() => setBulkFailures([])}
        />
      )}
      {!serviceMissing && <LoadProblems failures={data.failures} stale={data.rows.length > 0} />}
      <LoadingProgress services={data.pendingServices} />
      {!p.service && data.services.isError && !data.services.data ? (
        <ErrorState error={data.services.error} title="Could not load the list of services" onRetry={() => void data.services.refetch()} />
      ) : serviceMissing ? (
        <EmptyState title={`No service named ${p.service}`} action={<ButtonLink to="/jobs">Show jobs of all services</ButtonLink>}>
          There is no such service on this cluster, or you are not allowed to see it.
        </EmptyState>
      ) : data.loading ? (
        <Loading label="Loading jobs…" />
      ) : data.rows.length === 0 && data.loaded && data.failures.length === 0 ? (
        <EmptyState title={p.service ? `${p.service} has no jobs` : 'No jobs yet'} action={<ButtonLink to={p.service ? `/services/${encodeURIComponent(p.service)}` : '/services'}>{p.service ? 'Open the service' : 'Go to services'}</ButtonLink>}>
          A job starts when a file is uploaded to a service&apos;s input bucket, or when the service is called asynchronously. Jobs
          appear here as soon as the cluster creates them.
        </EmptyState>
      ) : shown.length === 0 && data.rows.length > 0 ? (
        <EmptyState title="No jobs match the filter" action={<Button onClick={() => { p.setQuery(''); p.setStatuses([]); }}>Clear the filters</Button>}>
          {data.rows.length.toLocaleString()} jobs are loaded; none has that status or name.
        </EmptyState>
      ) : (
        <div
          className="flex flex-col gap-2"
          onPointerEnter={() => refresh.setReading(true)}
          onPointerLeave={() => refresh.setReading(false)}
          onFocus={() => refresh.setReading(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) refresh.setReading(false);
          }}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm text-muted">
            <p aria-live="polite">
              {shown.length === data.rows.length ? `${data.rows.length.toLocaleString()} jobs` : `${shown.length.toLocaleString()} of ${data.rows.length.toLocaleString()} jobs`}
              {inputs.listing > 0 && ` · also matching input file names once ${inputs.listing === 1 ? 'a bucket is' : `${inputs.listing} buckets are`} listed…`}
            </p>
            <p>≈ likely: inputs and outputs are matched by upload time; a job’s page reads its log to be sure.</p>
          </div>
          <JobsTable rows={shown} showService={!p.service} sort={p.sort} dir={p.dir} now={now} onSortChange={p.setSort} onDelete={setOneJob} io={io} />
        </div>
      )}
      <DeleteJobDialog job={oneJob} busy={delOne.isPending} onConfirm={confirmOne} onCancel={() => setOneJob(null)} />
      <DeleteJobsDialog request={bulk} busy={delMany.isPending} onConfirm={confirmBulk} onCancel={() => setBulk(null)} />
    </div>
  );
}
