// @vitest-environment jsdom
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { LogBuffer } from './append';
import { LINES_PER_MESSAGE, LogFeed, serveLogParser, type FeedPort, type WorkerLike } from './feed';

const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}`).join('\n') + '\n';
const URL_ = 'https://oscar.test/system/logs/s/j?timestamps=true';

/** A cluster answering the log's GET with whatever `body` and `status` say now; it records each call. */
function cluster() {
  const state = { body: '', status: 200, hang: false, calls: [] as { url: string; auth: string | null }[], aborted: 0 };
  const fetchImpl = (url: string, init: RequestInit): Promise<Response> => {
    state.calls.push({ url, auth: new Headers(init.headers).get('Authorization') });
    if (state.hang) {
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => {
          state.aborted++;
          reject(new DOMException('aborted', 'AbortError'));
        }),
      );
    }
    if (state.status !== 200) return Promise.resolve(new Response('etcdserver: request timed out', { status: state.status, headers: { 'Content-Type': 'text/plain' } }));
    return Promise.resolve(new Response(state.body, { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
  };
  return { state, fetchImpl };
}

/**
 * A worker made of a real MessageChannel: the parser is served on one port with the cluster's fetch, the
 * feed talks to the other, so every message is structured-cloned as between a page and its worker.
 */
class ChannelWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: { type: string }[] = [];
  private readonly port: MessagePort;
  constructor(fetchImpl: ((url: string, init: RequestInit) => Promise<Response>) | null) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    port1.on('message', (data: unknown) => this.onmessage?.({ data } as MessageEvent));
    if (fetchImpl) {
      const side: FeedPort = { onmessage: null, postMessage: (m, transfer) => port2.postMessage(m, transfer as never) };
      port2.on('message', (data: { type: string }) => {
        this.received.push(data);
        side.onmessage?.({ data } as MessageEvent);
      });
      serveLogParser(side, fetchImpl);
    }
    channels.push(port1, port2);
  }
  postMessage(message: unknown, transfer: Transferable[]): void {
    if (!this.terminated) this.port.postMessage(message, transfer as never);
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(): void {
    this.onerror?.(new ErrorEvent('error'));
  }
}

const channels: MessagePort[] = [];
afterEach(() => {
  for (const p of channels.splice(0)) p.close();
});

function feedInto(buffer: LogBuffer, createWorker: (() => WorkerLike | null) | null, fetchImpl?: (url: string, init: RequestInit) => Promise<Response>) {
  return new LogFeed((c) => buffer.apply(c), createWorker, fetchImpl);
}

const get = (feed: LogFeed, init: RequestInit = {}) => feed.fetch(URL_, { method: 'GET', headers: { Authorization: 'Basic b3NjYXI6eA==' }, ...init });

describe('LogFeed without a worker', () => {
  it('fetches and parses here, the lines in the buffer before the answer, which has no body', async () => {
    const { state, fetchImpl } = cluster();
    const b = new LogBuffer();
    const feed = feedInto(b, null, fetchImpl);
    state.body = 'a\nb\npart';
    const r = await get(feed);
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Length')).toBe('0');
    expect(await r.text()).toBe('');
    expect(b.lines).toEqual(['a', 'b']);
    expect(b.partial).toBe('part');
    state.body = 'a\nb\npartial\nc\n';
    await get(feed);
    expect(b.lines).toEqual(['a', 'b', 'partial', 'c']);
    expect(feed.bytes).toBe(state.body.length);
    expect(feed.usesWorker).toBe(false);
  });

  it('passes an error answer on untouched and keeps the lines', async () => {
    const { state, fetchImpl } = cluster();
    const b = new LogBuffer();
    const feed = feedInto(b, () => null, fetchImpl);
    state.body = 'one\n';
    await get(feed);
    state.status = 500;
    const r = await get(feed);
    expect(r.status).toBe(500);
    expect(await r.text()).toBe('etcdserver: request timed out');
    expect(b.lines).toEqual(['one']);
  });

  it('hands a huge answer over in pieces', async () => {
    const { state, fetchImpl } = cluster();
    const b = new LogBuffer();
    const sizes: number[] = [];
    const feed = new LogFeed((c) => (sizes.push(c.lines.length), b.apply(c)), null, fetchImpl);
    state.body = lines(LINES_PER_MESSAGE * 2 + 5);
    await get(feed);
    expect(sizes).toEqual([LINES_PER_MESSAGE, LINES_PER_MESSAGE, 5]);
    expect(b.count).toBe(LINES_PER_MESSAGE * 2 + 5);
  });
});

describe('LogFeed with a worker', () => {
  it('makes the GET in the worker with the page’s headers and appends the new lines, in order', async () => {
    const { state, fetchImpl } = cluster();
    const b = new LogBuffer();
    const worker = new ChannelWorker(fetchImpl);
    const feed = feedInto(b, () => worker, () => Promise.reject(new Error('the page must not fetch')));
    state.body = lines(1000);
    const r = await get(feed);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('');
    expect(b.count).toBe(1000);
    expect(state.calls).toEqual([{ url: URL_, auth: 'Basic b3NjYXI6eA==' }]);
    // Overlapping polls: each body is parsed against the one before it, so each line comes once.
    state.body = lines(1500);
    const second = get(feed);
    state.body = lines(3000);
    const third = get(feed);
    await Promise.all([second, third]);
    expect(b.count).toBe(3000);
    expect(b.line(2999)).toBe('line 3000');
    expect(new Set(b.lines).size).toBe(3000);
    expect(feed.usesWorker).toBe(true);
    expect(feed.bytes).toBe(lines(3000).length);
    expect(worker.received.map((m) => m.type)).toEqual(['hello', 'fetch', 'fetch', 'fetch']);
  });

  it('answers an error with its status and text, and a network failure as fetch does', async () => {
    const { state, fetchImpl } = cluster();
    const b = new LogBuffer();
    let down = false;
    const feed = feedInto(b, () => new ChannelWorker((u, i) => (down ? Promise.reject(new TypeError('Failed to fetch')) : fetchImpl(u, i))));
    state.body = 'kept\n';
    await get(feed);
    state.status = 404;
    const r = await get(feed);
    expect([r.status, await r.text()]).toEqual([404, 'etcdserver: request timed out']);
    down = true;
    await expect(get(feed)).rejects.toThrow(TypeError);
    expect(b.lines).toEqual(['kept']);
  });

  it('aborts the worker’s request when the page stops waiting', async () => {
    const { state, fetchImpl } = cluster();
    const feed = feedInto(new LogBuffer(), () => new ChannelWorker(fetchImpl));
    state.body = 'a\n';
    await get(feed);
    state.hang = true;
    const controller = new AbortController();
    const pending = get(feed, { signal: controller.signal });
    // Abort once the worker has made the request (not after a guess at how long that takes).
    await expect.poll(() => state.calls.length).toBe(2);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => state.aborted).toBe(1);
  });

  it('makes the requests here when the worker cannot load, losing none', async () => {
    const { state, fetchImpl } = cluster();
    const b = new LogBuffer();
    const worker = new ChannelWorker(null);
    const feed = feedInto(b, () => worker, fetchImpl);
    state.body = 'a\nb\n';
    const first = get(feed);
    worker.fail();
    await first;
    expect(worker.terminated).toBe(true);
    expect(b.lines).toEqual(['a', 'b']);
    state.body = 'a\nb\nc\n';
    await get(feed);
    expect(b.lines).toEqual(['a', 'b', 'c']);
    expect(feed.usesWorker).toBe(false);
  });

  it('when the worker dies, starts the lines over from the next answer without calling it a restart', async () => {
    const { state, fetchImpl } = cluster();
    const b = new LogBuffer();
    const worker = new ChannelWorker(fetchImpl);
    const feed = feedInto(b, () => worker, fetchImpl);
    state.body = 'a\nb\n';
    await get(feed);
    const generation = b.generation;
    worker.fail();
    state.body = 'a\nb\nc\n';
    await get(feed);
    expect(b.lines).toEqual(['a', 'b', 'c']);
    expect(b.generation).toBe(generation + 1);
    expect(b.lastReset).toBeNull();
  });

  it('survives being closed and reopened at once (React runs effects twice in development)', async () => {
    const { state, fetchImpl } = cluster();
    const b = new LogBuffer();
    const workers: ChannelWorker[] = [];
    const feed = feedInto(b, () => {
      const w = new ChannelWorker(fetchImpl);
      workers.push(w);
      return w;
    });
    state.body = 'x\n';
    const first = get(feed);
    feed.closeSoon();
    feed.open();
    await first;
    expect(b.lines).toEqual(['x']);
    expect(workers).toHaveLength(1);

    // Closed for real, then used again: a new worker whose first answer replaces what is shown.
    feed.closeSoon();
    await expect.poll(() => workers[0]?.terminated).toBe(true);
    state.body = 'x\ny\n';
    await get(feed);
    expect(workers).toHaveLength(2);
    expect(b.lines).toEqual(['x', 'y']);
    expect(b.lastReset).toBeNull();
  });

  it('reports a restarted log', async () => {
    const { state, fetchImpl } = cluster();
    const b = new LogBuffer();
    const feed = feedInto(b, () => new ChannelWorker(fetchImpl));
    state.body = 'old 1\nold 2\n';
    await get(feed);
    state.body = 'new\n';
    await get(feed);
    expect(b.lines).toEqual(['new']);
    expect(b.lastReset).toMatchObject({ reason: 'shorter', previous: ['old 1', 'old 2'] });
  });
});
