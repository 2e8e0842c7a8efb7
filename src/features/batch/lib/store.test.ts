import 'fake-indexeddb/auto';
import { createStore, get, set, setMany } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { newBatch, type BatchInput, type BatchState } from './engine';
import { CHUNK, chunkedBatchStore, dirtyChunks } from './store';

vi.mock('idb-keyval', async (original) => {
  const real = await original<typeof import('idb-keyval')>();
  return { ...real, setMany: vi.fn(real.setMany) };
});

const inputs = (n: number): BatchInput[] => Array.from({ length: n }, (_, i) => ({ key: `in/${i}.jpg`, size: i, state: 'queued', attempts: 0 }));
const batch = (list: BatchInput[]): BatchState => ({ ...newBatch({ service: 'svc', bucket: 'data', prefix: 'in/', suffixes: ['.jpg'], cap: null, now: 1 }), inputs: list });

describe('the batch store', () => {
  it('finds the chunks whose inputs are other objects', () => {
    const a = inputs(CHUNK * 2 + 10);
    expect(dirtyChunks(a, undefined)).toEqual([0, 1, 2]);
    expect(dirtyChunks(a, a)).toEqual([]);
    const b = a.slice();
    b[CHUNK + 3] = { ...b[CHUNK + 3]!, state: 'sending' };
    expect(dirtyChunks(b, a)).toEqual([1]);
    expect(dirtyChunks([...a, ...inputs(1)], a)).toEqual([2]);
  });

  it('keeps 1,200 inputs in chunks, writes only the changed chunk and the header, and reads them back', async () => {
    const use = createStore(`batches-${Date.now()}`, 'batches');
    const store = chunkedBatchStore(() => use);
    const first = batch(inputs(1200));
    await store.save('c|svc', first);
    const writes = vi.mocked(setMany).mock.calls;
    expect(writes.at(-1)![0].map(([k]) => k)).toEqual(['c|svc#0', 'c|svc#1', 'c|svc#2', 'c|svc']);

    const changed = first.inputs.slice();
    changed[700] = { ...changed[700]!, state: 'submitted', attempts: 1, sentAt: 5 };
    await store.save('c|svc', { ...first, inputs: changed, status: 'paused' });
    expect(writes.at(-1)![0].map(([k]) => k)).toEqual(['c|svc#1', 'c|svc']);

    // A page that opens later (a new store, nothing in memory) reads the same batch.
    const back = await chunkedBatchStore(() => use).load('c|svc');
    expect(back?.status).toBe('paused');
    expect(back?.version).toBe(1);
    expect(back?.inputs).toHaveLength(1200);
    expect(back?.inputs[700]).toEqual({ key: 'in/700.jpg', size: 700, state: 'submitted', attempts: 1, sentAt: 5 });
    expect(await get('c|svc', use)).toMatchObject({ version: 2, chunks: 3 });

    await store.remove('c|svc');
    expect(await store.load('c|svc')).toBeNull();
    expect(await get('c|svc#2', use)).toBeUndefined();
  });

  it('reads a batch saved whole by the earlier version', async () => {
    const use = createStore(`batches-old-${Date.now()}`, 'batches');
    await set('c|svc', batch(inputs(3)), use);
    expect((await chunkedBatchStore(() => use).load('c|svc'))?.inputs.map((i) => i.key)).toEqual(['in/0.jpg', 'in/1.jpg', 'in/2.jpg']);
  });
});
