import { describe, expect, it } from 'vitest';
import { diffWindow, LogBuffer } from './append';

const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}`).join('\n') + '\n';

describe('LogBuffer', () => {
  it('splits lines, splits off timestamps, and keeps a partial last line that grows', () => {
    const b = new LogBuffer();
    let r = b.applyText('2025-06-02T10:00:00.000000001Z first\n2025-06-02T10:00:01Z sec');
    expect(r).toEqual({ diff: 'append', added: 2 });
    expect(b.lines).toEqual(['first']);
    expect(b.partial).toBe('sec');
    expect(b.count).toBe(2);
    expect(b.stamp(0)).toBe('2025-06-02T10:00:00.000000001Z');
    expect(b.stamp(1)).toBe('2025-06-02T10:00:01Z');

    r = b.applyText('2025-06-02T10:00:00.000000001Z first\n2025-06-02T10:00:01Z second\n2025-06-02T10:00:02Z third\n');
    expect(r).toEqual({ diff: 'append', added: 1 });
    expect(b.lines).toEqual(['first', 'second', 'third']);
    expect(b.partial).toBeNull();
    expect(b.stamp(1)).toBe('2025-06-02T10:00:01Z');
  });

  it('counts a partial line that only grew as a change with no new line', () => {
    const b = new LogBuffer();
    b.applyText('a\nprogr');
    const v = b.version;
    expect(b.applyText('a\nprogress 50%')).toEqual({ diff: 'append', added: 0 });
    expect(b.version).toBe(v + 1);
    expect(b.line(1)).toBe('progress 50%');
    expect(b.applyText('a\nprogress 50%')).toEqual({ diff: 'same', added: 0 });
    expect(b.version).toBe(v + 1);
  });

  it('handles CRLF line ends and a CR split across polls', () => {
    const b = new LogBuffer();
    b.applyText('one\r');
    b.applyText('one\r\ntwo\r\n');
    expect(b.lines).toEqual(['one', 'two']);
  });

  it('starts over on a restart, keeping the previous lines for download', () => {
    const b = new LogBuffer();
    b.applyText('old 1\nold 2\nold 3\n');
    const gen = b.generation;
    const r = b.applyText('new 1\n');
    expect(r).toEqual({ diff: 'reset', added: 1 });
    expect(b.lines).toEqual(['new 1']);
    expect(b.generation).toBe(gen + 1);
    expect(b.lastReset).toMatchObject({ reason: 'shorter', previous: ['old 1', 'old 2', 'old 3'] });
    // The next poll continues from the new log.
    expect(b.applyText('new 1\nnew 2\n')).toEqual({ diff: 'append', added: 1 });
  });

  it('appends 100,000 lines in pieces without re-reading what it has', () => {
    const b = new LogBuffer();
    let text = '';
    for (let i = 0; i < 10; i++) {
      text += lines(10_000, i * 10_000 + 1);
      b.applyText(text);
    }
    expect(b.count).toBe(100_000);
    expect(b.line(99_999)).toBe('line 100000');
    expect(b.maxLength).toBe('line 100000'.length);
  });

  it('gives the whole log back as text, with or without timestamps', () => {
    const b = new LogBuffer();
    b.applyText('2025-06-02T10:00:00Z a\n2025-06-02T10:00:01Z b');
    expect(b.toText(false)).toBe('a\nb\n');
    expect(b.toText(true)).toBe('2025-06-02T10:00:00Z a\n2025-06-02T10:00:01Z b\n');
  });

  it('takes a 10 MB line in one piece', () => {
    const b = new LogBuffer();
    const big = 'y'.repeat(10 * 1024 * 1024);
    b.applyText(`start\n${big.slice(0, 3_000_000)}`);
    b.applyText(`start\n${big}\nend\n`);
    expect(b.lines.map((l) => l.length)).toEqual([5, big.length, 3]);
    expect(b.maxLength).toBe(big.length);
  });

  it('tells subscribers about every change', () => {
    const b = new LogBuffer();
    let calls = 0;
    const off = b.subscribe(() => calls++);
    b.applyText('a\n');
    b.applyText('a\n');
    b.appendEntries([{ text: 'b' }]);
    off();
    b.applyText('a\nb\nc\n');
    expect(calls).toBe(2);
  });
});

describe('diffWindow (deployment logs, a window of the last entries)', () => {
  const e = (t: string, s: string) => ({ text: t, stamp: s });

  it('appends what follows the overlap', () => {
    const known = [e('a', '1'), e('b', '2'), e('c', '3')];
    expect(diffWindow(known, [e('b', '2'), e('c', '3'), e('d', '4')])).toEqual({ kind: 'append', entries: [e('d', '4')], gap: false });
    expect(diffWindow(known, [e('b', '2'), e('c', '3')])).toEqual({ kind: 'same' });
    expect(diffWindow([], [e('x', '1')])).toEqual({ kind: 'append', entries: [e('x', '1')], gap: false });
  });

  it('lines up repeated lines by their neighbours, not the first look-alike', () => {
    const known = [e('GET /health 200', ''), e('GET / 200', ''), e('GET /health 200', '')];
    const incoming = [e('GET /health 200', ''), e('GET / 200', ''), e('GET /health 200', ''), e('GET / 200', ''), e('GET /health 200', '')];
    // The known tail (health, /, health) ends at index 2 or at index 4; the last match is the newest.
    expect(diffWindow(known, incoming)).toEqual({ kind: 'same' });
    expect(diffWindow(known, [...incoming, e('POST /x 201', '')])).toEqual({ kind: 'append', entries: [e('POST /x 201', '')], gap: false });
  });

  it('reports a gap when the window moved past what was shown', () => {
    expect(diffWindow([e('a', '2025-01-01T00:00:01Z')], [e('z', '2025-01-01T00:09:00Z')])).toEqual({ kind: 'append', entries: [e('z', '2025-01-01T00:09:00Z')], gap: true });
  });

  it('starts over when the new window is older (the deployment restarted)', () => {
    expect(diffWindow([e('a', '2025-01-01T00:05:00Z')], [e('boot', '2025-01-01T00:00:01Z')])).toEqual({ kind: 'reset', entries: [e('boot', '2025-01-01T00:00:01Z')] });
  });
});

describe('LogBuffer.appendEntries', () => {
  it('adds entries as lines with their stamps, counts gaps, and starts over on reset', () => {
    const b = new LogBuffer();
    b.appendEntries([{ text: 'boot', stamp: '2025-01-01T00:00:00Z' }, { text: 'two\nlines\r' }]);
    expect(b.lines).toEqual(['boot', 'two', 'lines']);
    expect(b.stamp(0)).toBe('2025-01-01T00:00:00Z');
    b.appendEntries([{ text: 'later' }], { gap: true });
    expect(b.gaps).toBe(1);
    b.appendEntries([{ text: 'again' }], { reset: true });
    expect(b.lines).toEqual(['again']);
    expect(b.lastReset).toMatchObject({ reason: 'window', previous: ['2025-01-01T00:00:00Z boot', 'two', 'lines', 'later'] });
  });
});
