// The upload manager's engine, free of React: a queue of files with caps on parallel files and parts,
// single PUTs for small files and S3 multipart for large ones, retries with backoff for a dropped
// connection, renewed credentials when they expire, cancel that aborts the multipart upload on the server,
// and resume from the parts the server already holds (after a retry, or after the tab was closed: the
// upload's ids are in IndexedDB, and the user gives the same file again). See docs/decisions/004-uploads.md.
import {
  abortMultipart,
  classifyFailure,
  completeMultipart,
  createMultipart,
  isTransient,
  listParts,
  S3Error,
  type FailureKind,
} from '../../../lib/s3/client';
import { hasDotSegment, presignUrl, signPostPolicy, type S3Credentials } from '../../../lib/s3/sign';
import { choosePartSize, contentTypeFor, MAX_SINGLE_PUT, partRanges, sameFile, usesMultipart, type PartRange } from './plan';
import { createSpeedMeter, timeLeft, type SpeedMeter } from '../../../lib/units/transfer';
import type { UploadRecord, UploadStore } from './store';
import { abortError, isAbort, xhrSend, type Send } from './transport';

export type UploadState = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled' | 'interrupted';

export interface UploadFailure {
  kind: FailureKind | 'needs-credentials' | 'cors';
  message: string;
  status?: number;
}

export interface UploadItem {
  id: string;
  bucket: string;
  key: string;
  /** The path the user dropped (folder structure kept), for display. */
  name: string;
  size: number;
  state: UploadState;
  /** Bytes the server has (finished parts) plus bytes on the wire. */
  loaded: number;
  /** Bytes per second; 0 when not uploading. */
  speed: number;
  /** Seconds left, null when unknown. */
  eta: number | null;
  method: 'put' | 'multipart' | 'post';
  parts?: { done: number; total: number; reused: number };
  error?: UploadFailure;
  startedAt?: number;
  finishedAt?: number;
}

export interface UploadSummary {
  total: number;
  queued: number;
  uploading: number;
  done: number;
  failed: number;
  cancelled: number;
  interrupted: number;
  bytes: number;
  loaded: number;
  speed: number;
  eta: number | null;
  /** True once there is something and nothing is left to run. */
  finished: boolean;
  /** From the first start to the last finish of the current batch, ms. */
  elapsed: number;
}

export interface UploadSnapshot {
  items: readonly UploadItem[];
  summary: UploadSummary;
}

export interface PresignedPut {
  url: string;
  method?: string;
  headers?: Record<string, string>;
}

export interface UploadBackend {
  /** S3 credentials for signing (multipart needs them), or null when the cluster only offers presigned URLs. */
  credentials(): Promise<S3Credentials | null>;
  /** Forgets the credentials and asks the cluster again (they expired or were rotated). */
  renewCredentials(): Promise<S3Credentials | null>;
  /** A presigned PUT from the cluster (POST /system/buckets/{bucket}/presign). */
  presignPut(bucket: string, key: string, contentType: string): Promise<PresignedPut>;
}

export interface UploadLimits {
  /** Files sent at once. */
  files: number;
  /** Requests (whole small files or parts) in flight at once, over all files. */
  parts: number;
}

export interface UploadQueueOptions {
  backend: UploadBackend;
  store: UploadStore;
  /** Who is uploading where (cluster endpoint and user): interrupted uploads are kept per scope. */
  scope: () => string;
  send?: Send;
  limits?: UploadLimits;
  partSize?: number;
  multipartThreshold?: number;
  /** Tries for one request before the file fails (a dropped connection, a busy server). */
  attempts?: number;
  backoffMs?: number;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  onComplete?: (item: UploadItem) => void;
}

export interface AddRequest {
  bucket: string;
  key: string;
  file: File;
  /** Shown in the manager; defaults to the key's last part. */
  name?: string;
}

interface Part {
  etag: string;
  size: number;
}

interface Job {
  item: UploadItem;
  file: File | null;
  contentType: string;
  controller: AbortController | null;
  uploadId?: string;
  partSize?: number;
  done: Map<number, Part>;
  inflight: Map<number, number>;
  meter: SpeedMeter;
  recordId?: string;
  createdAt: number;
  /** The file's own name and date, to recognise it when the user gives it again. */
  fileName: string;
  lastModified: number;
  /** Restored from IndexedDB: ask the server which parts it has before sending more. */
  resumeFromServer?: boolean;
  /** Parts found on the server when resuming. */
  reused?: number;
  /** Bytes moved since the item was last brought up to date (see refresh). */
  dirty?: boolean;
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

class Slots {
  private waiting: (() => void)[] = [];
  private used = 0;
  constructor(public max: number) {}
  async acquire(signal: AbortSignal): Promise<void> {
    if (this.used < this.max) {
      this.used++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const go = () => {
        signal.removeEventListener('abort', cancel);
        this.used++;
        resolve();
      };
      const cancel = () => {
        this.waiting = this.waiting.filter((w) => w !== go);
        reject(abortError());
      };
      signal.addEventListener('abort', cancel, { once: true });
      this.waiting.push(go);
    });
  }
  release(): void {
    this.used--;
    this.drain();
  }
  drain(): void {
    while (this.used < this.max && this.waiting.length) this.waiting.shift()?.();
  }
}

let nextId = 1;
const newId = () => `u${Date.now().toString(36)}-${(nextId++).toString(36)}`;

/** A multipart file's parts count as the job holds it now (nothing for a single PUT). */
function partsNow(job: Job): Pick<UploadItem, 'parts'> {
  return job.item.parts ? { parts: { ...job.item.parts, done: job.done.size } } : {};
}

function failureOf(e: unknown): UploadFailure {
  if (e instanceof S3Error) {
    return { kind: classifyFailure(e), message: e.message, status: e.status };
  }
  if (e instanceof UploadStop) return e.failure;
  return { kind: 'other', message: e instanceof Error ? e.message : String(e) };
}

class UploadStop extends Error {
  constructor(readonly failure: UploadFailure) {
    super(failure.message);
  }
}

export class UploadQueue {
  private jobs: Job[] = [];
  private listeners = new Set<() => void>();
  private snapshot: UploadSnapshot;
  private emitTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly o: Required<Omit<UploadQueueOptions, 'onComplete' | 'limits'>> & Pick<UploadQueueOptions, 'onComplete'>;
  private limits: UploadLimits;
  private slots: Slots;
  private batchStart = 0;

  constructor(options: UploadQueueOptions) {
    this.o = {
      send: xhrSend,
      partSize: 8 * 1024 * 1024,
      multipartThreshold: 16 * 1024 * 1024,
      attempts: 5,
      backoffMs: 500,
      now: () => Date.now(),
      sleep: defaultSleep,
      ...options,
    };
    this.limits = { files: 3, parts: 6, ...options.limits };
    this.slots = new Slots(this.limits.parts);
    this.snapshot = this.build();
  }

  // ------------------------------------------------------------------ reading

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): UploadSnapshot => this.snapshot;

  getLimits(): UploadLimits {
    return { ...this.limits };
  }

  setLimits(limits: Partial<UploadLimits>): void {
    this.limits = {
      files: Math.max(1, Math.round(limits.files ?? this.limits.files)),
      parts: Math.max(1, Math.round(limits.parts ?? this.limits.parts)),
    };
    this.slots.max = this.limits.parts;
    this.slots.drain();
    this.pump();
  }

  private build(): UploadSnapshot {
    const now = this.o.now();
    for (const j of this.jobs) if (j.dirty) this.refresh(j, now);
    const items = this.jobs.map((j) => ({ ...j.item }));
    const s: UploadSummary = {
      total: items.length,
      queued: 0,
      uploading: 0,
      done: 0,
      failed: 0,
      cancelled: 0,
      interrupted: 0,
      bytes: 0,
      loaded: 0,
      speed: 0,
      eta: null,
      finished: false,
      elapsed: 0,
    };
    let lastFinish = 0;
    for (const it of items) {
      s[it.state]++;
      if (it.state === 'cancelled') continue;
      s.bytes += it.size;
      s.loaded += Math.min(it.size, it.loaded);
      s.speed += it.speed;
      if (it.finishedAt) lastFinish = Math.max(lastFinish, it.finishedAt);
    }
    s.finished = items.length > 0 && s.queued === 0 && s.uploading === 0;
    s.eta = s.uploading ? timeLeft(s.bytes - s.loaded - this.notRunningBytes(items), s.speed) : null;
    s.elapsed = this.batchStart ? (s.finished ? lastFinish : now) - this.batchStart : 0;
    return { items, summary: s };
  }

  private notRunningBytes(items: UploadItem[]): number {
    return items.filter((i) => i.state === 'failed' || i.state === 'interrupted').reduce((n, i) => n + i.size - i.loaded, 0);
  }

  /** Coalesces progress into at most ~10 updates a second; state changes go out at once. */
  private emit(now = false): void {
    if (now) {
      if (this.emitTimer) clearTimeout(this.emitTimer);
      this.emitTimer = null;
      this.snapshot = this.build();
      for (const l of this.listeners) l();
      return;
    }
    if (this.emitTimer) return;
    this.emitTimer = setTimeout(() => this.emit(true), 100);
  }

  // ------------------------------------------------------------------ commands

  /**
   * Queues files. A file that matches an interrupted upload of the same bucket and key (same name, size
   * and date) continues that upload instead of starting again.
   */
  add(requests: readonly AddRequest[]): string[] {
    const ids: string[] = [];
    for (const r of requests) {
      const waiting = this.jobs.find(
        (j) => j.item.state === 'interrupted' && j.item.bucket === r.bucket && j.item.key === r.key && this.matches(j, r.file),
      );
      if (waiting) {
        this.attach(waiting, r.file);
        ids.push(waiting.item.id);
        continue;
      }
      const job: Job = {
        item: {
          id: newId(),
          bucket: r.bucket,
          key: r.key,
          name: r.name ?? r.key.slice(r.key.lastIndexOf('/') + 1),
          size: r.file.size,
          state: 'queued',
          loaded: 0,
          speed: 0,
          eta: null,
          method: this.methodFor(r.key, r.file.size),
        },
        file: r.file,
        contentType: contentTypeFor(r.file.name, r.file.type),
        controller: null,
        done: new Map(),
        inflight: new Map(),
        meter: createSpeedMeter(),
        createdAt: this.o.now(),
        fileName: r.file.name,
        lastModified: r.file.lastModified,
      };
      this.jobs.push(job);
      ids.push(job.item.id);
    }
    this.startBatch();
    this.emit(true);
    this.pump();
    return ids;
  }

  /** Gives an interrupted upload its file again; false when it is not the same file. */
  resumeWith(id: string, file: File): boolean {
    const job = this.find(id);
    if (!job || job.item.state !== 'interrupted' || !this.matches(job, file)) return false;
    this.attach(job, file);
    this.startBatch();
    this.emit(true);
    this.pump();
    return true;
  }

  /** The interrupted uploads remembered for this scope (after a reload or a closed tab). */
  async restore(): Promise<number> {
    const records = await this.o.store.list(this.o.scope());
    let added = 0;
    for (const r of records) {
      if (this.jobs.some((j) => j.recordId === r.id)) continue;
      this.jobs.push(this.jobFromRecord(r));
      added++;
    }
    if (added) this.emit(true);
    return added;
  }

  cancel(id: string): void {
    const job = this.find(id);
    if (!job) return;
    const { state } = job.item;
    if (state === 'done' || state === 'cancelled') return;
    job.controller?.abort();
    job.item = { ...job.item, state: 'cancelled', speed: 0, eta: null, finishedAt: this.o.now() };
    this.emit(true);
    void this.discardOnServer(job);
    this.pump();
  }

  cancelAll(): void {
    for (const j of this.jobs) {
      if (j.item.state === 'queued' || j.item.state === 'uploading' || j.item.state === 'failed' || j.item.state === 'interrupted') {
        this.cancel(j.item.id);
      }
    }
  }

  retry(id: string): void {
    const job = this.find(id);
    if (!job || (job.item.state !== 'failed' && job.item.state !== 'cancelled') || !job.file) return;
    if (job.item.state === 'cancelled') this.resetMultipart(job);
    job.item = { ...job.item, state: 'queued', error: undefined, finishedAt: undefined };
    this.startBatch();
    this.emit(true);
    this.pump();
  }

  /** Tries again every file that failed for a dropped connection (called when the browser is back online). */
  retryNetworkFailures(): void {
    for (const j of this.jobs) if (j.item.state === 'failed' && j.item.error?.kind === 'network') this.retry(j.item.id);
  }

  /** Forgets finished items (done, cancelled; failed too when `failed`). */
  clear(options: { failed?: boolean } = {}): void {
    this.jobs = this.jobs.filter(
      (j) => !(j.item.state === 'done' || j.item.state === 'cancelled' || (options.failed && j.item.state === 'failed')),
    );
    if (!this.jobs.length) this.batchStart = 0;
    this.emit(true);
  }

  /** Waits until nothing is queued or uploading (tests and benchmarks). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        const busy = this.jobs.some((j) => j.item.state === 'queued' || j.item.state === 'uploading');
        if (!busy) {
          off();
          resolve();
        }
      };
      const off = this.subscribe(check);
      check();
    });
  }

  // ------------------------------------------------------------------ scheduling

  private find(id: string): Job | undefined {
    return this.jobs.find((j) => j.item.id === id);
  }

  private matches(job: Job, file: File): boolean {
    return sameFile({ name: job.fileName, size: job.item.size, lastModified: job.lastModified }, file);
  }

  private methodFor(key: string, size: number): UploadItem['method'] {
    if (hasDotSegment(key)) return 'post';
    return usesMultipart(size, this.o.multipartThreshold) ? 'multipart' : 'put';
  }

  private startBatch(): void {
    const active = this.jobs.some((j) => j.item.state === 'uploading');
    if (!active && (!this.batchStart || this.snapshot.summary.finished)) this.batchStart = this.o.now();
  }

  private attach(job: Job, file: File): void {
    job.file = file;
    job.fileName = file.name;
    job.lastModified = file.lastModified;
    job.item = { ...job.item, state: 'queued', error: undefined };
  }

  private resetMultipart(job: Job): void {
    job.uploadId = undefined;
    job.partSize = undefined;
    job.done.clear();
    job.recordId = undefined;
    job.item = { ...job.item, loaded: 0, parts: undefined };
  }

  private pump(): void {
    let running = this.jobs.filter((j) => j.item.state === 'uploading').length;
    for (const job of this.jobs) {
      if (running >= this.limits.files) break;
      if (job.item.state !== 'queued') continue;
      running++;
      void this.run(job);
    }
  }

  private async run(job: Job): Promise<void> {
    const controller = new AbortController();
    job.controller = controller;
    job.meter.reset();
    job.item = { ...job.item, state: 'uploading', startedAt: job.item.startedAt ?? this.o.now(), error: undefined };
    this.emit(true);
    try {
      if (job.item.method === 'multipart') await this.multipart(job, controller.signal);
      else await this.single(job, controller.signal);
      if (controller.signal.aborted) return;
      // The parts as they stand: the last throttled refresh may predate the last parts.
      job.item = { ...job.item, ...partsNow(job), state: 'done', loaded: job.item.size, speed: 0, eta: 0, finishedAt: this.o.now() };
      if (job.recordId) void this.o.store.remove(job.recordId);
      this.emit(true);
      this.o.onComplete?.({ ...job.item });
    } catch (e) {
      if (controller.signal.aborted || isAbort(e)) return;
      const failure = failureOf(e);
      if (failure.kind === 'upload-gone' || failure.kind === 'bucket-gone') {
        if (job.recordId) void this.o.store.remove(job.recordId);
        this.resetMultipart(job);
      }
      job.item = { ...job.item, ...partsNow(job), state: 'failed', speed: 0, eta: null, error: failure, finishedAt: this.o.now() };
      this.emit(true);
    } finally {
      job.inflight.clear();
      if (job.controller === controller) job.controller = null;
      this.pump();
    }
  }

  /**
   * Called for every upload progress event (many a second per request): only marks the file, so the work
   * per event stays a counter; bytes, speed and time left are worked out when the snapshot is built, at
   * most ~10 times a second.
   */
  private progress(job: Job): void {
    job.dirty = true;
    this.emit();
  }

  private refresh(job: Job, now: number): void {
    job.dirty = false;
    if (job.item.state !== 'uploading') return;
    let loaded = 0;
    for (const p of job.done.values()) loaded += p.size;
    for (const n of job.inflight.values()) loaded += n;
    job.meter.sample(now, loaded);
    const speed = job.meter.speed(now);
    job.item = {
      ...job.item,
      loaded: Math.min(job.item.size, loaded),
      speed,
      eta: timeLeft(job.item.size - loaded, speed),
      ...partsNow(job),
    };
  }

  /**
   * One request with the retry rules: a dropped connection or a busy server waits and tries again; expired
   * credentials are renewed once; anything else stops the file with the server's words.
   */
  private async attempt<T>(signal: AbortSignal, fn: (renewed: boolean) => Promise<T>): Promise<T> {
    let renewed = false;
    for (let i = 1; ; i++) {
      try {
        return await fn(renewed);
      } catch (e) {
        if (signal.aborted || isAbort(e)) throw e;
        const kind = e instanceof S3Error ? classifyFailure(e) : 'other';
        if (kind === 'expired' && !renewed) {
          renewed = true;
          await this.o.backend.renewCredentials();
          continue;
        }
        if (isTransient(kind) && i < this.o.attempts) {
          await this.o.sleep(this.o.backoffMs * 2 ** (i - 1), signal);
          continue;
        }
        throw e;
      }
    }
  }

  private async credentialsOrNull(): Promise<S3Credentials | null> {
    return this.o.backend.credentials();
  }

  private async single(job: Job, signal: AbortSignal): Promise<void> {
    const file = job.file;
    if (!file) throw new UploadStop({ kind: 'other', message: 'Select the file again to continue' });
    const { bucket, key } = job.item;
    await this.slots.acquire(signal);
    try {
      await this.attempt(signal, async () => {
        const c = await this.credentialsOrNull();
        job.inflight.set(0, 0);
        const onProgress = (n: number) => {
          job.inflight.set(0, n);
          this.progress(job);
        };
        if (job.item.method === 'post') {
          if (!c) throw new UploadStop({ kind: 'needs-credentials', message: 'A name with "." or ".." folders can only be stored with S3 credentials, which this cluster did not give.' });
          const { url, fields } = await signPostPolicy(c, { bucket, key, contentType: job.contentType });
          const form = new FormData();
          for (const [k, v] of Object.entries(fields)) form.append(k, v);
          form.append('file', file);
          await this.o.send({ method: 'POST', url, body: form, signal, onProgress });
          return;
        }
        if (file.size > MAX_SINGLE_PUT) {
          throw new UploadStop({ kind: 'too-large', message: 'Files over 5 GB need S3 credentials for a multipart upload, which this cluster did not give.' });
        }
        let put: PresignedPut;
        if (c) put = { url: await presignUrl(c, { method: 'PUT', bucket, key }), headers: { 'Content-Type': job.contentType } };
        else put = await this.o.backend.presignPut(bucket, key, job.contentType);
        await this.o.send({ method: 'PUT', url: put.url, headers: put.headers ?? {}, body: file, signal, onProgress });
      });
    } finally {
      this.slots.release();
    }
  }

  private async multipart(job: Job, signal: AbortSignal): Promise<void> {
    const file = job.file;
    if (!file) throw new UploadStop({ kind: 'other', message: 'Select the file again to continue' });
    const { bucket, key } = job.item;
    let c = await this.credentialsOrNull();
    if (!c) {
      // Without credentials the cluster's presigned PUT is the only way: one request, no resume.
      job.item = { ...job.item, method: 'put' };
      return this.single(job, signal);
    }
    if (!job.uploadId) {
      const partSize = choosePartSize(file.size, this.o.partSize);
      const uploadId = await this.attempt(signal, async () => createMultipart((await this.credentialsOrNull()) ?? c!, bucket, key, job.contentType));
      job.uploadId = uploadId;
      job.partSize = partSize;
      job.done.clear();
      job.recordId = job.recordId ?? newId();
      await this.o.store.save(this.recordOf(job, file));
    } else if (job.resumeFromServer) {
      // After a reload: the server, not memory, knows which parts arrived.
      const stored = await this.attempt(signal, async () => listParts((await this.credentialsOrNull()) ?? c!, bucket, key, job.uploadId!));
      const ranges = partRanges(file.size, job.partSize!);
      const expected = new Map(ranges.map((r) => [r.partNumber, r.end - r.start]));
      job.done.clear();
      for (const p of stored) {
        if (expected.get(p.partNumber) === p.size && p.etag) job.done.set(p.partNumber, { etag: p.etag, size: p.size });
      }
      job.resumeFromServer = false;
      job.reused = job.done.size;
    }
    const uploadId = job.uploadId;
    const ranges = partRanges(file.size, job.partSize!);
    job.item = { ...job.item, parts: { done: job.done.size, total: ranges.length, reused: job.reused ?? 0 } };
    this.progress(job);
    const pending = ranges.filter((r) => !job.done.has(r.partNumber));
    const inner = new AbortController();
    const stop = () => inner.abort();
    signal.addEventListener('abort', stop, { once: true });
    let firstError: unknown = null;
    const worker = async () => {
      for (let r = pending.shift(); r && !inner.signal.aborted; r = pending.shift()) {
        try {
          await this.sendPart(job, file, uploadId, r, inner.signal);
        } catch (e) {
          if (!firstError && !isAbort(e)) firstError = e;
          inner.abort();
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.limits.parts, pending.length) }, worker));
    } finally {
      signal.removeEventListener('abort', stop);
    }
    if (signal.aborted) throw abortError();
    if (firstError) throw firstError;
    c = (await this.credentialsOrNull()) ?? c;
    const parts = [...job.done.entries()].map(([partNumber, p]) => ({ partNumber, etag: p.etag }));
    await this.attempt(signal, async () => completeMultipart((await this.credentialsOrNull()) ?? c!, bucket, key, uploadId, parts));
  }

  private async sendPart(job: Job, file: File, uploadId: string, r: PartRange, signal: AbortSignal): Promise<void> {
    const { bucket, key } = job.item;
    await this.slots.acquire(signal);
    try {
      const etag = await this.attempt(signal, async () => {
        const c = await this.credentialsOrNull();
        if (!c) throw new UploadStop({ kind: 'expired', message: 'The storage credentials are no longer available' });
        const url = await presignUrl(c, { method: 'PUT', bucket, key, query: { partNumber: String(r.partNumber), uploadId } });
        job.inflight.set(r.partNumber, 0);
        try {
          const res = await this.o.send({
            method: 'PUT',
            url,
            body: file.slice(r.start, r.end),
            signal,
            onProgress: (n) => {
              job.inflight.set(r.partNumber, n);
              this.progress(job);
            },
          });
          return res.etag;
        } finally {
          job.inflight.delete(r.partNumber);
        }
      });
      if (!etag) {
        throw new UploadStop({
          kind: 'cors',
          message: 'The storage server does not let the browser read the ETag header (its CORS rules must expose ETag), so the parts cannot be joined.',
        });
      }
      job.done.set(r.partNumber, { etag, size: r.end - r.start });
      this.progress(job);
    } finally {
      this.slots.release();
    }
  }

  private recordOf(job: Job, file: File): UploadRecord {
    return {
      id: job.recordId!,
      scope: this.o.scope(),
      bucket: job.item.bucket,
      key: job.item.key,
      uploadId: job.uploadId!,
      partSize: job.partSize!,
      contentType: job.contentType,
      fileName: file.name,
      fileSize: file.size,
      lastModified: file.lastModified,
      relativePath: job.item.name,
      createdAt: job.createdAt,
    };
  }

  private jobFromRecord(r: UploadRecord): Job {
    return {
      item: {
        id: newId(),
        bucket: r.bucket,
        key: r.key,
        name: r.relativePath || r.fileName,
        size: r.fileSize,
        state: 'interrupted',
        loaded: 0,
        speed: 0,
        eta: null,
        method: 'multipart',
      },
      file: null,
      contentType: r.contentType,
      controller: null,
      uploadId: r.uploadId,
      partSize: r.partSize,
      done: new Map(),
      inflight: new Map(),
      meter: createSpeedMeter(),
      recordId: r.id,
      createdAt: r.createdAt,
      lastModified: r.lastModified,
      fileName: r.fileName,
      resumeFromServer: true,
    };
  }

  private async discardOnServer(job: Job): Promise<void> {
    const { uploadId } = job;
    const recordId = job.recordId;
    this.resetMultipart(job);
    if (recordId) await this.o.store.remove(recordId);
    if (!uploadId) return;
    const controller = new AbortController();
    try {
      await this.attempt(controller.signal, async () => {
        const c = await this.credentialsOrNull();
        if (c) await abortMultipart(c, job.item.bucket, job.item.key, uploadId);
      });
      // A part that was already on the wire can land after the abort; S3 advises aborting again.
      await this.o.sleep(300, controller.signal);
      const c = await this.credentialsOrNull();
      if (c) await abortMultipart(c, job.item.bucket, job.item.key, uploadId);
    } catch {
      // The server's lifecycle rules clean up what could not be aborted now.
    }
  }
}
