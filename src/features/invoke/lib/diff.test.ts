import { canonicalJson, diffTexts } from './diff';

describe('diffTexts', () => {
  it('lays out a line diff as side-by-side rows', () => {
    const d = diffTexts('a\nb\nc\nd\n', 'a\nB\nc\nd\ne\n');
    expect(d.rows.map((r) => [r.kind, r.left ?? null, r.right ?? null])).toEqual([
      ['same', 'a', 'a'],
      ['changed', 'b', 'B'],
      ['same', 'c', 'c'],
      ['same', 'd', 'd'],
      ['added', null, 'e'],
    ]);
    expect(d.changes).toBe(2);
    expect(d.rows.at(-1)).toMatchObject({ rightNo: 5 });
  });

  it('ignores key order and spacing in JSON', () => {
    const d = diffTexts('{"b":1,"a":[1,2]}', '{ "a": [1, 2], "b": 1 }', { json: true });
    expect(d.changes).toBe(0);
    const e = diffTexts('{"p": 0.91, "label": "Olea"}', '{"label": "Olea", "p": 0.87}', { json: true });
    expect(e.rows.filter((r) => r.kind !== 'same').map((r) => [r.left?.trim(), r.right?.trim()])).toEqual([
      ['"p": 0.91', '"p": 0.87'],
    ]);
  });

  it('leaves text that is not JSON alone', () => {
    expect(canonicalJson('moo')).toBe('moo');
  });

  it('compares only the first lines of long texts and says so', () => {
    const long = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const d = diffTexts(long, long, { maxLines: 10 });
    expect(d.truncated).toBe(true);
    expect(d.rows).toHaveLength(10);
  });
});
