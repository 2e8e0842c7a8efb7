import { useEffect, useRef, useState } from 'react';
import { clsx } from 'clsx';
import { Button } from '../../../components/button';
import { Name } from '../../../components/name';
import { useClock } from '../../../components/use-clock';
import { MAX_PUT_BYTES, type UploadLink } from '../../../lib/public-upload/link';
import { describeExpiry } from '../lib/expiry';
import { FileRow } from './file-row';
import { usePublicUpload } from './use-public-upload';

const MAX_PUT_GIB = MAX_PUT_BYTES / 1024 ** 3;

function hasFiles(e: React.DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/**
 * The page someone opens from an upload link: where the files go (bucket and folder, nothing else of the
 * cluster), until when, a drop zone and a file picker, and each file's progress.
 */
export function PublicUploadPage({ link, beforeSend }: { link: UploadLink; beforeSend: () => Promise<void> }) {
  const now = useClock(30_000);
  const expiry = describeExpiry(link.expiresAt, now);
  const up = usePublicUpload(link, beforeSend);
  const picker = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const target = `${link.bucket}/${link.folder}`;
  const closed = expiry.expired || up.left === 0;

  const take = (files: readonly File[]) => {
    if (files.length) up.add(files);
  };

  useEffect(() => {
    // A drop beside the zone must not make the browser open the file in place of the page.
    const stop = (e: DragEvent) => {
      if (Array.from(e.dataTransfer?.types ?? []).includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  const sent = up.items.filter((i) => i.state === 'done');
  const slots = link.slots.length;
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Send files</h1>
        <p className="text-muted">
          To <Name value={target} className="font-mono font-medium text-fg whitespace-pre" />
        </p>
      </header>

      <div
        role={expiry.expired ? 'alert' : undefined}
        className={clsx('rounded-md border px-4 py-3 text-sm', expiry.expired ? 'border-danger/40 bg-danger-soft text-danger' : 'border-line bg-surface')}
      >
        <p className={expiry.expired ? 'font-semibold' : ''}>{expiry.text}</p>
        {expiry.expired ? (
          <p className="mt-1 text-fg">Nothing can be sent with it any more. Ask the person who sent it for a new link.</p>
        ) : (
          <p className="mt-1 text-muted">
            {slots === 1 ? 'One file' : `Up to ${slots} files`}
            {up.left < slots && ` (${up.left} left)`}, each up to {MAX_PUT_GIB} GiB (the most one upload to this storage can carry). Files are
            stored in that folder under {slots === 1 ? 'the name the link was made for' : 'numbered names'}; the name of each file you send is kept
            with it.
          </p>
        )}
      </div>

      {!expiry.expired && (
        <div
          data-testid="public-drop-zone"
          onDragEnter={(e) => {
            if (!hasFiles(e)) return;
            e.preventDefault();
            depth.current++;
            setOver(true);
          }}
          onDragOver={(e) => {
            if (!hasFiles(e)) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = closed ? 'none' : 'copy';
          }}
          onDragLeave={() => {
            depth.current = Math.max(0, depth.current - 1);
            if (depth.current === 0) setOver(false);
          }}
          onDrop={(e) => {
            e.preventDefault();
            depth.current = 0;
            setOver(false);
            take(Array.from(e.dataTransfer.files));
          }}
          className={clsx(
            'flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors',
            over ? 'border-accent bg-accent-soft' : 'border-line bg-surface',
          )}
        >
          <p className="text-lg font-medium">{up.left === 0 ? 'All the places on this link are used' : 'Drop files here'}</p>
          <p className="text-sm text-muted">{up.left === 0 ? 'Ask for a new link to send more.' : 'or'}</p>
          <input
            ref={picker}
            type="file"
            multiple={up.left > 1}
            hidden
            aria-label="Files to send"
            onChange={(e) => {
              take(Array.from(e.currentTarget.files ?? []));
              e.currentTarget.value = '';
            }}
          />
          <Button variant="primary" disabled={up.left === 0} onClick={() => picker.current?.click()}>
            Choose files
          </Button>
          <p role="status" className="sr-only">
            {over ? `Drop to send to ${target}` : ''}
          </p>
        </div>
      )}

      {up.items.length > 0 && (
        <section aria-labelledby="files-heading" className="flex flex-col gap-2">
          <div className="flex items-baseline justify-between gap-2">
            <h2 id="files-heading" className="font-semibold">
              Files
            </h2>
            <p className="text-sm text-muted" aria-live="polite">
              {sent.length} of {up.items.length} sent
            </p>
          </div>
          <ul className="overflow-hidden rounded-lg border border-line bg-surface">
            {up.items.map((item) => (
              <FileRow key={item.id} item={item} onCancel={() => up.cancel(item.id)} onRetry={() => up.retry(item.id)} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
