import { useCallback, useState, useSyncExternalStore } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../api/errors';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { usePageTitle } from '../../../components/page-title';
import { toast } from '../../../components/toast';
import { useDeleteJob } from '../api/mutations';
import { JobHeader } from '../components/job-header';
import { JobTrace } from '../components/job-trace';
import { LogNotices } from '../components/log-notices';
import { LogViewer } from '../components/log-viewer';
import { useJobLog } from '../components/use-job-log';
import { useJobTrace } from '../components/use-job-trace';
import { Name } from '../../../components/name';

function JobLogPage({ service, job }: { service: string; job: string }) {
  usePageTitle(job);
  const navigate = useNavigate();
  const j = useJobLog(service, job);
  const subscribe = useCallback((l: () => void) => j.buffer.subscribe(l), [j.buffer]);
  const version = useSyncExternalStore(subscribe, () => j.buffer.version);
  const info = j.info.data;
  const now = Math.max(j.info.dataUpdatedAt, j.log.dataUpdatedAt);
  const trace = useJobTrace({ service, job: info, buffer: j.buffer, version, live: j.live, now });
  const [confirming, setConfirming] = useState(false);
  const del = useDeleteJob(service, job);
  const fileName = `${job}.log`;

  function confirmDelete() {
    del.mutate(undefined, {
      onSuccess: () => {
        toast(`Deleted job ${job}`, 'success');
        void navigate(`/jobs?service=${encodeURIComponent(service)}`);
      },
      onError: (e) => toast(`Could not delete job ${job}: ${errorMessage(e)}`, 'error'),
      onSettled: () => setConfirming(false),
    });
  }

  const status = info?.status;
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={[{ label: 'Jobs', to: '/jobs' }, { label: service, to: `/jobs?service=${encodeURIComponent(service)}` }, { label: job }]} />
      <JobHeader service={service} job={job} info={info} gone={j.gone} now={now} onDelete={() => setConfirming(true)} />
      {j.info.isError && !info && (
        <p role="alert" className="text-sm text-danger">
          Could not read the job&apos;s status: {errorMessage(j.info.error)}. Its log is still followed.
        </p>
      )}
      <JobTrace trace={trace} job={info} jobName={job} />
      <section aria-labelledby="log-heading" className="flex flex-col gap-2">
        <h2 id="log-heading" className="text-base font-semibold">
          Log
        </h2>
        <LogViewer
          buffer={j.buffer}
          label={`Log of job ${job}`}
          fileName={fileName}
          loaded={j.loaded}
          live={j.live && !j.gone}
          notices={
            <LogNotices
              buffer={j.buffer}
              gone={j.gone}
              goneText="This job no longer exists."
              error={j.log.isError ? j.log.error : null}
              retryInSeconds={j.live ? Math.round(j.nextLogPollMs / 1000) : null}
              fileName={fileName}
            />
          }
          empty={
            !j.loaded
              ? 'Loading the log…'
              : status === 'Pending'
                ? 'The job is waiting to start: its log appears here as soon as it runs.'
                : j.live
                  ? 'Nothing printed yet. New lines appear here as the job writes them.'
                  : 'This job printed nothing.'
          }
        />
      </section>
      <ConfirmDialog open={confirming} title={`Delete job ${job}?`} confirmLabel="Delete job" busy={del.isPending} onConfirm={confirmDelete} onCancel={() => setConfirming(false)}>
        <p>
          The job{' '}
          <strong className="font-mono break-all">
            <Name value={job} />
          </strong>{' '}
          of{' '}
          <strong>
            <Name value={service} />
          </strong> and its log will be deleted
          {status === 'Running' || status === 'Pending' ? '; it has not finished, so deleting it stops it' : ''}. Its input and output files stay in
          their buckets.
        </p>
      </ConfirmDialog>
    </div>
  );
}

export function Component() {
  const { service = '', job = '' } = useParams();
  // A new job is a new log: remount so nothing of the previous one carries over.
  return <JobLogPage key={`${service}/${job}`} service={service} job={job} />;
}
