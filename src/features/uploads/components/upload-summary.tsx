import type { UploadSummary } from '../lib/queue';
import { formatBytes, formatDuration } from '../../../lib/units/transfer';

const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

/**
 * The header line: progress over all files while running, what happened once everything is done.
 * "All done" only when every file in the batch was uploaded (a name skipped in the collision dialog never
 * joins the batch); "Cancelled" when the user stopped all of it; otherwise "Finished", with failures and
 * files waiting for their data always named. Scripts (the e2e suite, bench/upload-throughput.mjs) wait
 * for /^(All done|Finished): / and then read which of the two it was, so a failed batch must not read
 * any other way.
 */
export function summaryText(s: UploadSummary): string {
  if (s.finished) {
    const uploaded = `${s.done} uploaded (${formatBytes(s.loaded)}) in ${formatDuration(s.elapsed / 1000)}`;
    const rest: string[] = [];
    if (s.failed) rest.push(`${s.failed} failed`);
    if (s.cancelled) rest.push(`${s.cancelled} cancelled`);
    if (s.interrupted) rest.push(`${s.interrupted} waiting for their file`);
    if (rest.length === 0) return `All done: ${uploaded}`;
    if (s.done > 0) return `Finished: ${[uploaded, ...rest].join(' · ')}`;
    if (!s.failed && !s.interrupted) return `Cancelled: ${files(s.cancelled)}`;
    return `Finished: ${['nothing uploaded', ...rest].join(' · ')}`;
  }
  const active = s.uploading + s.queued;
  const speed = s.speed ? ` · ${formatBytes(s.speed)}/s` : '';
  const eta = s.eta !== null && s.speed ? ` · ${formatDuration(s.eta)} left` : '';
  return `Uploading ${files(active)} · ${formatBytes(s.loaded)} of ${formatBytes(s.bytes)}${speed}${eta}`;
}

export function UploadSummaryLine({ summary }: { summary: UploadSummary }) {
  const pct = summary.bytes ? Math.round((summary.loaded / summary.bytes) * 100) : summary.finished ? 100 : 0;
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm" role="status">
        {summaryText(summary)}
      </p>
      {!summary.finished && (
        <div className="h-1 overflow-hidden rounded-full bg-raised" aria-hidden="true">
          <div className="h-full bg-accent" style={{ width: `${pct}%` }} />
        </div>
      )}
    </div>
  );
}
