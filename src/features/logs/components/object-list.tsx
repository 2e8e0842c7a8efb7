import { Link } from 'react-router';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/button';
import { toast } from '../../../components/toast';
import { browseLink, previewKind, type ObjectRef } from '../../../lib/jobs/trace';
import { formatTime } from '../../../lib/jobs/view';
import { presignDownload } from '../api/queries';
import { withoutHiddenChars } from '../../../lib/text/hidden-chars';
import { Name } from '../../../components/name';

function size(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

async function download(o: ObjectRef) {
  try {
    const url = await presignDownload(o.bucket, o.key);
    const a = document.createElement('a');
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener';
    a.download = withoutHiddenChars(o.key.slice(o.key.lastIndexOf('/') + 1));
    document.body.append(a);
    a.click();
    a.remove();
  } catch (e) {
    toast(`Could not get a download link for ${o.key}: ${errorMessage(e)}`, 'error');
  }
}

/** Objects of a trace, each with preview, download and a link into the bucket browser. */
export function ObjectList({ objects, label, onPreview }: { objects: readonly ObjectRef[]; label: string; onPreview: (o: ObjectRef) => void }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {objects.map((o) => {
        const name = o.key.slice(o.key.lastIndexOf('/') + 1);
        return (
          <li key={`${o.bucket}/${o.key}`} className="flex flex-col gap-1 rounded-md border border-line bg-canvas px-3 py-2">
            <span className="font-mono text-sm break-all">
              <Name value={name} />
            </span>
            <span className="text-xs text-muted">
              <span className="font-mono break-all">
                <Name value={`${o.bucket}/${o.key}`} />
              </span>
              {o.size !== undefined && ` · ${size(o.size)}`}
              {o.modified !== undefined && ` · ${formatTime(o.modified)}`}
            </span>
            <span className="flex flex-wrap gap-1">
              {previewKind(o.key) !== 'none' && (
                <Button size="sm" variant="ghost" aria-label={`Preview ${name}`} onClick={() => onPreview(o)}>
                  Preview
                </Button>
              )}
              <Button size="sm" variant="ghost" aria-label={`Download ${name}`} onClick={() => void download(o)}>
                Download
              </Button>
              <Link to={browseLink(o)} className="inline-flex items-center rounded-md px-2.5 py-1 text-sm text-accent underline-offset-2 hover:underline" aria-label={`Show ${name} in its bucket`}>
                In bucket
              </Link>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
