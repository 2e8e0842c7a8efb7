import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/button';
import { CodeView } from '../../../components/code-view';
import { previewKind, type ObjectRef } from '../../../lib/jobs/trace';
import { presignDownload } from '../api/queries';
import { Name } from '../../../components/name';
import { visibleText } from '../../../lib/text/hidden-chars';

const TEXT_LIMIT = 256 * 1024;

type Loaded = { kind: 'image'; url: string } | { kind: 'text'; text: string; cut: boolean } | { kind: 'error'; message: string };

/**
 * A side panel previewing an image or the start of a text file, fetched from a presigned URL (MinIO
 * serves it, not OSCAR). A modal <dialog>: the browser gives focus trapping and Escape.
 */
export function ObjectPreview({ object, onClose }: { object: ObjectRef | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded } | null>(null);
  const key = object ? `${object.bucket}/${object.key}` : '';

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (object && !d.open) d.showModal();
    if (!object && d.open) d.close();
  }, [object]);

  useEffect(() => {
    if (!object) return;
    let cancelled = false;
    const done = (value: Loaded) => !cancelled && setLoaded({ key: `${object.bucket}/${object.key}`, value });
    presignDownload(object.bucket, object.key)
      .then(async (url) => {
        if (previewKind(object.key) === 'image') return done({ kind: 'image', url });
        const res = await fetch(url, { headers: { Range: `bytes=0-${TEXT_LIMIT - 1}` } });
        if (!res.ok && res.status !== 206) throw new Error(`The storage answered ${res.status}`);
        const text = await res.text();
        done({ kind: 'text', text: text.slice(0, TEXT_LIMIT), cut: text.length >= TEXT_LIMIT || res.status === 206 });
      })
      .catch((e: unknown) => done({ kind: 'error', message: errorMessage(e) }));
    return () => {
      cancelled = true;
    };
  }, [object]);

  const value = loaded?.key === key ? loaded.value : null;
  const name = object?.key.slice(object.key.lastIndexOf('/') + 1) ?? '';
  return (
    <dialog
      ref={ref}
      aria-labelledby="object-preview-title"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-0 ml-auto h-full max-h-none w-[36rem] max-w-[100vw] border-l border-line bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/40"
    >
      {object && (
        <div className="flex h-full flex-col gap-3 p-5">
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <h2 id="object-preview-title" className="text-lg font-semibold break-all">
                <Name value={name} />
              </h2>
              <p className="font-mono text-xs break-all text-muted">
                <Name value={`${object.bucket}/${object.key}`} />
              </p>
            </div>
            <Button size="sm" onClick={onClose}>
              Close
            </Button>
          </div>
          <div className="min-h-0 flex-1 overflow-auto">
            {!value ? (
              <p role="status" className="text-sm text-muted">
                Loading the preview…
              </p>
            ) : value.kind === 'error' ? (
              <p role="alert" className="text-sm text-danger">
                Could not load the preview: {value.message}
              </p>
            ) : value.kind === 'image' ? (
              <PreviewImage key={value.url} url={value.url} name={name} />
            ) : (
              <>
                {value.cut && <p className="mb-2 text-sm text-muted">The first 256 KB:</p>}
                <CodeView code={value.text} label={`Contents of ${visibleText(name)}`} />
              </>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}

function PreviewImage({ url, name }: { url: string; name: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <p role="alert" className="text-sm text-danger">
        The storage did not return the image. The link may have expired, or the storage may not allow this page to show it (CORS).
      </p>
    );
  }
  return (
    <img
      src={url}
      alt={`Preview of ${visibleText(name)}`}
      onError={() => setFailed(true)}
      className="max-w-full rounded border border-line bg-[repeating-conic-gradient(#8882_0_25%,transparent_0_50%)] bg-[length:16px_16px] [image-rendering:pixelated]"
    />
  );
}
