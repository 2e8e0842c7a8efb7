import { useEffect, useSyncExternalStore } from 'react';
import { uploadQueue } from '../lib/session';
import { CollisionDialog } from './collision-dialog';
import { UploadPanel } from './upload-panel';
import { useUploadRequests } from './use-upload-requests';

/**
 * The upload manager, mounted once in the app shell so uploads and their panel carry on across pages.
 * It takes the bucket view's upload requests, asks about name collisions, and shows every file's progress.
 * On start it offers the uploads a closed tab or a lost connection interrupted (kept in IndexedDB).
 */
export function UploadManager() {
  const snapshot = useSyncExternalStore(uploadQueue.subscribe, uploadQueue.getSnapshot, uploadQueue.getSnapshot);
  const { question, choose, cancel } = useUploadRequests();
  const busy = snapshot.summary.uploading + snapshot.summary.queued > 0;

  useEffect(() => {
    void uploadQueue.restore();
  }, []);

  useEffect(() => {
    if (!busy) return;
    // Closing the tab stops the uploads; the browser asks first (parts sent so far can still be resumed).
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  return (
    <>
      {snapshot.items.length > 0 && <UploadPanel snapshot={snapshot} />}
      {question && (
        <CollisionDialog key={question.key} bucket={question.bucket} objectKey={question.key} remaining={question.remaining} onChoose={choose} onCancel={cancel} />
      )}
    </>
  );
}
