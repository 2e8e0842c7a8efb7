import { useQuery } from '@tanstack/react-query';
import { presign } from '../../../lib/s3/oscar';
import { ErrorState, Skeleton } from '../../../components/states';
import { fetchObject } from '../api/object-access';
import { browserCannotFetch } from '../lib/dot-keys';
import { previewKind } from '../lib/object-tree';
import { DotKeyHelp } from './dot-key-help';
import { visibleText } from '../../../lib/text/hidden-chars';

const TEXT_LIMIT = 256 * 1024;
const PDF_LIMIT = 50 * 1024 * 1024;

/** CSV rows with quoted fields, enough to preview the first lines of a file. */
export function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function TextPreview({ text, kind, name, truncated }: { text: string; kind: string; name: string; truncated: boolean }) {
  if (kind === 'csv') {
    const rows = parseCsv(text, name.toLowerCase().endsWith('.tsv') ? '\t' : ',').slice(0, truncated ? -1 : undefined).slice(0, 51);
    const [head = [], ...body] = rows;
    return (
      <div className="overflow-auto">
        <table className="text-xs">
          <caption className="sr-only">First rows of {visibleText(name)}</caption>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={i} scope="col" className="border-b border-line px-2 py-1 text-left font-semibold whitespace-nowrap">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) => (
                  <td key={j} className="border-b border-line px-2 py-1 whitespace-nowrap">
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  let shown = text;
  if (kind === 'json' && !truncated) {
    try {
      shown = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not valid JSON: shown as it is.
    }
  }
  return <pre className="overflow-auto rounded-md bg-raised p-3 font-mono text-xs break-words whitespace-pre-wrap">{shown}</pre>;
}

/** The file itself: media by URL, text by its first 256 KB, PDF as a blob in a frame. */
export function PreviewBody({ bucket, objectKey, name, size }: { bucket: string; objectKey: string; name: string; size: number }) {
  const kind = previewKind(name);
  const dotted = browserCannotFetch(objectKey);
  const q = useQuery({
    queryKey: ['buckets', 'preview', bucket, objectKey, size],
    enabled: !dotted && kind !== 'none' && !(kind === 'pdf' && size > PDF_LIMIT),
    staleTime: 10 * 60_000,
    gcTime: 60_000,
    retry: false,
    queryFn: async ({ signal }) => {
      if (kind === 'text' || kind === 'json' || kind === 'csv') {
        const res = await fetchObject(bucket, objectKey, signal, size > TEXT_LIMIT ? `bytes=0-${TEXT_LIMIT - 1}` : undefined);
        return { text: new TextDecoder().decode(await res.arrayBuffer()), url: '' };
      }
      if (kind === 'pdf') {
        const blob = await (await fetchObject(bucket, objectKey, signal)).blob();
        return { text: '', url: URL.createObjectURL(new Blob([blob], { type: 'application/pdf' })) };
      }
      return { text: '', url: (await presign(bucket, objectKey, 'download')).url ?? '' };
    },
  });
  if (dotted) return <DotKeyHelp bucket={bucket} objectKey={objectKey} purpose="preview" />;
  if (kind === 'none') return <p className="text-sm text-muted">No preview for this kind of file. Download it to open it.</p>;
  if (kind === 'pdf' && size > PDF_LIMIT) return <p className="text-sm text-muted">This PDF is too large to preview here. Download it to open it.</p>;
  if (q.isError) return <ErrorState error={q.error} title="Could not load the preview" onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton rows={6} />;
  const { text, url } = q.data;
  switch (kind) {
    case 'image':
      return <img src={url} alt={`Preview of ${visibleText(name)}`} className="max-h-[60vh] w-full rounded-md bg-raised object-contain" />;
    case 'audio':
      return (
        <audio controls src={url} className="w-full" aria-label={`Play ${visibleText(name)}`}>
          <track kind="captions" />
        </audio>
      );
    case 'video':
      return (
        <video controls src={url} className="max-h-[60vh] w-full rounded-md bg-black" aria-label={`Play ${visibleText(name)}`}>
          <track kind="captions" />
        </video>
      );
    case 'pdf':
      return <iframe src={url} title={`Preview of ${visibleText(name)}`} className="h-[60vh] w-full rounded-md border border-line bg-white" />;
    default:
      return (
        <div className="flex flex-col gap-2">
          {size > TEXT_LIMIT && <p className="text-xs text-muted">The first 256 KB of the file.</p>}
          <TextPreview text={text} kind={kind} name={name} truncated={size > TEXT_LIMIT} />
        </div>
      );
  }
}
