// The invocation history: every call made from Lagoon, kept in IndexedDB in this browser, per cluster
// endpoint and service. Summaries (small: when, mode, status, sizes) and bodies (the input and the
// answer) live in two object stores, so listing 5,000 calls reads only the summaries. Keys are
// [endpoint, id] with ids that sort by time, so one key range gives a cluster's calls in order.
import type { BodyKind } from './detect';

export type CallMode = 'sync' | 'async';
export type CallAuth = 'service' | 'pasted' | 'oidc';
export type CallOutcome = 'ok' | 'failed' | 'cancelled';
export type InputKind = 'text' | 'json' | 'file';

export interface CallInputSummary {
  kind: InputKind;
  base64: boolean;
  /** Bytes of the input before any base64 encoding. */
  size: number;
  contentType: string;
  /** For files. */
  name?: string;
  type?: string;
  sha256?: string;
  /** The start of a text input, for lists. */
  preview?: string;
}

export interface CallAnswerSummary {
  size: number;
  kind: BodyKind;
  label: string;
  base64: boolean;
  contentType?: string;
  /** Whether the stored answer is the whole body, its start, or nothing. */
  stored: 'full' | 'preview' | 'none';
}

export interface CallSummary {
  id: string;
  endpoint: string;
  service: string;
  at: number;
  mode: CallMode;
  auth: CallAuth;
  input: CallInputSummary;
  outcome: CallOutcome;
  /** HTTP status; absent when nothing was sent or no answer came. */
  status?: number;
  durationMs?: number;
  answer?: CallAnswerSummary;
  /** Why the call failed or what went wrong, in words. */
  error?: string;
  /** The likely reason behind the error, and what to try. */
  hint?: string;
  /** The async job this call started, when it could be found. */
  job?: string;
  /** The call this one replays. */
  replayOf?: string;
}

export interface CallBody {
  /** Text or JSON input as typed; a file's bytes when small enough to keep. */
  input?: string | Uint8Array;
  /** The input was too large to keep whole: `input` is its start, or absent for a file. */
  inputTruncated?: boolean;
  /** The answer's bytes: all of them, or the start (see the summary's `answer.stored`). */
  answer?: Uint8Array;
  headers?: [string, string][];
}

export interface HistoryFilter {
  service?: string;
  status?: CallOutcome;
}

/** Answers and inputs above this many bytes are kept as a preview (the user can change it). */
export const DEFAULT_KEEP_LIMIT = 4 * 1024 * 1024;
export const PREVIEW_BYTES = 64 * 1024;
const LIMIT_KEY = 'lagoon.invoke.keepLimit';

export function getKeepLimit(): number {
  try {
    const v = Number(localStorage.getItem(LIMIT_KEY));
    return Number.isFinite(v) && v > 0 ? v : DEFAULT_KEEP_LIMIT;
  } catch {
    return DEFAULT_KEEP_LIMIT;
  }
}

export function setKeepLimit(bytes: number): void {
  try {
    localStorage.setItem(LIMIT_KEY, String(Math.max(PREVIEW_BYTES, Math.round(bytes))));
  } catch {
    // Storage disabled: the default stays in force.
  }
}

/** What to keep of a body: all of it under the limit, else its first PREVIEW_BYTES. */
export function keepBytes(
  bytes: Uint8Array,
  totalSize: number,
  limit = getKeepLimit(),
): { bytes: Uint8Array; stored: 'full' | 'preview' } {
  if (totalSize <= limit && bytes.length === totalSize) return { bytes, stored: 'full' };
  return { bytes: bytes.slice(0, Math.min(PREVIEW_BYTES, bytes.length)), stored: 'preview' };
}

let lastId = '';
/** Ids sort by time (base-36 milliseconds), with a counter for calls in the same millisecond. */
export function newCallId(at = Date.now()): string {
  const stamp = Math.floor(at).toString(36).padStart(9, '0');
  let id = `${stamp}-${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}`;
  if (id <= lastId) id = `${lastId.slice(0, 9)}-${lastId.slice(10)}z`;
  lastId = id;
  return id;
}

export function matchesFilter(c: CallSummary, f: HistoryFilter): boolean {
  return (!f.service || c.service === f.service) && (!f.status || c.outcome === f.status);
}

const DB_NAME = 'lagoon-invocations';
const CALLS = 'calls';
const BODIES = 'bodies';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

const range = (endpoint: string) => IDBKeyRange.bound([endpoint], [endpoint, []]);

export interface HistoryStore {
  add(summary: CallSummary, body: CallBody): Promise<void>;
  /** A cluster's calls, newest first, without bodies. */
  list(endpoint: string): Promise<CallSummary[]>;
  get(endpoint: string, id: string): Promise<CallSummary | undefined>;
  body(endpoint: string, id: string): Promise<CallBody | undefined>;
  remove(endpoint: string, ids: readonly string[]): Promise<void>;
  clear(endpoint: string): Promise<void>;
  close(): void;
}

export function openHistory(factory: IDBFactory = indexedDB, name = DB_NAME): HistoryStore {
  let dbPromise: Promise<IDBDatabase> | null = null;
  const db = () => {
    if (!dbPromise) {
      const open = factory.open(name, 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore(CALLS);
        open.result.createObjectStore(BODIES);
      };
      dbPromise = request(open).catch((e: unknown) => {
        dbPromise = null;
        throw e;
      });
    }
    return dbPromise;
  };
  return {
    async add(summary, body) {
      const tx = (await db()).transaction([CALLS, BODIES], 'readwrite');
      tx.objectStore(CALLS).put(summary, [summary.endpoint, summary.id]);
      tx.objectStore(BODIES).put(body, [summary.endpoint, summary.id]);
      await done(tx);
    },
    async list(endpoint) {
      const tx = (await db()).transaction(CALLS, 'readonly');
      const all = await request(tx.objectStore(CALLS).getAll(range(endpoint)) as IDBRequest<CallSummary[]>);
      return all.reverse();
    },
    async get(endpoint, id) {
      const tx = (await db()).transaction(CALLS, 'readonly');
      return request(tx.objectStore(CALLS).get([endpoint, id]) as IDBRequest<CallSummary | undefined>);
    },
    async body(endpoint, id) {
      const tx = (await db()).transaction(BODIES, 'readonly');
      return request(tx.objectStore(BODIES).get([endpoint, id]) as IDBRequest<CallBody | undefined>);
    },
    async remove(endpoint, ids) {
      const tx = (await db()).transaction([CALLS, BODIES], 'readwrite');
      for (const id of ids) {
        tx.objectStore(CALLS).delete([endpoint, id]);
        tx.objectStore(BODIES).delete([endpoint, id]);
      }
      await done(tx);
    },
    async clear(endpoint) {
      const tx = (await db()).transaction([CALLS, BODIES], 'readwrite');
      tx.objectStore(CALLS).delete(range(endpoint));
      tx.objectStore(BODIES).delete(range(endpoint));
      await done(tx);
    },
    close() {
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
    },
  };
}
