import { clsx } from 'clsx';
import { Badge, type BadgeTone } from '../../../components/badge';
import { Button } from '../../../components/button';
import { Name } from '../../../components/name';
import { formatBytes } from '../../../lib/units/transfer';
import { visibleText } from '../../../lib/text/hidden-chars';
import type { ItemState, UploadItem } from './use-public-upload';

const STATE: Record<ItemState, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Waiting', tone: 'neutral' },
  uploading: { label: 'Sending', tone: 'accent' },
  done: { label: 'Sent', tone: 'ok' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
  'too-big': { label: 'Too large', tone: 'danger' },
  'no-slot': { label: 'Not sent', tone: 'warn' },
};

/** One file on the public upload page: name, size, progress, and Cancel or Retry. */
export function FileRow({ item, onCancel, onRetry }: { item: UploadItem; onCancel: () => void; onRetry: () => void }) {
  const pct = item.file.size ? Math.round((Math.min(item.loaded, item.file.size) / item.file.size) * 100) : item.state === 'done' ? 100 : 0;
  const s = STATE[item.state];
  const name = visibleText(item.file.name);
  return (
    <li className="flex flex-col gap-1.5 border-b border-line px-4 py-3 last:border-b-0" data-file={item.file.name}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 flex-1 truncate font-medium whitespace-pre" title={name}>
          <Name value={item.file.name} />
        </span>
        <span className="text-sm text-muted tabular-nums">
          {item.state === 'uploading' ? `${formatBytes(item.loaded)} of ${formatBytes(item.file.size)}` : formatBytes(item.file.size)}
        </span>
        <Badge tone={s.tone}>{s.label}</Badge>
        {(item.state === 'queued' || item.state === 'uploading') && (
          <Button size="sm" variant="ghost" onClick={onCancel} aria-label={`Cancel ${name}`}>
            Cancel
          </Button>
        )}
        {(item.state === 'failed' || item.state === 'cancelled') && (
          <Button size="sm" onClick={onRetry} aria-label={`Retry ${name}`}>
            Retry
          </Button>
        )}
      </div>
      {item.state !== 'too-big' && item.state !== 'no-slot' && (
        <div
          role="progressbar"
          aria-label={`Sending ${name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          className="h-2 overflow-hidden rounded-full bg-raised"
        >
          <div
            className={clsx('h-full rounded-full transition-[width]', item.state === 'failed' ? 'bg-danger' : item.state === 'done' ? 'bg-ok' : 'bg-accent')}
            style={{ width: `${pct}%` }}
          />
        </div>
      )}
      {item.error && (
        <p className={clsx('text-sm break-words', item.state === 'no-slot' ? 'text-warn' : 'text-danger')}>
          <Name value={item.error} />
        </p>
      )}
    </li>
  );
}
