// What the bucket view and the upload manager say to each other: upload requests (files picked or dropped
// into a folder) and the files that landed. Small on purpose: the upload engine (features/uploads) loads
// only when the first request comes (or an interrupted upload waits), so the first visit does not carry it.
import type { Picked } from './entries';

export interface UploadRequest extends Picked {
  id: number;
  bucket: string;
  /** The folder the files go into ("" for the bucket's top, else ending in "/"). */
  prefix: string;
  /**
   * Told which objects were queued once name collisions are settled (a "keep both" renames), or [] when
   * the user cancelled: a batch of dropped files follows exactly these keys.
   */
  onQueued?: (files: { key: string; size: number }[]) => void;
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

/** A file of the upload queue as other features see it (the upload engine's item, read only). */
export interface UploadFileView {
  id: string;
  bucket: string;
  key: string;
  size: number;
  /** Bytes the server has, plus bytes on the wire. */
  loaded: number;
  state: 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  error?: { message: string };
  finishedAt?: number;
}

/** What the upload engine lets other features do with its queue: watch its files, retry or cancel one. */
export interface UploadQueueView {
  subscribe(listener: () => void): () => void;
  getSnapshot(): { items: readonly UploadFileView[] };
  retry(id: string): void;
  cancel(id: string): void;
}

let queueView: UploadQueueView | null = null;
const queueViewListeners = new Set<() => void>();

/** The upload engine makes its queue visible once it loads. */
export function provideUploadQueue(view: UploadQueueView): void {
  queueView = view;
  queueViewListeners.forEach((l) => l());
}

/** The upload queue, or null while the upload engine has not loaded (nothing was uploaded in this tab). */
export function uploadQueueView(): UploadQueueView | null {
  return queueView;
}

const NO_FILES: readonly UploadFileView[] = [];

/** Subscribes to the queue's files, from before the engine loads on (for useSyncExternalStore). */
export function subscribeUploadFiles(listener: () => void): () => void {
  let off = queueView?.subscribe(listener);
  const onProvided = () => {
    off?.();
    off = queueView?.subscribe(listener);
    listener();
  };
  queueViewListeners.add(onProvided);
  return () => {
    off?.();
    queueViewListeners.delete(onProvided);
  };
}

/** The queue's files now (a stable array between changes). */
export function uploadFiles(): readonly UploadFileView[] {
  return queueView?.getSnapshot().items ?? NO_FILES;
}
