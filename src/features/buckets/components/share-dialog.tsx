import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/button';
import { CopyButton } from '../../../components/copy-button';
import { Dialog } from '../../../components/dialog';
import { ErrorState, Skeleton } from '../../../components/states';
import { shareLink, useSignsLinks } from '../api/object-access';
import { chosenExpiry, linkExpiries } from '../lib/link-expiry';
import { browserCannotFetch } from '../lib/dot-keys';
import { DotKeyHelp } from './dot-key-help';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/**
 * A presigned download link: anyone with it can download the file until it expires. A name with "." or
 * ".." folders gets a curl command around the link instead, since a browser cannot open it.
 */
export function ShareDialog({ bucket, objectKey, name, onClose }: { bucket: string; objectKey: string; name: string; onClose: () => void }) {
  const signs = useSignsLinks();
  const offered = linkExpiries(signs ?? false);
  const [picked, setExpiresIn] = useState<number | null>(null);
  const expiresIn = chosenExpiry(offered, picked, 3600);
  const dotted = browserCannotFetch(objectKey);
  const q = useQuery({
    queryKey: ['buckets', 'share', bucket, objectKey, expiresIn],
    queryFn: () => shareLink(bucket, objectKey, expiresIn),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    enabled: !dotted && signs !== undefined,
  });
  const expires = q.data?.expires_at ? new Date(q.data.expires_at) : null;
  return (
    <Dialog open onClose={onClose} title={`Share ${name}`} footer={<Button onClick={onClose}>Done</Button>}>
      <div className="flex flex-col gap-4">
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="mb-1 font-medium">Link works for</legend>
          {offered.map((e) => (
            <label key={e.seconds} className="flex items-center gap-1.5">
              <input type="radio" name="share-expiry" checked={expiresIn === e.seconds} onChange={() => setExpiresIn(e.seconds)} className="accent-accent" />
              {e.label}
            </label>
          ))}
        </fieldset>
        {signs === false && <p className="-mt-2 text-xs text-muted">The cluster signs this link, and OSCAR allows at most an hour.</p>}
        {dotted ? (
          <DotKeyHelp bucket={bucket} objectKey={objectKey} purpose="share" expiresIn={expiresIn} />
        ) : q.isError ? (
          <ErrorState error={q.error} title="Could not make a link" onRetry={() => void q.refetch()} />
        ) : !q.data ? (
          <Skeleton rows={2} />
        ) : (
          <>
            <label className="flex flex-col gap-1">
              <span className="font-medium">Link</span>
              <input readOnly value={q.data.url ?? ''} onFocus={(e) => e.target.select()} className="rounded-md border border-line bg-canvas px-2 py-1.5 font-mono text-xs" />
            </label>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-muted">
                Expires {expires ? <time dateTime={q.data.expires_at}>{when.format(expires)}</time> : 'at an unknown time'}. Anyone with the link can
                download the file until then.
              </p>
              <CopyButton value={q.data.url ?? ''} label="share link" />
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
