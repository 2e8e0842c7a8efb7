import { ConfirmDialog } from '../../../components/confirm-dialog';
import type { JobRow } from '../../../lib/jobs/paging';
import { Name } from '../../../components/name';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function DeleteJobDialog({
  job,
  busy,
  onConfirm,
  onCancel,
}: {
  job: JobRow | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog open={job !== null} title={`Delete job ${job?.name ?? ''}?`} confirmLabel="Delete job" busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        The job{' '}
        <strong className="font-mono break-all">
          <Name value={job?.name ?? ''} />
        </strong>{' '}
        of{' '}
        <strong>
          <Name value={job?.service ?? ''} />
        </strong> and its log will be deleted.
        {(job?.status === 'Running' || job?.status === 'Pending') && ' It has not finished: deleting it stops it.'} The files it read and
        wrote stay in their buckets.
      </p>
    </ConfirmDialog>
  );
}

export interface BulkDelete {
  all: boolean;
  /** Jobs that will go, per service, as far as the list knows. */
  counts: { service: string; count: number }[];
}

/** Confirms deleting the completed (succeeded) or all jobs of one or more services, naming each and how many. */
export function DeleteJobsDialog({
  request,
  busy,
  onConfirm,
  onCancel,
}: {
  request: BulkDelete | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const counts = request?.counts ?? [];
  const total = counts.reduce((n, c) => n + c.count, 0);
  const all = request?.all ?? false;
  const single = counts.length === 1 ? counts[0] : undefined;
  const what = all ? plural(total, 'job') : plural(total, 'completed job');
  const title = single ? `Delete ${what} of ${single.service}?` : `Delete ${what} of ${plural(counts.length, 'service')}?`;
  return (
    <ConfirmDialog
      open={request !== null}
      title={title}
      confirmLabel={all ? 'Delete all jobs' : 'Delete completed jobs'}
      {...(all ? { confirmText: single ? single.service : 'delete all jobs' } : {})}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        {all
          ? 'Every job goes, with its log, including the ones still pending or running (they are stopped).'
          : 'The jobs that succeeded go, with their logs. Failed, pending and running jobs stay.'}{' '}
        Input and output files stay in their buckets. This cannot be undone.
      </p>
      {!single && counts.length > 0 && (
        <ul aria-label="Jobs to delete by service" className="max-h-48 overflow-auto rounded-md border border-line">
          {counts.map((c) => (
            <li key={c.service} className="flex justify-between gap-3 border-b border-line px-3 py-1.5 last:border-b-0">
              <span className="break-all">{c.service}</span>
              <span className="tabular-nums text-muted">{plural(c.count, 'job')}</span>
            </li>
          ))}
        </ul>
      )}
    </ConfirmDialog>
  );
}
