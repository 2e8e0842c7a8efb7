import { describe, expect, it } from 'vitest';
import { diffBytes, incompleteTail, snapshotBytes, Utf8Stream } from './bytes';
import { decodeLog } from './text';

const enc = (s: string) => new TextEncoder().encode(s);
const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}`).join('\n') + '\n';

describe('diffBytes', () => {
  it('finds the new bytes of a log that grew', () => {
    const a = enc('one\ntwo\n');
    expect(diffBytes(snapshotBytes(a), enc('one\ntwo\nthree\n'))).toEqual({ kind: 'append', from: 8 });
    expect(diffBytes(snapshotBytes(a), a)).toEqual({ kind: 'same' });
    expect(diffBytes(null, a)).toEqual({ kind: 'append', from: 0 });
    expect(diffBytes(null, new Uint8Array(0))).toEqual({ kind: 'same' });
    expect(diffBytes(snapshotBytes(new Uint8Array(0)), a)).toEqual({ kind: 'append', from: 0 });
  });

  it('sees a shorter log as a restart', () => {
    expect(diffBytes(snapshotBytes(enc('one\ntwo\n')), enc('one\n'))).toEqual({ kind: 'reset', reason: 'shorter' });
  });

  it('sees a log whose start or end changed as a restart, even when it is longer', () => {
    const before = lines(2000);
    expect(diffBytes(snapshotBytes(enc(before)), enc(before.replace('line 1\n', 'LINE 1\n') + 'more\n'))).toEqual({ kind: 'reset', reason: 'changed' });
    expect(diffBytes(snapshotBytes(enc(before)), enc(before.slice(0, -3) + 'X\nmore\n'))).toEqual({ kind: 'reset', reason: 'changed' });
  });

  it('keeps a small copy whatever the log size, unaffected by the body changing afterwards', () => {
    const body = new Uint8Array(5_000_000).fill(120);
    const s = snapshotBytes(body);
    expect(s.head.length + s.tail.length).toBeLessThanOrEqual(1024);
    expect(s.length).toBe(5_000_000);
    body.fill(0);
    expect(s.head[0]).toBe(120);
  });
});

describe('incompleteTail', () => {
  it('holds back the start of a character the next bytes may complete', () => {
    expect(incompleteTail(enc('abc'))).toBe(0);
    expect(incompleteTail(enc('é').subarray(0, 1))).toBe(1);
    expect(incompleteTail(enc('€').subarray(0, 2))).toBe(2);
    expect(incompleteTail(enc('😀').subarray(0, 3))).toBe(3);
    expect(incompleteTail(enc('😀'))).toBe(0);
  });

  it('does not hold back bytes that can never become a character', () => {
    expect(incompleteTail(new Uint8Array([0x80]))).toBe(0); // a lone continuation byte
    expect(incompleteTail(new Uint8Array([0xc0]))).toBe(0); // never a lead byte
    expect(incompleteTail(new Uint8Array([0xf5]))).toBe(0);
    expect(incompleteTail(new Uint8Array([0xe0, 0x80]))).toBe(0); // overlong
    expect(incompleteTail(new Uint8Array([0xed, 0xa0]))).toBe(0); // a surrogate
    expect(incompleteTail(new Uint8Array([0xf4, 0x90]))).toBe(0); // past U+10FFFF
  });
});

/** Random bytes rich in UTF-8 edge cases: multi-byte characters, their pieces, invalid bytes, newlines, BOMs. */
function randomBytes(seed: number, n: number): Uint8Array {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 8) / 0x1000000;
  const atoms = [enc('a'), enc('\n'), enc('é'), enc('€'), enc('😀'), enc('\ufeff'), [0xff], [0x80], [0xc3], [0xe2, 0x82], [0xf0, 0x9f], [0xed, 0xa0, 0x80], [0xe0, 0x80]];
  const out: number[] = [];
  while (out.length < n) out.push(...(atoms[Math.floor(rnd() * atoms.length)] ?? []));
  return new Uint8Array(out);
}

describe('Utf8Stream', () => {
  it('gives the same text as decoding everything at once, however the bytes are cut', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const all = randomBytes(seed, 40 + (seed % 60));
      let x = seed * 7919;
      const cuts: number[] = [];
      for (let at = 0; at < all.length; ) {
        x = (x * 48271) % 2147483647;
        at = Math.min(all.length, at + 1 + (x % 9));
        cuts.push(at);
      }
      const s = new Utf8Stream();
      let text = '';
      let from = 0;
      let pending = false;
      for (const to of cuts) {
        const r = s.decode(all.subarray(from, to));
        text += r.text;
        pending = r.pending;
        from = to;
        // At every poll, what is shown (held bytes as one U+FFFD) is what decoding the log so far gives.
        expect(text + (pending ? '\ufffd' : '')).toBe(decodeLog(all.subarray(0, to)));
      }
    }
  });

  it('joins a character split between two polls', () => {
    const bytes = enc('naïve €5\n');
    const s = new Utf8Stream();
    const a = s.decode(bytes.subarray(0, 3));
    expect(a).toEqual({ text: 'na', pending: true });
    const b = s.decode(bytes.subarray(3, 8));
    expect(b).toEqual({ text: 'ïve ', pending: true });
    expect(s.decode(bytes.subarray(8))).toEqual({ text: '€5\n', pending: false });
  });

  it('drops a byte order mark at the start only, and starts over on reset', () => {
    const s = new Utf8Stream();
    expect(s.decode(enc('\ufeffa')).text).toBe('a');
    expect(s.decode(enc('\ufeffb')).text).toBe('\ufeffb');
    s.reset();
    expect(s.decode(enc('\ufeffc')).text).toBe('c');
  });
});
