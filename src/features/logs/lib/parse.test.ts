import { describe, expect, it } from 'vitest';
import { LogParser, splitChunk, type LogChunk } from './parse';

const ESC = '\x1b';
const enc = (s: string) => new TextEncoder().encode(s);

/** Feeds growing prefixes of `text`, cut at the given byte offsets, and returns every chunk. */
function feedPrefixes(text: string | Uint8Array, cuts: number[], parser = new LogParser()): LogChunk[] {
  const bytes = typeof text === 'string' ? enc(text) : text;
  return cuts.map((c) => parser.feed(bytes.subarray(0, c)));
}

describe('LogParser', () => {
  it('splits lines, splits off timestamps, and hands over a partial last line that grows', () => {
    const p = new LogParser();
    const a = p.feed(enc('2025-06-02T10:00:00.000000001Z first\n2025-06-02T10:00:01Z sec'));
    expect(a).toMatchObject({ kind: 'append', lines: ['first'], stamps: ['2025-06-02T10:00:00.000000001Z'], partial: { text: 'sec', stamp: '2025-06-02T10:00:01Z' } });
    const b = p.feed(enc('2025-06-02T10:00:00.000000001Z first\n2025-06-02T10:00:01Z second\nthird\n'));
    expect(b).toMatchObject({ kind: 'append', lines: ['second', 'third'], stamps: ['2025-06-02T10:00:01Z', undefined], partial: null });
    expect(b.maxLength).toBe(6);
    expect(p.feed(enc('2025-06-02T10:00:00.000000001Z first\n2025-06-02T10:00:01Z second\nthird\n')).kind).toBe('same');
  });

  it('decodes only the new bytes: a 100,000-line log fed in 50 polls gives each line once', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const bytes = enc(text);
    const cuts = Array.from({ length: 50 }, (_, i) => Math.round(((i + 1) * bytes.length) / 50) - (i === 49 ? 0 : 3));
    const chunks = feedPrefixes(bytes, cuts);
    const lines = chunks.flatMap((c) => c.lines);
    expect(lines).toHaveLength(100_000);
    expect(lines[99_999]).toBe('line 100000');
    expect(new Set(lines).size).toBe(100_000);
    expect(chunks.at(-1)?.bytes).toBe(bytes.length);
  });

  it('joins a UTF-8 character and a CRLF split between polls', () => {
    const text = 'héllo\r\n€ world\r\n';
    const bytes = enc(text);
    // Cut inside é (bytes 1-2), between \r and \n, and inside € (3 bytes).
    const chunks = feedPrefixes(bytes, [2, 7, 9, bytes.length]);
    expect(chunks[0]?.partial?.text).toBe('h\ufffd');
    expect(chunks.flatMap((c) => c.lines)).toEqual(['héllo', '€ world']);
    expect(chunks.at(-1)?.partial).toBeNull();
  });

  it('keeps decodeLog’s answer for invalid UTF-8', () => {
    const bytes = new Uint8Array([0x6f, 0x6b, 0x20, 0xff, 0xfe, 0x0a, 0xe2, 0x82, 0x20, 0xc3, 0xa9, 0x0a]);
    const chunks = feedPrefixes(bytes, [4, 7, 8, bytes.length]);
    expect(chunks.flatMap((c) => c.lines)).toEqual(['ok \ufffd\ufffd', '\ufffd é']);
  });

  it('starts over when the log got shorter or its start changed', () => {
    const p = new LogParser();
    p.feed(enc('old 1\nold 2\n'));
    expect(p.feed(enc('new 1\n'))).toMatchObject({ kind: 'reset', reason: 'shorter', lines: ['new 1'] });
    expect(p.feed(enc('new 1\nnew 2\n'))).toMatchObject({ kind: 'append', lines: ['new 2'] });
    expect(p.feed(enc('NEW 1\nnew 2\nnew 3\n'))).toMatchObject({ kind: 'reset', reason: 'changed', lines: ['NEW 1', 'new 2', 'new 3'] });
  });

  it('after a restart, forgets half a character and a partial line of the old log', () => {
    const p = new LogParser();
    p.feed(new Uint8Array([...enc('a\npart'), 0xe2, 0x82]));
    const r = p.feed(enc('b\n'));
    expect(r).toMatchObject({ kind: 'reset', lines: ['b'], partial: null });
  });

  it('as a replacement parser, starts the lines shown over with its first answer', () => {
    const p = new LogParser({ reload: true });
    expect(p.feed(new Uint8Array(0)).kind).toBe('same');
    expect(p.feed(enc('a\nb\n'))).toMatchObject({ kind: 'reset', reason: 'reload', lines: ['a', 'b'] });
    expect(p.feed(enc('a\nb\nc\n'))).toMatchObject({ kind: 'append', lines: ['c'] });
  });

  it('carries a colour opened on one line to the next ones until it is reset', () => {
    const chunks = feedPrefixes(`plain\n${ESC}[31mred starts\nstill red\n${ESC}[1mand bold\n${ESC}[0mdefault\nagain`, [12, 200]);
    const lines = chunks.flatMap((c) => c.lines);
    const styles = chunks.flatMap((c) => c.styles);
    expect(lines).toHaveLength(5);
    expect(styles[0]).toBeUndefined();
    expect(styles[1]).toBeUndefined(); // starts default: the code is inside it
    expect(styles[2]).toEqual({ fg: 'red' });
    expect(styles[3]).toEqual({ fg: 'red' });
    expect(styles[4]).toEqual({ fg: 'red', bold: true });
    expect(chunks.at(-1)?.partial).toEqual({ text: 'again', stamp: undefined, style: undefined });
  });

  it('gives a partial line the style it starts in, and the same once it ends', () => {
    const p = new LogParser();
    const a = p.feed(enc(`${ESC}[32mgreen\nmore`));
    expect(a.partial?.style).toEqual({ fg: 'green' });
    const b = p.feed(enc(`${ESC}[32mgreen\nmore green\n`));
    expect(b.styles).toEqual([{ fg: 'green' }]);
  });
});

describe('splitChunk', () => {
  it('cuts a big chunk into pieces, the reset first and the partial line last', () => {
    const p = new LogParser();
    p.feed(enc('x\n'));
    const chunk = p.feed(enc(`${Array.from({ length: 25 }, (_, i) => `l${i}`).join('\n')}\ntail`));
    const pieces = splitChunk(chunk, 10);
    expect(pieces.map((c) => [c.kind, c.lines.length, c.partial?.text ?? null])).toEqual([
      ['reset', 10, null],
      ['append', 10, null],
      ['append', 5, 'tail'],
    ]);
    expect(pieces[0]?.reason).toBe('changed');
    expect(pieces.flatMap((c) => c.lines)).toEqual(chunk.lines);
    expect(pieces.flatMap((c) => c.stamps)).toHaveLength(25);
    expect(splitChunk(chunk, 100)).toEqual([chunk]);
  });
});
