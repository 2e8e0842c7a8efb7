import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { LogBuffer } from './log-append';
import { LINES_PER_MESSAGE, LogFeed, serveLogParser, type FeedPort, type WorkerLike } from './log-feed';
import type { LogChunk } from './log-parse';

const enc = (s: string) => new TextEncoder().encode(s).buffer;
const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}`).join('\n') + '\n';

/**
 * A worker made of a real MessageChannel: the parser is served on one port, the feed talks to the other,
 * so messages are structured-cloned and bodies transferred as between a page and its worker.
 */
class ChannelWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: unknown[] = [];
  private readonly port: MessagePort;
  constructor({ serve = true } = {}) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    port1.on('message', (data: unknown) => this.onmessage?.({ data } as MessageEvent));
    if (serve) {
      const side: FeedPort = {
        onmessage: null,
        postMessage: (m, transfer) => port2.postMessage(m, transfer as never),
      };
      port2.on('message', (data: unknown) => {
        this.received.push(data);
        side.onmessage?.({ data } as MessageEvent);
      });
      serveLogParser(side);
    }
    channels.push(port1, port2);
  }
  postMessage(message: unknown, transfer: Transferable[]): void {
    this.port.postMessage(message, transfer as never);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
  fail(): void {
    this.onerror?.(new ErrorEvent('error'));
  }
}

const channels: MessagePort[] = [];
afterEach(() => {
  for (const p of channels.splice(0)) p.close();
});

const settle = () => new Promise((r) => setTimeout(r, 30));

function feedInto(buffer: LogBuffer, createWorker: (() => WorkerLike | null) | null) {
  const chunks: LogChunk[] = [];
  const feed = new LogFeed((c) => {
    chunks.push(c);
    buffer.apply(c);
  }, createWorker);
  return { feed, chunks };
}

describe('LogFeed without a worker', () => {
  it('parses each body in this thread, at once', () => {
    const b = new LogBuffer();
    const { feed } = feedInto(b, null);
    feed.push(enc('a\nb\npart'));
    expect(b.lines).toEqual(['a', 'b']);
    expect(b.partial).toBe('part');
    feed.push(enc('a\nb\npartial\nc\n'));
    expect(b.lines).toEqual(['a', 'b', 'partial', 'c']);
    expect(feed.usesWorker).toBe(false);
  });

  it('ignores the same body pushed twice (an effect that ran again)', () => {
    const b = new LogBuffer();
    const { feed, chunks } = feedInto(b, () => null);
    const body = enc('one\n');
    feed.push(body);
    feed.push(body);
    expect(chunks).toHaveLength(1);
    expect(b.lines).toEqual(['one']);
  });

  it('hands a huge answer over in pieces', () => {
    const b = new LogBuffer();
    const { feed, chunks } = feedInto(b, null);
    feed.push(enc(lines(LINES_PER_MESSAGE * 2 + 5)));
    expect(chunks.map((c) => c.lines.length)).toEqual([LINES_PER_MESSAGE, LINES_PER_MESSAGE, 5]);
    expect(b.count).toBe(LINES_PER_MESSAGE * 2 + 5);
  });
});

describe('LogFeed with a worker', () => {
  it('transfers each body to the worker and appends the lines it sends back, in order', async () => {
    const b = new LogBuffer();
    const worker = new ChannelWorker();
    const { feed } = feedInto(b, () => worker);
    const first = enc(lines(1000));
    feed.push(first);
    // Not transferred before the worker has said it is ready; nothing parsed here meanwhile.
    expect(first.byteLength).toBeGreaterThan(0);
    expect(b.count).toBe(0);
    await settle();
    expect(first.byteLength).toBe(0); // handed over, not copied
    expect(b.count).toBe(1000);
    feed.push(enc(lines(1500)));
    feed.push(enc(lines(3000)));
    await settle();
    expect(b.count).toBe(3000);
    expect(b.line(2999)).toBe('line 3000');
    expect(new Set(b.lines).size).toBe(3000);
    expect(feed.usesWorker).toBe(true);
    expect(worker.received.map((m) => (m as { type: string }).type)).toEqual(['hello', 'feed', 'feed', 'feed']);
  });

  it('parses here instead when the worker cannot load, losing nothing', async () => {
    const b = new LogBuffer();
    const worker = new ChannelWorker({ serve: false });
    const { feed } = feedInto(b, () => worker);
    feed.push(enc('a\n'));
    feed.push(enc('a\nb\n'));
    worker.fail();
    expect(worker.terminated).toBe(true);
    expect(b.lines).toEqual(['a', 'b']);
    feed.push(enc('a\nb\nc\n'));
    expect(b.lines).toEqual(['a', 'b', 'c']);
    expect(feed.usesWorker).toBe(false);
  });

  it('when the worker dies, starts the lines over from the next body without calling it a restart', async () => {
    const b = new LogBuffer();
    const worker = new ChannelWorker();
    const { feed } = feedInto(b, () => worker);
    feed.push(enc('a\nb\n'));
    await settle();
    expect(b.lines).toEqual(['a', 'b']);
    const generation = b.generation;
    worker.fail();
    feed.push(enc('a\nb\nc\n'));
    expect(b.lines).toEqual(['a', 'b', 'c']);
    expect(b.generation).toBe(generation + 1);
    expect(b.lastReset).toBeNull();
  });

  it('survives being closed and reopened at once (React runs effects twice in development)', async () => {
    const b = new LogBuffer();
    const workers: ChannelWorker[] = [];
    const { feed } = feedInto(b, () => {
      const w = new ChannelWorker();
      workers.push(w);
      return w;
    });
    feed.push(enc('x\n'));
    feed.closeSoon();
    feed.open();
    await settle();
    expect(b.lines).toEqual(['x']);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(false);

    // Closed for real, then used again: a new worker whose first answer replaces what is shown.
    feed.closeSoon();
    await settle();
    expect(workers[0]?.terminated).toBe(true);
    feed.push(enc('x\ny\n'));
    await settle();
    expect(workers).toHaveLength(2);
    expect(b.lines).toEqual(['x', 'y']);
  });

  it('reports a restarted log through the worker', async () => {
    const b = new LogBuffer();
    const { feed } = feedInto(b, () => new ChannelWorker());
    feed.push(enc('old 1\nold 2\n'));
    await settle();
    feed.push(enc('new\n'));
    await settle();
    expect(b.lines).toEqual(['new']);
    expect(b.lastReset).toMatchObject({ reason: 'shorter', previous: ['old 1', 'old 2'] });
  });
});
