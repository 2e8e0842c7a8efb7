// Handing a followed log's bytes to the parser (lib/log-parse) off the main thread. Each poll's body is
// transferred to a Web Worker (no copy), parsed there, and comes back as ready lines; the page only
// appends them and renders the rows in view. Where there is no Worker (tests, or one that failed to
// load) the same parser runs in the calling thread.
import { LogParser, splitChunk, type LogChunk } from './log-parse';

/** Lines per message from the worker: each message is one task on the main thread, kept short. */
export const LINES_PER_MESSAGE = 20_000;

/** Page → worker. `hello` (re)starts the parser; `reload` when lines from an earlier parser are shown. */
export type FeedRequest = { type: 'hello'; reload: boolean } | { type: 'feed'; seq: number; bytes: ArrayBuffer };
/** Worker → page, in order. */
export type FeedResponse = { type: 'ready' } | { type: 'chunk'; seq: number; chunk: LogChunk };

/** What both ends of the protocol need: a Worker, a worker's global scope, or a MessagePort. */
export interface FeedPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** The worker's side: a parser answering each body with its chunks. */
export function serveLogParser(port: FeedPort): void {
  let parser = new LogParser();
  port.onmessage = (event: MessageEvent) => {
    const m = event.data as FeedRequest;
    if (m.type === 'hello') {
      parser = new LogParser({ reload: m.reload });
      port.postMessage({ type: 'ready' } satisfies FeedResponse, []);
      return;
    }
    let chunks: LogChunk[];
    try {
      chunks = splitChunk(parser.feed(new Uint8Array(m.bytes)), LINES_PER_MESSAGE);
    } catch {
      // Should never happen; if it does, start over with the next body rather than show a wrong log.
      parser = new LogParser({ reload: true });
      return;
    }
    for (const chunk of chunks) port.postMessage({ type: 'chunk', seq: m.seq, chunk } satisfies FeedResponse, []);
  };
}

export interface WorkerLike extends FeedPort {
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/**
 * The page's side: `push` each poll's body (an ArrayBuffer, handed over: do not use it afterwards) and
 * get its chunks, in order, through `onChunk`. The worker starts with the first body and is stopped by
 * `close`. Until the worker says it is ready, bodies wait (not transferred), so a worker that cannot
 * load loses nothing: they are parsed in this thread instead, as every later one is.
 */
export class LogFeed {
  private worker: WorkerLike | null = null;
  private ready = false;
  private waiting: ArrayBuffer[] = [];
  private inline: LogParser | null = null;
  private last: ArrayBuffer | null = null;
  /** Bodies handed to a worker so far: once there are any, a new parser must start the lines over. */
  private seq = 0;
  private closing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onChunk: (chunk: LogChunk) => void,
    private readonly createWorker: (() => WorkerLike | null) | null,
  ) {}

  /** Whether bodies go to a worker (for tests and the bench). */
  get usesWorker(): boolean {
    return this.worker !== null;
  }

  push(body: ArrayBuffer): void {
    // The same answer twice (an effect run again) would be detached the second time: ignore it.
    if (body === this.last) return;
    this.last = body;
    if (this.inline) return this.parseHere(body);
    if (!this.worker) this.start();
    if (!this.worker) return this.parseHere(body);
    if (!this.ready) {
      this.waiting.push(body);
      return;
    }
    this.post(body);
  }

  /** Keeps the worker (undoes a `closeSoon` that has not happened yet: React runs effects twice in development). */
  open(): void {
    clearTimeout(this.closing);
    this.closing = undefined;
  }

  closeSoon(): void {
    clearTimeout(this.closing);
    this.closing = setTimeout(() => this.close(), 0);
  }

  /** Stops the worker. A later `push` starts another, which starts the lines over. */
  close(): void {
    clearTimeout(this.closing);
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
    this.waiting = [];
  }

  private start(): void {
    let w: WorkerLike | null = null;
    try {
      w = this.createWorker?.() ?? null;
    } catch {
      w = null;
    }
    if (!w) return;
    this.worker = w;
    w.onmessage = (e: MessageEvent) => {
      if (this.worker !== w) return;
      const m = e.data as FeedResponse;
      if (m.type === 'ready') {
        this.ready = true;
        const waiting = this.waiting;
        this.waiting = [];
        for (const b of waiting) this.post(b);
      } else this.onChunk(m.chunk);
    };
    w.onerror = () => {
      if (this.worker !== w) return;
      // Could not load, or died: parse here from now on. Bodies already handed over are lost, so when
      // there were any, this parser starts the lines over with the next body (the whole log again).
      w.terminate();
      this.worker = null;
      this.ready = false;
      this.inline = new LogParser({ reload: this.seq > 0 });
      const waiting = this.waiting;
      this.waiting = [];
      for (const b of waiting) this.parseHere(b);
    };
    w.postMessage({ type: 'hello', reload: this.seq > 0 } satisfies FeedRequest, []);
  }

  private post(body: ArrayBuffer): void {
    this.worker?.postMessage({ type: 'feed', seq: ++this.seq, bytes: body } satisfies FeedRequest, [body]);
  }

  private parseHere(body: ArrayBuffer): void {
    this.inline ??= new LogParser();
    for (const chunk of splitChunk(this.inline.feed(new Uint8Array(body)), LINES_PER_MESSAGE)) this.onChunk(chunk);
  }
}
