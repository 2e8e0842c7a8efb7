import type { UploadSummary } from '../../../lib/upload-queue';
import { formatBytes, formatDuration } from '../../../lib/upload-speed';

/** The header line: progress over all files while running, what happened once everything is done. */
export function summaryText(s: UploadSummary): string {
  if (s.finished) {
    const parts = [`${s.done} uploaded (${formatBytes(s.loaded)}) in ${formatDuration(s.elapsed / 1000)}`];
    if (s.failed) parts.push(`${s.failed} failed`);
    if (s.cancelled) parts.push(`${s.cancelled} cancelled`);
    if (s.interrupted) parts.push(`${s.interrupted} waiting for their file`);
    return `${s.failed || s.interrupted ? 'Finished' : 'All done'}: ${parts.join(' · ')}`;
  }
  const active = s.uploading + s.queued;
  const speed = s.speed ? ` · ${formatBytes(s.speed)}/s` : '';
  const eta = s.eta !== null && s.speed ? ` · ${formatDuration(s.eta)} left` : '';
  return `Uploading ${active} ${active === 1 ? 'file' : 'files'} · ${formatBytes(s.loaded)} of ${formatBytes(s.bytes)}${speed}${eta}`;
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
