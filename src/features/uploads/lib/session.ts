// The app's one upload queue. The bucket view asks for an upload (lib/uploads/requests); the upload
// manager, loaded by the shell when the first request comes, takes the request, settles name collisions
// with the user, and queues the files here. Each file that lands is announced (notifyUploaded) so a
// bucket listing can refresh.
import { connectionIdentity, presign, renewS3Credentials, s3Credentials } from '../../../lib/s3/oscar';
import { notifyUploaded, provideUploadQueue } from '../../../lib/uploads/requests';
import { UploadQueue, type PresignedPut, type UploadBackend, type UploadLimits } from './queue';
import { idbUploadStore } from './store';

const LIMITS_KEY = 'lagoon.uploads.limits';

function savedLimits(): UploadLimits | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(LIMITS_KEY) ?? 'null') as Partial<UploadLimits> | null;
    if (v && Number.isInteger(v.files) && Number.isInteger(v.parts)) return { files: v.files!, parts: v.parts! };
  } catch {
    // A preference that cannot be read is the default.
  }
  return undefined;
}

/** The queue's way to the cluster's storage: the session's S3 keys, or OSCAR's presigned PUTs. */
export const oscarUploadBackend: UploadBackend = {
  credentials: s3Credentials,
  renewCredentials: renewS3Credentials,
  async presignPut(bucket, key, contentType): Promise<PresignedPut> {
    const p = await presign(bucket, key, 'upload', { contentType });
    return { url: p.url ?? '', method: p.method, headers: p.headers ?? { 'Content-Type': contentType } };
  },
};

export const uploadQueue = new UploadQueue({
  backend: oscarUploadBackend,
  store: idbUploadStore,
  scope: connectionIdentity,
  ...(savedLimits() ? { limits: savedLimits() } : {}),
  onComplete: (item) => notifyUploaded(item),
});

// Other features (a batch of dropped files) watch their files' progress through the shared view.
provideUploadQueue(uploadQueue);

export function setUploadLimits(limits: UploadLimits): void {
  uploadQueue.setLimits(limits);
  try {
    localStorage.setItem(LIMITS_KEY, JSON.stringify(uploadQueue.getLimits()));
  } catch {
    // Only a preference.
  }
}

if (typeof window !== 'undefined') {
  // Back online: the files that failed for a dropped connection go on from their stored parts.
  window.addEventListener('online', () => uploadQueue.retryNetworkFailures());
}
