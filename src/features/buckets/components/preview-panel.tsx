import { Button } from '../../../components/button';
import { formatBytes } from '../../../lib/units/transfer';
import type { FileRow } from '../lib/object-tree';
import { PreviewBody } from './preview-body';
import { Name } from '../../../components/name';
import { visibleText } from '../../../lib/text/hidden-chars';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The side panel beside the listing: the file's facts, its preview, and its actions. */
export function PreviewPanel({
  bucket,
  row,
  onClose,
  onDownload,
  onShare,
}: {
  bucket: string;
  row: FileRow;
  onClose: () => void;
  onDownload: () => void;
  onShare: () => void;
}) {
  return (
    <aside
      aria-label={`Preview of ${visibleText(row.name)}`}
      className="flex w-full shrink-0 flex-col gap-3 rounded-lg border border-line bg-surface p-4 lg:w-[22rem] 2xl:w-[26rem]"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 font-semibold break-all whitespace-pre-wrap">
          <Name value={row.name} />
        </h2>
        <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close the preview">
          ×
        </Button>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">Size</dt>
        <dd className="tabular-nums">{formatBytes(row.size)}</dd>
        <dt className="text-muted">Modified</dt>
        <dd>{row.lastModified ? dateFormat.format(row.lastModified) : '—'}</dd>
        <dt className="text-muted">Key</dt>
        <dd className="font-mono text-xs break-all whitespace-pre-wrap">
          <Name value={row.id} />
        </dd>
      </dl>
      <div className="flex gap-2">
        <Button size="sm" onClick={onDownload}>
          Download
        </Button>
        <Button size="sm" onClick={onShare}>
          Share link
        </Button>
      </div>
      <PreviewBody key={row.id} bucket={bucket} objectKey={row.id} name={row.name} size={row.size} />
    </aside>
  );
}
