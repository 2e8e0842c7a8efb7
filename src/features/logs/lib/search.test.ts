import { describe, expect, it } from 'vitest';
import { LogBuffer } from './append';
import { compileSearch, findRanges, SearchIndex } from './search';

function re(q: string, caseSensitive = false, regex = false): RegExp {
  const c = compileSearch(q, { caseSensitive, regex });
  if (!c?.ok) throw new Error('expected a valid search');
  return c.re;
}

describe('compileSearch', () => {
  it('escapes plain text and honours case', () => {
    expect(findRanges(re('a.b'), 'axb a.b A.B')).toEqual([
      [4, 7],
      [8, 11],
    ]);
    expect(findRanges(re('a.b', true), 'axb a.b A.B')).toEqual([[4, 7]]);
  });

  it('accepts regular expressions and explains invalid ones', () => {
    expect(findRanges(re('err(or)?\\s\\d+', false, true), 'Error 42, err 7, errors')).toEqual([
      [0, 8],
      [10, 15],
    ]);
    const bad = compileSearch('(unclosed', { caseSensitive: false, regex: true });
    expect(bad).toMatchObject({ ok: false });
    expect(bad && !bad.ok ? bad.error : '').toMatch(/unterminated group/i);
    expect(compileSearch('', { caseSensitive: false, regex: true })).toBeNull();
  });

  it('never loops on empty matches', () => {
    expect(findRanges(re('x*', false, true), 'abxxc')).toEqual([[2, 4]]);
    expect(findRanges(re('^', false, true), 'abc')).toEqual([]);
  });
});

describe('SearchIndex', () => {
  it('finds every occurrence in the text a reader sees, ignoring colour codes', () => {
    const b = new LogBuffer();
    b.applyText('INFO ok\n\x1b[31mERR\x1b[0mOR disk\nerror again, error\n');
    const idx = new SearchIndex(re('error'));
    idx.update(b);
    expect(idx.lines).toEqual([1, 2]);
    expect(idx.occurrences).toEqual([
      { line: 1, start: 0, end: 5 },
      { line: 2, start: 0, end: 5 },
      { line: 2, start: 13, end: 18 },
    ]);
  });

  it('scans only new lines as the log grows, and rescans a partial last line', () => {
    const b = new LogBuffer();
    b.applyText('match 1\nnothing\nmat');
    const idx = new SearchIndex(re('match'));
    idx.update(b);
    expect(idx.lines).toEqual([0]);
    b.applyText('match 1\nnothing\nmatch 3\nmatch 4');
    idx.update(b);
    expect(idx.lines).toEqual([0, 2, 3]);
    expect(idx.occurrences).toHaveLength(3);
    b.applyText('match 1\nnothing\nmatch 3\nmatch 4 match\n');
    idx.update(b);
    expect(idx.lines).toEqual([0, 2, 3]);
    expect(idx.occurrences.map((o) => [o.line, o.start])).toEqual([
      [0, 0],
      [2, 0],
      [3, 0],
      [3, 8],
    ]);
  });

  it('caps the number of occurrences and says so', () => {
    const b = new LogBuffer();
    b.applyText('e'.repeat(50) + '\n' + 'e\n');
    const idx = new SearchIndex(re('e'), 20);
    idx.update(b);
    expect(idx.occurrences).toHaveLength(20);
    expect(idx.capped).toBe(true);
    expect(idx.lines).toEqual([0, 1]);
  });

  it('finds the next occurrence from a line, wrapping at the end', () => {
    const b = new LogBuffer();
    b.applyText('a\nx\na\nx\na\n');
    const idx = new SearchIndex(re('a'));
    idx.update(b);
    expect(idx.nextFrom(0)).toBe(0);
    expect(idx.nextFrom(1)).toBe(1);
    expect(idx.nextFrom(3)).toBe(2);
    expect(idx.nextFrom(5)).toBe(0);
  });
});
