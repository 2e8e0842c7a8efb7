// What the bucket view and the upload manager say to each other: upload requests (files picked or dropped
// into a folder) and the files that landed. Small on purpose: the upload engine (features/uploads) loads
// only when the first request comes (or an interrupted upload waits), so the first visit does not carry it.
import type { Picked } from './entries';

export interface UploadRequest extends Picked {
  id: number;
  bucket: string;
  /** The folder the files go into ("" for the bucket's top, else ending in "/"). */
  prefix: string;
}

/** A file that finished uploading. */
export interface Uploaded {
  bucket: string;
  key: string;
}

const uploadedListeners = new Set<(item: Uploaded) => void>();

/** Called with each file that finished uploading; returns the unsubscribe. */
export function onUploaded(listener: (item: Uploaded) => void): () => void {
  uploadedListeners.add(listener);
  return () => uploadedListeners.delete(listener);
}

/** The upload engine tells the app a file landed. */
export function notifyUploaded(item: Uploaded): void {
  uploadedListeners.forEach((l) => l(item));
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
