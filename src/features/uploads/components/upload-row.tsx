import { memo, useRef } from 'react';
import { clsx } from 'clsx';
import { Badge, type BadgeTone } from '../../../components/badge';
import { Button } from '../../../components/button';
import { toast } from '../../../components/toast';
import type { UploadItem, UploadState } from '../lib/queue';
import { uploadQueue } from '../lib/session';
import { formatBytes, formatDuration } from '../../../lib/units/transfer';
import { Name } from '../../../components/name';
import { visibleText } from '../../../lib/text/hidden-chars';

const STATE: Record<UploadState, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Queued', tone: 'neutral' },
  uploading: { label: 'Uploading', tone: 'accent' },
  done: { label: 'Done', tone: 'ok' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
  interrupted: { label: 'Interrupted', tone: 'warn' },
};

const HINT: Record<string, string> = {
  network: 'The connection dropped. Retry continues from the parts already stored.',
  quota: 'The bucket is full: free some space or ask for a larger quota.',
  permission: 'You may not write to this bucket.',
  'bucket-gone': 'The bucket no longer exists.',
  'upload-gone': 'The server no longer has this upload; Retry starts it again.',
  expired: 'The storage credentials expired and could not be renewed.',
  'too-large': 'Too large for the storage server.',
};

function detail(item: UploadItem): string {
  if (item.state === 'uploading') {
    const speed = item.speed ? `${formatBytes(item.speed)}/s` : 'starting…';
    return `${formatBytes(item.loaded)} of ${formatBytes(item.size)} · ${speed}${item.eta !== null && item.speed ? ` · ${formatDuration(item.eta)} left` : ''}`;
  }
  if (item.state === 'done') return `${formatBytes(item.size)}${item.parts?.reused ? ` · ${item.parts.reused} of ${item.parts.total} parts were already stored` : ''}`;
  if (item.state === 'interrupted') return `Select ${item.name.split('/').pop()} (${formatBytes(item.size)}) again to continue where it stopped.`;
  if (item.state === 'failed') return `${item.error?.message ?? 'Failed'}${item.error && HINT[item.error.kind] ? ` — ${HINT[item.error.kind]}` : ''}`;
  return formatBytes(item.size);
}

/** One file in the manager: its name, progress with speed and time left, state, and what can be done. */
function UploadRowView({ item }: { item: UploadItem }) {
  const input = useRef<HTMLInputElement>(null);
  const pct = item.size ? Math.round((Math.min(item.loaded, item.size) / item.size) * 100) : item.state === 'done' ? 100 : 0;
  const s = STATE[item.state];
  return (
    <div className="flex h-full flex-col justify-center gap-1 border-b border-line px-3 py-2" data-upload-key={item.key}>
      <div className="flex items-center gap-2">
        <span className="min-w-0 flex-1 truncate text-sm font-medium whitespace-pre" title={visibleText(`${item.bucket}/${item.key}`)}>
          <Name value={item.name} />
        </span>
        <Badge tone={s.tone}>{s.label}</Badge>
        {(item.state === 'queued' || item.state === 'uploading') && (
          <Button size="sm" variant="ghost" onClick={() => uploadQueue.cancel(item.id)} aria-label={`Cancel ${item.name}`}>
            Cancel
          </Button>
        )}
        {(item.state === 'failed' || item.state === 'cancelled') && (
          <Button size="sm" variant="ghost" onClick={() => uploadQueue.retry(item.id)} aria-label={`Retry ${item.name}`}>
            Retry
          </Button>
        )}
        {item.state === 'interrupted' && (
          <>
            <input
              ref={input}
              type="file"
              hidden
              aria-label={`File to continue ${visibleText(item.name)}`}
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (f && !uploadQueue.resumeWith(item.id, f)) toast(`${f.name} is not the file that was being uploaded (name, size or date differ).`, 'warning');
              }}
            />
            <Button size="sm" variant="ghost" onClick={() => input.current?.click()} aria-label={`Select the file to continue ${item.name}`}>
              Select file
            </Button>
            <Button size="sm" variant="ghost" onClick={() => uploadQueue.cancel(item.id)} aria-label={`Discard ${item.name}`}>
              Discard
            </Button>
          </>
        )}
      </div>
      <div
        role="progressbar"
        aria-label={`Upload of ${visibleText(item.name)}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-1.5 overflow-hidden rounded-full bg-raised"
      >
        <div
          className={clsx('h-full rounded-full', item.state === 'failed' ? 'bg-danger' : item.state === 'done' ? 'bg-ok' : item.state === 'interrupted' ? 'bg-warn' : 'bg-accent')}
          style={{ width: `${pct}%` }}
        />
      </div>
      <p className={clsx('text-xs', item.state === 'failed' ? 'line-clamp-3 text-danger' : 'truncate text-muted')} title={visibleText(detail(item))}>
        <Name value={detail(item)} />
      </p>
    </div>
  );
}

export const UploadRow = memo(UploadRowView);
