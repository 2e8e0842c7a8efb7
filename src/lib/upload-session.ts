// The app's one upload queue and the requests that feed it. The bucket view asks for an upload
// (requestUpload); the upload manager, mounted in the shell so it stays across pages, takes the request,
// settles name collisions with the user, and queues the files. Listeners hear when a file lands so a
// bucket listing can refresh.
import { connectionIdentity, oscarUploadBackend } from './s3-oscar';
import type { Picked } from './upload-entries';
import { UploadQueue, type UploadItem, type UploadLimits } from './upload-queue';
import { idbUploadStore } from './upload-store';

export interface UploadRequest extends Picked {
  id: number;
  bucket: string;
  /** The folder the files go into ("" for the bucket's top, else ending in "/"). */
  prefix: string;
}

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

const uploadedListeners = new Set<(item: UploadItem) => void>();

export const uploadQueue = new UploadQueue({
  backend: oscarUploadBackend,
  store: idbUploadStore,
  scope: connectionIdentity,
  ...(savedLimits() ? { limits: savedLimits() } : {}),
  onComplete: (item) => uploadedListeners.forEach((l) => l(item)),
});

export function setUploadLimits(limits: UploadLimits): void {
  uploadQueue.setLimits(limits);
  try {
    localStorage.setItem(LIMITS_KEY, JSON.stringify(uploadQueue.getLimits()));
  } catch {
    // Only a preference.
  }
}

/** Called with each file that finished uploading; returns the unsubscribe. */
export function onUploaded(listener: (item: UploadItem) => void): () => void {
  uploadedListeners.add(listener);
  return () => uploadedListeners.delete(listener);
}

let pending: UploadRequest[] = [];
let nextRequest = 1;
const requestListeners = new Set<() => void>();

export function requestUpload(r: Omit<UploadRequest, 'id'>): void {
  if (!r.files.length && !r.emptyFolders.length) return;
  pending = [...pending, { ...r, id: nextRequest++ }];
  requestListeners.forEach((l) => l());
}

export function subscribeUploadRequests(listener: () => void): () => void {
  requestListeners.add(listener);
  return () => requestListeners.delete(listener);
}

export function pendingUploadRequests(): readonly UploadRequest[] {
  return pending;
}

export function settleUploadRequest(id: number): void {
  pending = pending.filter((r) => r.id !== id);
  requestListeners.forEach((l) => l());
}

if (typeof window !== 'undefined') {
  // Back online: the files that failed for a dropped connection go on from their stored parts.
  window.addEventListener('online', () => uploadQueue.retryNetworkFailures());
}
