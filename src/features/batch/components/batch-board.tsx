import { useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Badge, type BadgeTone } from '../../../components/badge';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable, type Column } from '../../../components/table';
import { saveBlob } from '../../../components/save-file';
import { downloadZipOf, fetchPresigned } from '../../../lib/s3/zip';
import { useClock } from '../../../components/use-clock';
import { objectLink } from '../../../lib/jobs/trace';
import { countInputs, isActive, waitingToStart, progressRate, type BatchInput, type BatchState, type InputState } from '../lib/engine';
import { manifestCsv, manifestJson } from '../lib/manifest';
import { outputZipEntries } from '../lib/outputs-zip';
import { formatBytes } from '../../../lib/units/transfer';
import type { UploadFileView } from '../../../lib/uploads/requests';
import { canRetryUpload } from '../lib/dropped';
import { ParallelismRule } from './parallelism-rule';

const FILTERS = ['all', 'queued', 'active', 'succeeded', 'failed'] as const;
type Filter = (typeof FILTERS)[number];
const FILTER_LABEL: Record<Filter, string> = { all: 'All', queued: 'Queued', active: 'Running', succeeded: 'Succeeded', failed: 'Failed' };

const STATE: Record<InputState, [string, BadgeTone]> = {
  queued: ['Queued', 'neutral'],
  sending: ['Sending', 'accent'],
  checking: ['Checking', 'warn'],
  submitted: ['Submitted', 'warn'],
  pending: ['Pending', 'warn'],
  running: ['Running', 'accent'],
  succeeded: ['Succeeded', 'ok'],
  failed: ['Failed', 'danger'],
  cancelled: ['Job deleted', 'neutral'],
  uploading: ['Uploading', 'accent'],
};

function duration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** An input's run time: fixed once it finished, counting each second while its job is on its way. */
function DurationCell({ input }: { input: BatchInput }) {
  const from = input.startedAt ?? input.sentAt;
  if (from === undefined) return <>—</>;
  if (input.finishedAt !== undefined) return <>{duration(input.finishedAt - from)}</>;
  return isActive(input.state) ? <Ticking from={from} /> : <>—</>;
}

/** Only the rows still running hold a clock, so the table's rows do not all render again each second. */
function Ticking({ from }: { from: number }) {
  const now = useClock(1000);
  return <>{duration(now - from)}</>;
}

/** Outputs are kept as "bucket/key". */
function outputLink(path: string): string {
  const i = path.indexOf('/');
  return objectLink({ bucket: path.slice(0, i), key: path.slice(i + 1) });
}

export interface BatchActions {
  pause(): void;
  resume(): void;
  /** Stops submitting; with `deletePending`, also deletes the batch's jobs still waiting to start. */
  cancel(deletePending: boolean): void;
  retryFailed(): void;
  setCap(cap: number | null): void;
  /** Uploads again a dropped file whose upload failed (batches of dropped files). */
  retryUpload?(key: string): void;
}

/** A dropped file's upload, as the upload engine reports it: bytes sent, or why it stopped. */
function UploadCell({ input, file, onRetry }: { input: BatchInput; file: UploadFileView | undefined; onRetry?: (key: string) => void }) {
  if (input.state === 'uploading') {
    const waiting = !file || file.state === 'queued';
    return (
      <span className="flex min-w-0 items-center gap-2 text-xs">
        <progress className="h-1.5 w-20 shrink-0 accent-[var(--color-accent)]" max={Math.max(input.size, 1)} value={Math.min(file?.loaded ?? 0, input.size)} aria-label={`Upload of ${input.key}`} />
        <span className="truncate tabular-nums text-muted">{waiting ? 'Waiting to upload' : `${formatBytes(Math.min(file.loaded, input.size))} of ${formatBytes(input.size)}`}</span>
      </span>
    );
  }
  return (
    <span className="flex min-w-0 items-center gap-2">
      <span className="truncate text-xs text-danger" title={input.error}>{input.error}</span>
      {onRetry && canRetryUpload(input, file) && (
        <Button size="sm" variant="ghost" onClick={() => onRetry(input.key)} aria-label={`Retry the upload of ${input.key}`}>
          Retry upload
        </Button>
      )}
    </span>
  );
}

/** Every input of the batch with its job, state, duration and outputs; counts, speed and the controls. */
export function BatchBoard({
  state,
  actions,
  onNew,
  uploads,
}: {
  state: BatchState;
  actions: BatchActions;
  onNew: () => void;
  /** The upload queue's files by key, for a batch of dropped files. */
  uploads?: ReadonlyMap<string, UploadFileView> | null;
}) {
  const now = useClock(1000);
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS as readonly string[]).includes(params.get('show') ?? '') ? (params.get('show') as Filter) : 'all';
  const counts = countInputs(state.inputs);
  const rate = progressRate(state, now);
  const [cap, setCap] = useState(state.cap ? String(state.cap) : '');
  const [confirmNew, setConfirmNew] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [deletePending, setDeletePending] = useState(false);
  const pending = waitingToStart(state.inputs);
  const zipEntries = useMemo(() => outputZipEntries(state), [state]);
  const [zipping, setZipping] = useState<string | null>(null);
  const [zipProblem, setZipProblem] = useState<string | null>(null);
  const rows = useMemo(
    () =>
      state.inputs.filter((i) =>
        filter === 'all' ? true : filter === 'active' ? isActive(i.state) : i.state === filter,
      ),
    [state.inputs, filter],
  );
  const svc = encodeURIComponent(state.service);
  // Memoised: the table's rows are memo'd on their columns, so a new array each time the engine reports
  // (several times a second while it submits) would render every row in view again.
  const retryUpload = actions.retryUpload;
  const columns = useMemo<Column<BatchInput>[]>(() => [
    { id: 'input', header: 'Input', width: 'w-[34%]', cell: (i) => (
        <Link className="truncate font-mono text-xs text-accent" title={i.key} to={objectLink({ bucket: state.bucket, key: i.key })}>
          {i.key}
        </Link>
      ),
    },
    { id: 'state', header: 'Status', width: 'w-28', cell: (i) => <Badge tone={STATE[i.state][1]}>{STATE[i.state][0]}</Badge> },
    {
      id: 'job',
      header: 'Job',
      width: 'w-[20%]',
      cell: (i) => (i.job ? <Link className="truncate font-mono text-xs text-accent" to={`/jobs/${svc}/${encodeURIComponent(i.job)}`}>{i.job}</Link> : <span className="text-muted">—</span>),
    },
    {
      id: 'duration',
      header: 'Duration',
      width: 'w-28',
      cell: (i) => <DurationCell input={i} />,
    },
    {
      id: 'outputs',
      header: 'Outputs',
      cell: (i) =>
        i.state === 'uploading' || i.uploadFailed ? (
          <UploadCell input={i} file={uploads?.get(i.key)} onRetry={retryUpload} />
        ) : i.error ? (
          <span className="truncate text-xs text-danger" title={i.error}>{i.error}</span>
        ) : i.outputs && i.outputs.length > 0 ? (
          <Link className="truncate font-mono text-xs text-accent" title={i.outputs.join('\n')} to={outputLink(i.outputs[0]!)}>
            {i.outputs.length === 1 ? i.outputs[0] : `${i.outputs[0]} and ${i.outputs.length - 1} more`}
          </Link>
        ) : (
          <span className="text-muted">{i.state === 'succeeded' && i.outputs ? 'none found' : '—'}</span>
        ),
    },
  ], [state.bucket, svc, uploads, retryUpload]);

  const applyCap = (e: FormEvent) => {
    e.preventDefault();
    const n = cap.trim() ? Number(cap) : null;
    if (n === null || (Number.isInteger(n) && n > 0)) actions.setCap(n);
  };
  const save = (kind: 'csv' | 'json') => {
    const body = kind === 'csv' ? manifestCsv(state) : manifestJson(state);
    saveBlob(new Blob([body], { type: kind === 'csv' ? 'text/csv' : 'application/json' }), `batch-${state.service}-${stamp()}.${kind}`);
  };
  const stamp = () => new Date(state.createdAt).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const zipOutputs = async () => {
    const entries = zipEntries;
    setZipProblem(null);
    setZipping(`0 of ${entries.length}`);
    try {
      await downloadZipOf(`batch-${state.service}-${stamp()}-outputs.zip`, entries, fetchPresigned, (n) => setZipping(`${n} of ${entries.length}`));
    } catch (e) {
      setZipProblem(`The outputs could not be zipped: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setZipping(null);
    }
  };
  const finished = counts.succeeded + counts.failed;
  const statusText =
    state.status === 'done' ? 'Done' : state.status === 'cancelled' ? 'Cancelled: nothing more is sent' : state.status === 'paused' ? 'Paused' : state.listing ? 'Listing inputs…' : 'Running';

  return (
    <div className="flex flex-col gap-4">
      <section aria-label="Progress" className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm">
            <span className="font-semibold" data-testid="batch-status">{statusText}</span>
            <span className="text-muted"> · {state.source === 'dropped' ? 'files dropped into ' : ''}{state.bucket}/{state.prefix}{state.suffixes.length ? ` (${state.suffixes.join(', ')})` : ''}</span>
          </p>
          <div className="flex flex-wrap gap-2">
            {state.status === 'running' && <Button onClick={actions.pause}>Pause</Button>}
            {state.status === 'paused' && <Button variant="primary" onClick={actions.resume}>Resume</Button>}
            {(state.status === 'running' || state.status === 'paused') && <Button variant="danger" onClick={() => setConfirmCancel(true)}>Cancel</Button>}
            {counts.failed > 0 && <Button onClick={actions.retryFailed}>Retry {counts.failed} failed</Button>}
            <Button onClick={() => save('csv')}>Manifest CSV</Button>
            <Button onClick={() => save('json')}>Manifest JSON</Button>
            <Button busy={!!zipping} disabled={zipEntries.length === 0} onClick={() => void zipOutputs()}>
              {zipping ? `Zipping ${zipping}` : `Download ${zipEntries.length} output${zipEntries.length === 1 ? '' : 's'} as zip`}
            </Button>
            {(state.status === 'done' || state.status === 'cancelled') && <Button onClick={() => setConfirmNew(true)}>New batch</Button>}
          </div>
        </div>
        <progress className="h-2 w-full accent-[var(--color-accent)]" max={Math.max(counts.total, 1)} value={finished} aria-label={`${finished} of ${counts.total} finished`} />
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-7" data-testid="batch-counts">
          {[
            ['Inputs', `${counts.total}${state.listing ? '+' : ''}`],
            ...(state.source === 'dropped' ? [['Uploading', state.inputs.filter((i) => i.state === 'uploading').length]] : [['Queued', counts.queued]]),
            ['Going', counts.active],
            ['Succeeded', counts.succeeded],
            ['Failed', counts.failed],
            ['Per minute', rate.perMinute === null ? '—' : rate.perMinute.toFixed(1)],
            ['Time left', rate.etaMs === null ? '—' : duration(rate.etaMs)],
          ].map(([label, value]) => (
            <div key={label as string} className="flex flex-col">
              <dt className="text-xs text-muted">{label}</dt>
              <dd className="font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        {state.source === 'dropped' ? (
          <p className="text-sm text-muted">Each upload starts its job, as any upload into the service&apos;s input path does; the cluster queues the jobs that do not fit.</p>
        ) : (
          <ParallelismRule capacity={state.capacity} active={state.capacityActive} cap={state.cap} />
        )}
        {state.source !== 'dropped' && (
        <form onSubmit={applyCap} className="flex flex-col items-start gap-1 text-sm">
          <label htmlFor="batch-cap">At most this many jobs at once</label>
          <div className="flex items-center gap-2">
            <input id="batch-cap" className="w-28 rounded-md border border-line bg-canvas px-2 py-1 font-mono" inputMode="numeric" value={cap} onChange={(e) => setCap(e.target.value)} />
            <Button type="submit" size="sm">Set cap</Button>
          </div>
        </form>
        )}
        {zipProblem && (
          <p role="alert" className="text-sm text-danger">
            {zipProblem}
          </p>
        )}
        {state.status === 'paused' && state.pausedBecause ? (
          <p role="alert" className="text-sm text-danger" data-testid="batch-paused-because">
            <span className="font-semibold">The batch paused itself.</span> {state.pausedBecause}
          </p>
        ) : (
          state.problem && (
            <p role="alert" className="text-sm text-danger">
              {state.problem}
            </p>
          )
        )}
      </section>
      <div role="group" aria-label="Show" className="flex flex-wrap gap-1">
        {FILTERS.map((f) => (
          <Button
            key={f}
            size="sm"
            variant={filter === f ? 'primary' : 'ghost'}
            aria-pressed={filter === f}
            onClick={() => setParams((p) => { const n = new URLSearchParams(p); if (f === 'all') n.delete('show'); else n.set('show', f); return n; }, { replace: true })}
          >
            {FILTER_LABEL[f]}
          </Button>
        ))}
      </div>
      <ConfirmDialog
        open={confirmCancel}
        title="Cancel this batch?"
        confirmLabel="Cancel the batch"
        onConfirm={() => {
          setConfirmCancel(false);
          actions.cancel(deletePending && pending > 0);
          setDeletePending(false);
        }}
        onCancel={() => {
          setConfirmCancel(false);
          setDeletePending(false);
        }}
      >
        <p>
          {counts.queued} queued {counts.queued === 1 ? 'input is' : 'inputs are'} never sent. Jobs already sent keep running and are still followed here.
        </p>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={deletePending} disabled={pending === 0} onChange={(e) => setDeletePending(e.target.checked)} />
          Also delete the jobs still waiting to start ({pending})
        </label>
        {pending > 0 && (
          <p className="text-xs text-muted">
            A job waiting to start has no log yet to name its input, so those are found by time: the Pending jobs of {state.service} created
            since their inputs were sent. A job someone else started on {state.service} in that time could be among them.
          </p>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmNew}
        title="Start a new batch?"
        confirmLabel="Forget this batch"
        onConfirm={() => {
          setConfirmNew(false);
          onNew();
        }}
        onCancel={() => setConfirmNew(false)}
      >
        This board of {counts.total} inputs is forgotten in this browser; download its manifest first to keep it. The jobs and their outputs stay on the cluster.
      </ConfirmDialog>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">{state.inputs.length === 0 ? (state.listing ? 'Listing the bucket…' : `No object in ${state.bucket}${state.prefix ? ` under ${state.prefix}` : ''}${state.suffixes.length ? ` ends with ${state.suffixes.join(', ')}` : ''}: nothing was sent. Start a new batch with another prefix or other suffixes.`) : 'No input in this view.'}</p>
      ) : (
        <DataTable label="Batch inputs" columns={columns} rows={rows} rowKey={(i) => i.key} rowHeight={40} tableClassName="min-w-[56rem]" />
      )}
    </div>
  );
}
