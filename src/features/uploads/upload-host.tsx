// The shell's part of the uploads. The upload engine and its panel (S3 client, queue, IndexedDB store,
// virtualised list) load when they are first needed: when the bucket view asks for an upload, or, once the
// page is idle, when interrupted uploads of this user on this cluster wait to be resumed. Until then the
// first visit carries only the small request bus (lib/uploads/requests).
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { pendingUploadRequests, subscribeUploadRequests } from '../../lib/uploads/requests';

const UploadManager = lazy(() => import('./components/upload-manager').then((m) => ({ default: m.UploadManager })));

/** Runs `task` when the browser is idle (or after a moment where it cannot say); returns the cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 5_000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 1_000);
  return () => window.clearTimeout(id);
}

/** Whether uploads a closed tab or a lost connection interrupted wait for this session (IndexedDB). */
async function interruptedUploadsWait(): Promise<boolean> {
  const [{ idbUploadStore }, { connectionIdentity }] = await Promise.all([import('./lib/store'), import('../../lib/s3/oscar')]);
  return (await idbUploadStore.list(connectionIdentity())).length > 0;
}

export function UploadHost() {
  const pending = useSyncExternalStore(subscribeUploadRequests, pendingUploadRequests, pendingUploadRequests);
  const [needed, setNeeded] = useState(false);
  // Once loaded the manager stays: its queue and panel carry on across pages.
  if (!needed && pending.length > 0) setNeeded(true);

  useEffect(() => {
    if (needed) return;
    let stopped = false;
    const cancel = whenIdle(() => {
      void interruptedUploadsWait().then(
        (wait) => {
          if (wait && !stopped) setNeeded(true);
        },
        () => {
          // No IndexedDB (private modes): nothing was remembered, so nothing waits.
        },
      );
    });
    return () => {
      stopped = true;
      cancel();
    };
  }, [needed]);

  return needed ? (
    <Suspense fallback={null}>
      <UploadManager />
    </Suspense>
  ) : null;
}
