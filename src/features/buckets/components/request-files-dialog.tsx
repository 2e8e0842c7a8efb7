import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button } from '../../../components/button';
import { CopyButton } from '../../../components/copy-button';
import { Dialog } from '../../../components/dialog';
import { Name } from '../../../components/name';
import { ErrorState } from '../../../components/states';
import { EMBEDDED } from '../../../lib/deploy/mode';
import { MAX_SLOTS } from '../../../lib/public-upload/link';
import { requestFilesLink, useSignsLinks } from '../api/object-access';
import { chosenExpiry, linkExpiries } from '../lib/link-expiry';
import { browserCannotFetch } from '../lib/dot-keys';

/** More is possible (the page takes up to MAX_SLOTS), but a link for fifty files is already a long one. */
const MOST = Math.min(50, MAX_SLOTS);

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/**
 * "Request files": a Lagoon page address with presigned PUT URLs in its fragment, for someone without an
 * account to send files into this folder (docs/decisions/009-public-upload.md).
 */
export function RequestFilesDialog({ bucket, prefix, onClose }: { bucket: string; prefix: string; onClose: () => void }) {
  const signs = useSignsLinks();
  const offered = linkExpiries(signs ?? false);
  const [picked, setExpiresIn] = useState<number | null>(null);
  const expiresIn = chosenExpiry(offered, picked, 86_400);
  const [countText, setCountText] = useState('5');
  const count = Number(countText);
  const countOk = Number.isInteger(count) && count >= 1 && count <= MOST;
  const make = useMutation({ mutationFn: () => requestFilesLink(bucket, prefix, count, expiresIn, location, EMBEDDED) });
  const target = `${bucket}/${prefix}`;
  const dotted = browserCannotFetch(`${prefix}x`);
  // A changed choice makes the link shown stale: it is made again on request.
  const change = (f: () => void) => {
    f();
    make.reset();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title="Request files"
      footer={
        <>
          <Button onClick={onClose}>{make.data ? 'Done' : 'Cancel'}</Button>
          {!make.data && (
            <Button variant="primary" disabled={!countOk || dotted} busy={make.isPending} onClick={() => make.mutate()}>
              Create link
            </Button>
          )}
        </>
      }
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (countOk && !dotted && !make.data) make.mutate();
        }}
      >
        <p>
          A link anyone can open, without logging in, to send files into <Name value={target} className="font-mono whitespace-pre" />. They see
          this folder&apos;s name and nothing else of the cluster.
        </p>
        {dotted && <p className="text-danger">A folder named &quot;.&quot; or &quot;..&quot; cannot be reached from a browser: request files into another folder.</p>}
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="mb-1 font-medium">Link works for</legend>
          {offered.map((e) => (
            <label key={e.seconds} className="flex items-center gap-1.5">
              <input type="radio" name="request-expiry" checked={expiresIn === e.seconds} onChange={() => change(() => setExpiresIn(e.seconds))} className="accent-accent" />
              {e.label}
            </label>
          ))}
        </fieldset>
        {signs === false && <p className="-mt-2 text-xs text-muted">The cluster signs these links, and OSCAR allows at most an hour.</p>}
        <div className="flex flex-col gap-1">
          <label htmlFor="request-count" className="font-medium">
            Number of files
          </label>
          <input
            id="request-count"
            type="number"
            inputMode="numeric"
            min={1}
            max={MOST}
            value={countText}
            onChange={(e) => change(() => setCountText(e.target.value))}
            aria-invalid={!countOk}
            aria-describedby="request-count-help"
            className="w-28 rounded-md border border-line bg-canvas px-2 py-1.5"
          />
          <span id="request-count-help" className={countOk ? 'text-muted' : 'text-danger'}>
            {countOk ? 'Each file is one upload of up to 5 GiB, stored under a numbered name with its own name kept.' : `Between 1 and ${MOST} files.`}
          </span>
        </div>
        {make.isError && <ErrorState error={make.error} title="Could not make the link" onRetry={() => make.mutate()} />}
        {make.data && (
          <div className="flex flex-col gap-2">
            <label htmlFor="request-link" className="font-medium">
              Link
            </label>
            <div className="flex items-center gap-2">
              <input
                id="request-link"
                readOnly
                value={make.data.address}
                onFocus={(e) => e.target.select()}
                className="min-w-0 flex-1 rounded-md border border-line bg-canvas px-2 py-1.5 font-mono text-xs"
              />
              <CopyButton value={make.data.address} label="upload link" />
            </div>
            <p className="text-muted">
              Expires <time dateTime={new Date(make.data.expiresAt).toISOString()}>{when.format(new Date(make.data.expiresAt))}</time>. Files arrive as{' '}
              <span className="font-mono">{make.data.keys[0]?.slice(prefix.length)}</span>
              {make.data.keys.length > 1 && (
                <>
                  {' '}to <span className="font-mono">{make.data.keys.at(-1)?.slice(prefix.length)}</span>
                </>
              )}
              .
            </p>
            <p className="text-muted">The link cannot be withdrawn before it expires: share it only with whoever should send the files.</p>
          </div>
        )}
      </form>
    </Dialog>
  );
}
