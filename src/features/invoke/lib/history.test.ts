// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { buildExport, exportCall } from './export';
import {
  DEFAULT_KEEP_LIMIT,
  getKeepLimit,
  keepBytes,
  matchesFilter,
  newCallId,
  openHistory,
  PREVIEW_BYTES,
  setKeepLimit,
  type CallSummary,
} from './history';

const A = 'https://oscar-a.example.org';
const B = 'https://oscar-b.example.org';

function call(endpoint: string, service: string, at: number, extra: Partial<CallSummary> = {}): CallSummary {
  return {
    id: newCallId(at),
    endpoint,
    service,
    at,
    mode: 'sync',
    auth: 'service',
    input: {
      kind: 'text',
      base64: false,
      size: 5,
      contentType: 'text/plain; charset=utf-8',
      preview: 'hello',
    },
    outcome: 'ok',
    status: 200,
    durationMs: 42,
    answer: { size: 3, kind: 'text', label: 'Text', base64: false, stored: 'full' },
    ...extra,
  };
}

describe('history storage', () => {
  let store: ReturnType<typeof openHistory>;
  beforeEach(() => {
    store = openHistory(new IDBFactory(), 'test-history');
  });
  afterEach(() => store.close());

  it('keeps calls per cluster endpoint, newest first, and bodies apart from summaries', async () => {
    const t = Date.UTC(2025, 5, 1);
    const first = call(A, 'cowsay', t);
    const second = call(A, 'grayify', t + 1000, { mode: 'async', status: 201 });
    const other = call(B, 'cowsay', t + 500);
    await store.add(first, {
      input: 'hello',
      answer: Uint8Array.from([1, 2, 3]),
      headers: [['content-type', 'text/plain']],
    });
    await store.add(second, { input: 'x' });
    await store.add(other, { input: 'y' });

    const listed = await store.list(A);
    expect(listed.map((c) => c.service)).toEqual(['grayify', 'cowsay']);
    expect(listed[0]).not.toHaveProperty('answer.bytes');
    expect((await store.list(B)).map((c) => c.id)).toEqual([other.id]);

    const body = await store.body(A, first.id);
    expect(body?.input).toBe('hello');
    expect(Array.from(body?.answer ?? [])).toEqual([1, 2, 3]);
    expect(await store.get(A, second.id)).toMatchObject({ mode: 'async', status: 201 });
  });

  it('deletes some calls, or all of one cluster, with their bodies', async () => {
    const t = Date.UTC(2025, 5, 1);
    const calls = [0, 1, 2, 3].map((i) => call(A, 'cowsay', t + i));
    for (const c of calls) await store.add(c, { input: String(c.at) });
    await store.add(call(B, 'cowsay', t), {});
    await store.remove(A, [calls[1]!.id, calls[2]!.id]);
    expect((await store.list(A)).map((c) => c.at)).toEqual([t + 3, t]);
    expect(await store.body(A, calls[1]!.id)).toBeUndefined();
    await store.clear(A);
    expect(await store.list(A)).toEqual([]);
    expect(await store.list(B)).toHaveLength(1);
  });

  it('lists 5,000 summaries in order', async () => {
    const t = Date.UTC(2025, 0, 1);
    const many = Array.from({ length: 5000 }, (_, i) => call(A, `svc-${i % 7}`, t + i * 1000));
    for (const c of many) await store.add(c, {});
    const listed = await store.list(A);
    expect(listed).toHaveLength(5000);
    expect(listed[0]!.at).toBe(t + 4999 * 1000);
    expect(listed.every((c, i) => i === 0 || c.at < listed[i - 1]!.at)).toBe(true);
  });
});

describe('history helpers', () => {
  it('makes ids that sort by time even within one millisecond', () => {
    const ids = Array.from({ length: 50 }, () => newCallId(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
    expect(newCallId(1_700_000_000_001) > ids[49]!).toBe(true);
  });

  it('keeps small bodies whole and large ones as a preview', () => {
    const small = new Uint8Array(1000);
    expect(keepBytes(small, 1000, 4096)).toMatchObject({ stored: 'full' });
    const big = new Uint8Array(PREVIEW_BYTES * 2);
    const kept = keepBytes(big, big.length, PREVIEW_BYTES);
    expect(kept.stored).toBe('preview');
    expect(kept.bytes.length).toBe(PREVIEW_BYTES);
    // A body that was only read in part is never stored as if it were whole.
    expect(keepBytes(small, 50_000_000, 4096).stored).toBe('preview');
  });

  it('has a keep limit setting with a default', () => {
    expect(getKeepLimit()).toBe(DEFAULT_KEEP_LIMIT);
    setKeepLimit(10 * 1024 * 1024);
    expect(getKeepLimit()).toBe(10 * 1024 * 1024);
    setKeepLimit(1);
    expect(getKeepLimit()).toBe(PREVIEW_BYTES);
  });

  it('filters by service and outcome', () => {
    const c = call(A, 'cowsay', 1, { outcome: 'failed' });
    expect(matchesFilter(c, { service: 'cowsay', status: 'failed' })).toBe(true);
    expect(matchesFilter(c, { status: 'ok' })).toBe(false);
    expect(matchesFilter(c, { service: 'grayify' })).toBe(false);
    expect(matchesFilter(c, {})).toBe(true);
  });

  it('exports text as text and bytes as base64, marking previews', () => {
    const c = call(A, 'grayify', 1, {
      answer: { size: 9_000_000, kind: 'image', label: 'PNG image', base64: false, stored: 'preview' },
    });
    const e = exportCall(c, {
      input: 'moo',
      answer: Uint8Array.from([0x89, 0x50, 0xff]),
      headers: [['x', 'y']],
    });
    expect(e.inputBody).toEqual({ encoding: 'utf-8', data: 'moo', truncated: false });
    expect(e.answerBody).toEqual({ encoding: 'base64', data: 'iVD/', truncated: true });
    const doc = buildExport(A, [e], new Date(Date.UTC(2025, 0, 2)));
    expect(doc).toMatchObject({
      format: 'lagoon-invocations',
      version: 1,
      endpoint: A,
      exportedAt: '2025-01-02T00:00:00.000Z',
    });
    expect(JSON.stringify(doc)).not.toMatch(/Bearer/);
  });
});
