import { checkJson, lineColumn } from './json';

describe('checkJson', () => {
  it('accepts valid JSON and gives the value', () => {
    expect(checkJson('{"message": "hi", "n": [1, 2]}')).toEqual({
      ok: true,
      value: { message: 'hi', n: [1, 2] },
    });
  });

  it('places a missing quote on its line and column', () => {
    const r = checkJson('{\n  "a": 1,\n  b: 2\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.line, r.column]).toEqual([3, 3]);
    expect(r.message).toMatch(/property name in double quotes/);
  });

  it('says when the JSON ends too early', () => {
    const r = checkJson('{"a": [1, 2');
    expect(r).toMatchObject({ ok: false, line: 1, column: 12 });
    if (!r.ok) expect(r.message).toMatch(/ends too early/);
  });

  it('explains single quotes and trailing garbage', () => {
    const single = checkJson("{'a': 1}");
    expect(single.ok || single.message).toMatch(/double quotes/);
    const extra = checkJson('{"a": 1} x');
    expect(extra).toMatchObject({ ok: false, line: 1, column: 10 });
  });

  it('treats empty input as an error at the start', () => {
    expect(checkJson('   ')).toMatchObject({ ok: false, line: 1, column: 1, message: 'The JSON is empty.' });
  });

  it('counts lines and columns from offsets', () => {
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});
