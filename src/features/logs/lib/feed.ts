// Following a job log without its bytes touching the page's main thread. OSCAR answers each poll with the
// whole log so far (../shared/oscar-api/NOTES.md); receiving 13 MB costs a page's main thread some 25 ms
// of CPU per poll before any parsing, so the GET itself is made in a Web Worker, which also parses the
// body (./parse.ts) and sends back only the new lines. The page's API client still builds the request
// (URL, credentials) and turns the status into errors: the worker is only its transport
// (`transport` in api/client.ts), answering with a Response without the body. Where there is no Worker
// (tests, or one that failed to load) the same fetch and parser run in the calling thread.
import { LogParser, splitChunk, type LogChunk } from './parse';

/** Lines per message from the worker: each message is one task on the main thread, kept short. */
export const LINES_PER_MESSAGE = 20_000;

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Page → worker. `hello` (re)starts the parser; `reload` when lines from an earlier parser are shown. */
export type FeedRequest =
  | { type: 'hello'; reload: boolean }
  | { type: 'fetch'; seq: number; url: string; method: string; headers: [string, string][] }
  | { type: 'abort'; seq: number };

/** Worker → page, in order: a fetch's chunks, then its `done` (or `failed`). */
export type FeedResponse =
  | { type: 'ready' }
  | { type: 'chunk'; seq: number; chunk: LogChunk }
  | { type: 'done'; seq: number; status: number; statusText: string; headers: [string, string][]; body: string; bytes: number }
  | { type: 'failed'; seq: number; message: string; aborted: boolean };

/** What both ends of the protocol need: a Worker, a worker's global scope, or a MessagePort. */
export interface FeedPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

const defaultFetch: Fetch = (url, init) => fetch(url, init);

/**
 * The worker's side: fetches each request, one at a time and in order (each body is compared with the
 * one before it), and answers with the parsed chunks and the status. Error bodies are passed on as text
 * for the client to read; a successful body is kept here.
 */
export function serveLogParser(port: FeedPort, fetchImpl: Fetch = defaultFetch): void {
  let parser = new LogParser();
  const controllers = new Map<number, AbortController>();
  let queue = Promise.resolve();
  const post = (m: FeedResponse) => port.postMessage(m, []);

  async function load(m: Extract<FeedRequest, { type: 'fetch' }>, signal: AbortSignal): Promise<void> {
    let res: Response;
    let bytes: Uint8Array;
    try {
      res = await fetchImpl(m.url, { method: m.method, headers: m.headers, credentials: 'omit', signal });
      if (!res.ok) {
        const body = await res.text().catch(() => '');
        post({ type: 'done', seq: m.seq, status: res.status, statusText: res.statusText, headers: [...res.headers], body, bytes: 0 });
        return;
      }
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      post({ type: 'failed', seq: m.seq, message: e instanceof Error ? e.message : String(e), aborted: signal.aborted });
      return;
    }
    let chunks: LogChunk[] = [];
    try {
      chunks = splitChunk(parser.feed(bytes), LINES_PER_MESSAGE);
    } catch {
      // Should never happen; if it does, start over with the next body rather than show a wrong log.
      parser = new LogParser({ reload: true });
    }
    for (const chunk of chunks) post({ type: 'chunk', seq: m.seq, chunk });
    post({ type: 'done', seq: m.seq, status: res.status, statusText: res.statusText, headers: [...res.headers], body: '', bytes: bytes.length });
  }

  port.onmessage = (event: MessageEvent) => {
    const m = event.data as FeedRequest;
    if (m.type === 'hello') {
      parser = new LogParser({ reload: m.reload });
      post({ type: 'ready' });
    } else if (m.type === 'abort') controllers.get(m.seq)?.abort();
    else {
      const controller = new AbortController();
      controllers.set(m.seq, controller);
      queue = queue.then(() => load(m, controller.signal)).finally(() => controllers.delete(m.seq));
    }
  };
}

export interface WorkerLike extends FeedPort {
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

interface Pending {
  url: string;
  init: RequestInit;
  sent: boolean;
  resolve: (r: Response) => void;
  reject: (e: unknown) => void;
  cleanup: () => void;
}

const abortError = (signal: AbortSignal | null | undefined) => (signal?.reason instanceof Error ? signal.reason : new DOMException('The request was aborted', 'AbortError'));

/** What the client gets for a body the parser has taken: the status and headers, no body. */
function consumed(status: number, statusText: string, headers: Iterable<[string, string]>): Response {
  const h = new Headers();
  for (const [k, v] of headers) if (!/^(content-length|content-encoding|transfer-encoding)$/i.test(k)) h.append(k, v);
  h.set('Content-Length', '0');
  return new Response(null, { status, statusText, headers: h });
}

/**
 * The page's side: `fetch` is the transport for the log's GET. Lines come to `onChunk`, in order, before
 * the request's promise settles; `bytes` is the size of the log seen. The worker starts with the first
 * request and is stopped by `close`. Requests wait until the worker says it is ready, so one that cannot
 * load loses nothing: they are made in this thread instead, as every later one is.
 */
export class LogFeed {
  /** Bytes of the log as of the last successful answer. */
  bytes = 0;
  private worker: WorkerLike | null = null;
  private ready = false;
  private inline: LogParser | null = null;
  private inlineQueue: Promise<unknown> = Promise.resolve();
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  /** A worker has parsed bodies: a new parser must start the lines over. */
  private parsedElsewhere = false;
  private closing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onChunk: (chunk: LogChunk) => void,
    private readonly createWorker: (() => WorkerLike | null) | null,
    private readonly fetchImpl: Fetch = defaultFetch,
  ) {}

  /** Whether requests go to a worker (for tests and the bench). */
  get usesWorker(): boolean {
    return this.worker !== null;
  }

  readonly fetch = (url: string, init: RequestInit = {}): Promise<Response> => {
    if (!this.inline && !this.worker) this.start();
    if (!this.worker) return this.fetchHere(url, init);
    const seq = ++this.seq;
    const signal = init.signal;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const onAbort = () => {
        const p = this.pending.get(seq);
        this.pending.delete(seq);
        if (p?.sent) this.worker?.postMessage({ type: 'abort', seq } satisfies FeedRequest, []);
        reject(abortError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const p: Pending = { url, init, sent: false, resolve, reject, cleanup: () => signal?.removeEventListener('abort', onAbort) };
      this.pending.set(seq, p);
      if (this.ready) this.send(seq, p);
    });
  };

  /** Keeps the worker (undoes a `closeSoon` that has not happened yet: React runs effects twice in development). */
  open(): void {
    clearTimeout(this.closing);
    this.closing = undefined;
  }

  closeSoon(): void {
    clearTimeout(this.closing);
    this.closing = setTimeout(() => this.close(), 0);
  }

  /** Stops the worker; requests still waiting are aborted. A later request starts another worker, which starts the lines over. */
  close(): void {
    clearTimeout(this.closing);
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
    for (const p of this.pending.values()) {
      p.cleanup();
      p.reject(new DOMException('The log view was closed', 'AbortError'));
    }
    this.pending.clear();
  }

  private start(): void {
    let w: WorkerLike | null = null;
    try {
      w = this.createWorker?.() ?? null;
    } catch {
      w = null;
    }
    if (!w) {
      this.inline = new LogParser({ reload: this.parsedElsewhere });
      return;
    }
    this.worker = w;
    w.onmessage = (e: MessageEvent) => {
      if (this.worker === w) this.receive(e.data as FeedResponse);
    };
    w.onerror = () => {
      if (this.worker !== w) return;
      // Could not load, or died: fetch and parse here from now on, starting the lines over if the
      // worker had shown any. Requests in flight are made again (a GET can be).
      w.terminate();
      this.worker = null;
      this.ready = false;
      this.inline = new LogParser({ reload: this.parsedElsewhere });
      const waiting = [...this.pending.values()];
      this.pending.clear();
      for (const p of waiting) {
        p.cleanup();
        this.fetchHere(p.url, p.init).then(p.resolve, p.reject);
      }
    };
    w.postMessage({ type: 'hello', reload: this.parsedElsewhere } satisfies FeedRequest, []);
  }

  private receive(m: FeedResponse): void {
    if (m.type === 'ready') {
      this.ready = true;
      for (const [seq, p] of this.pending) if (!p.sent) this.send(seq, p);
      return;
    }
    // Chunks are applied even for a request the page stopped waiting for: the worker's parser has
    // moved on, and the lines must follow it.
    if (m.type === 'chunk') return this.onChunk(m.chunk);
    const p = this.pending.get(m.seq);
    this.pending.delete(m.seq);
    if (m.type === 'done' && m.status >= 200 && m.status < 300) this.bytes = m.bytes;
    if (!p) return;
    p.cleanup();
    if (m.type === 'failed') p.reject(m.aborted ? abortError(p.init.signal) : new TypeError(m.message));
    else p.resolve(m.status >= 200 && m.status < 300 ? consumed(m.status, m.statusText, m.headers) : new Response(m.body, { status: m.status, statusText: m.statusText, headers: m.headers }));
  }

  private send(seq: number, p: Pending): void {
    p.sent = true;
    this.parsedElsewhere = true;
    const headers = [...new Headers(p.init.headers)];
    this.worker?.postMessage({ type: 'fetch', seq, url: p.url, method: p.init.method ?? 'GET', headers } satisfies FeedRequest, []);
  }

  /** The same in this thread: fetch, parse, hand over the chunks, answer without the body. In order. */
  private fetchHere(url: string, init: RequestInit): Promise<Response> {
    const run = async (): Promise<Response> => {
      const res = await this.fetchImpl(url, init);
      if (!res.ok) return res;
      const bytes = new Uint8Array(await res.arrayBuffer());
      this.inline ??= new LogParser();
      for (const chunk of splitChunk(this.inline.feed(bytes), LINES_PER_MESSAGE)) this.onChunk(chunk);
      this.bytes = bytes.length;
      return consumed(res.status, res.statusText, res.headers);
    };
    const result = this.inlineQueue.then(run, run);
    this.inlineQueue = result.catch(() => undefined);
    return result;
  }
}
