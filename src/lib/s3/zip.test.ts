import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { FETCH_AHEAD, zipEntries, type ZipSink } from './zip';

function memorySink() {
  const chunks: Uint8Array[] = [];
  const sink: ZipSink = { write: async (c) => void chunks.push(c), close: vi.fn(async () => {}), abort: vi.fn(async () => {}) };
  const bytes = () => {
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    return all;
  };
  return { sink, bytes };
}

const entries = Array.from({ length: 10 }, (_, i) => ({ bucket: 'out', key: `k${i}.txt`, name: `in/${i}/k${i}.txt` }));

describe('zipEntries', () => {
  it('asks for a few objects ahead, and zips them in order', async () => {
    let open = 0;
    let most = 0;
    const fetchObject = vi.fn(async (_b: string, key: string) => {
      open++;
      most = Math.max(most, open);
      await new Promise((r) => setTimeout(r, 5));
      open--;
      return new Response(`body of ${key}`);
    });
    const { sink, bytes } = memorySink();
    const progress: number[] = [];
    await zipEntries(entries, sink, fetchObject, (n) => progress.push(n));
    expect(most).toBe(FETCH_AHEAD);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const files = unzipSync(bytes());
    expect(Object.keys(files)).toEqual(entries.map((e) => e.name));
    expect(new TextDecoder().decode(files['in/3/k3.txt'])).toBe('body of k3.txt');
    expect(sink.close).toHaveBeenCalled();
  });

  it('fails on an object that cannot be read, aborting the sink', async () => {
    const fetchObject = vi.fn(async (_b: string, key: string) => {
      if (key === 'k2.txt') throw new Error('The storage answered 403 for k2.txt');
      return new Response('x');
    });
    const { sink } = memorySink();
    await expect(zipEntries(entries, sink, fetchObject)).rejects.toThrow('The storage answered 403 for k2.txt');
    expect(sink.abort).toHaveBeenCalled();
    expect(sink.close).not.toHaveBeenCalled();
  });
});
