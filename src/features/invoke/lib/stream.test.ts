import { Blob as NodeBlob } from 'node:buffer';
import { readAnswer } from './stream';

beforeEach(() => vi.stubGlobal('Blob', NodeBlob));

function streamOf(
  chunks: number,
  chunkSize: number,
  onPull?: (i: number) => void,
): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (i === chunks) return c.close();
      onPull?.(i);
      c.enqueue(new Uint8Array(chunkSize).fill(i % 256));
      i++;
    },
  });
}

describe('readAnswer', () => {
  it('keeps a small answer whole', async () => {
    const r = await readAnswer(streamOf(3, 10), { inMemoryLimit: 100 });
    expect(r).toMatchObject({ size: 30, complete: true });
    expect(Array.from(r.bytes.subarray(9, 12))).toEqual([0, 1, 1]);
    expect(r.blob.size).toBe(30);
  });

  it('keeps only a preview of a large answer but the whole of it in the Blob', async () => {
    const r = await readAnswer(streamOf(40, 1000), { inMemoryLimit: 5000, previewBytes: 1500 });
    expect(r).toMatchObject({ size: 40_000, complete: false });
    expect(r.bytes.length).toBe(1500);
    expect(r.bytes[1200]).toBe(1);
    expect(r.blob.size).toBe(40_000);
    const tail = new Uint8Array(await r.blob.slice(39_000).arrayBuffer());
    expect(tail.every((b) => b === 39)).toBe(true);
  });

  it('reports progress no more often than asked', async () => {
    let t = 0;
    const seen: number[] = [];
    await readAnswer(streamOf(100, 10), {
      now: () => (t += 10),
      progressEvery: 100,
      onProgress: (n) => seen.push(n),
    });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.length).toBeLessThan(20);
    expect(seen.at(-1)).toBe(1000);
  });

  it('stops when cancelled', async () => {
    const ac = new AbortController();
    const p = readAnswer(
      streamOf(1000, 10, (i) => i === 5 && ac.abort()),
      { signal: ac.signal },
    );
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reads a missing body as empty', async () => {
    expect(await readAnswer(null)).toMatchObject({ size: 0, complete: true });
  });
});
