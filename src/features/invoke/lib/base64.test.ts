import { Blob as NodeBlob } from 'node:buffer';
import {
  base64ToBytes,
  bytesToBase64,
  decodeBase64Blob,
  looksLikeBase64,
  normalizeBase64,
  textToBase64,
} from './base64';

const nodeB64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
// jsdom's Blob cannot be read and its typed arrays come from another realm: compare plain arrays.
const arr = (b: Uint8Array | null) => (b ? Array.from(b) : null);
beforeEach(() => vi.stubGlobal('Blob', NodeBlob));

describe('base64', () => {
  it('encodes bytes exactly as Node does, across chunk boundaries', () => {
    for (const n of [0, 1, 2, 3, 4, 49151, 49152, 49153, 200_000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 0xff);
      expect(bytesToBase64(bytes)).toBe(nodeB64(bytes));
    }
  });

  it('encodes text as UTF-8', () => {
    expect(textToBase64('olá 🐄')).toBe(Buffer.from('olá 🐄', 'utf8').toString('base64'));
  });

  it('decodes wrapped, padded, unpadded and URL-safe base64', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 17) & 0xff);
    const wrapped = nodeB64(bytes).replace(/(.{76})/g, '$1\n') + '\n';
    expect(arr(base64ToBytes(wrapped))).toEqual(arr(bytes));
    expect(arr(base64ToBytes('aGk'))).toEqual([104, 105]);
    expect(arr(base64ToBytes(Buffer.from([0xfb, 0xff, 0xfe]).toString('base64url')))).toEqual([
      0xfb, 0xff, 0xfe,
    ]);
    expect(normalizeBase64('-_8')).toBe('+/8=');
  });

  it('rejects what is not base64', () => {
    expect(base64ToBytes('not base64!')).toBeNull();
    expect(base64ToBytes('abcde')).toBeNull();
    expect(looksLikeBase64('Hello, world. This is text.')).toBe(false);
    expect(looksLikeBase64('short')).toBe(false);
    expect(looksLikeBase64(nodeB64(new Uint8Array(64).fill(9)))).toBe(true);
  });

  it('decodes a large base64 Blob piece by piece, with line breaks anywhere', async () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) & 0xff);
    const text = nodeB64(bytes).replace(/(.{61})/g, '$1\r\n');
    const progress: number[] = [];
    const blob = await decodeBase64Blob(new Blob([text]) as unknown as globalThis.Blob, {
      pieceSize: 10_000,
      onProgress: (d) => progress.push(d),
    });
    expect(arr(new Uint8Array(await blob.arrayBuffer()))).toEqual(arr(bytes));
    expect(progress.length).toBeGreaterThan(5);
    await expect(decodeBase64Blob(new Blob(['abc$']), {})).rejects.toThrow(/not valid base64/);
  });

  it('stops decoding when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(decodeBase64Blob(new Blob(['aGVsbG8=']), { signal: ac.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
