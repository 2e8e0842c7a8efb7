import { describe, expect, it } from 'vitest';
import { applySgr, lineView, markRanges, styleAfter } from './ansi';
import { plainText } from './text';

const ESC = '\x1b';

describe('lineView', () => {
  it('turns SGR codes into coloured segments whose text is the plain text', () => {
    const raw = `${ESC}[1;31mERROR${ESC}[0m disk ${ESC}[33mfull${ESC}[39m!`;
    const v = lineView(raw);
    expect(v.segments.map((s) => s.text).join('')).toBe(plainText(raw));
    expect(v.segments[0]).toMatchObject({ text: 'ERROR', fg: 'red', bold: true });
    expect(v.segments.find((s) => s.text === 'full')).toMatchObject({ fg: 'yellow' });
    expect(v.segments.find((s) => s.text === ' disk ')?.fg).toBeUndefined();
  });

  it('knows bright, 256 and 24-bit colours, and backgrounds', () => {
    const v = lineView(`${ESC}[94ma${ESC}[0m${ESC}[38;5;208mb${ESC}[0m${ESC}[38;2;10;20;30mc${ESC}[0m${ESC}[41md${ESC}[0m${ESC}[38;5;9me`);
    const by = (t: string) => v.segments.find((s) => s.text === t);
    expect(by('a')?.fg).toBe('bright-blue');
    expect(by('b')?.fgRgb).toBe('255, 135, 0');
    expect(by('c')?.fgRgb).toBe('10, 20, 30');
    expect(by('d')?.bg).toBe('red');
    expect(by('e')?.fg).toBe('bright-red');
  });

  it('keeps markup as text: nothing is interpreted as HTML', () => {
    const v = lineView(`${ESC}[32m<img src=x onerror=alert(1)>${ESC}[0m<script>`);
    expect(v.segments.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)><script>');
  });

  it('drops cursor moves and title changes that hide inside coloured text', () => {
    const v = lineView(`${ESC}[31mok${ESC}[2K${ESC}]0;pwned\x07${ESC}[1A still${ESC}[0m`);
    expect(v.segments.map((s) => s.text).join('')).toBe('ok still');
  });

  it('cuts a 10 MB line to the display limit and says how much is hidden', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const v = lineView(big, 10_000);
    expect(v.segments[0]?.text.length).toBe(10_000);
    expect(v.length).toBe(big.length);
    expect(v.hidden).toBe(big.length - 10_000);
    const coloured = lineView(`${ESC}[31m${big}${ESC}[0mtail`, 5);
    expect(coloured.segments.map((s) => s.text).join('')).toBe('xxxxx');
    // Past the head that is looked at, hidden counts raw characters (a colour code or two at most).
    expect(coloured.hidden).toBeGreaterThanOrEqual(big.length + 4 - 5);
    expect(coloured.hidden).toBeLessThanOrEqual(big.length + 4 + 10);
  });
});

describe('a style carried across lines', () => {
  it('reads SGR parameters into a style, reset by 0 or an empty sequence', () => {
    expect(applySgr(undefined, '1;31')).toEqual({ bold: true, fg: 'red' });
    expect(applySgr({ bold: true, fg: 'red' }, '22;39')).toBeUndefined();
    expect(applySgr({ fg: 'red' }, '')).toBeUndefined();
    expect(applySgr({ fg: 'red', underline: true }, '0;4')).toEqual({ underline: true });
    expect(applySgr(undefined, '38;5;208;48;2;1;2;3')).toEqual({ fgRgb: '255, 135, 0', bgRgb: '1, 2, 3' });
    expect(applySgr(undefined, '38:2::10:20:30')).toEqual({ fgRgb: '10, 20, 30' });
    expect(applySgr({ fgRgb: '1, 2, 3' }, '94')).toEqual({ fg: 'bright-blue' });
    // Unknown or malformed parameters change nothing.
    const red = { fg: 'red' };
    expect(applySgr(red, '5;38;5;999;73')).toBe(red);
  });

  it('gives the style after a line, only looking at lines with an escape', () => {
    expect(styleAfter(undefined, 'plain')).toBeUndefined();
    const start = { fg: 'green' };
    expect(styleAfter(start, 'no codes here')).toBe(start);
    expect(styleAfter(undefined, `${ESC}[33mwarn ${ESC}[1mbold`)).toEqual({ fg: 'yellow', bold: true });
    expect(styleAfter(start, `${ESC}[0m`)).toBeUndefined();
    // Only SGR counts: a cursor move or a title with "[31m" inside sets nothing.
    expect(styleAfter(undefined, `${ESC}[2J${ESC}]0;${ESC}[31m\x07x`)).toBeUndefined();
  });

  it('colours a line from the style it starts in until a code changes it', () => {
    const v = lineView(`still red ${ESC}[1mbold too${ESC}[0m plain`, 10_000, { fg: 'red' });
    expect(v.segments).toEqual([
      { text: 'still red ', fg: 'red' },
      { text: 'bold too', fg: 'red', bold: true },
      { text: ' plain' },
    ]);
    expect(lineView('all of it', 10_000, { fg: 'cyan', italic: true }).segments).toEqual([{ text: 'all of it', fg: 'cyan', italic: true }]);
  });

  it('shows reverse video as swapped colours', () => {
    const v = lineView(`${ESC}[7mrev${ESC}[27;31;42mred on green${ESC}[7mswapped`);
    expect(v.segments[0]).toMatchObject({ text: 'rev', fg: 'black', bg: 'white' });
    expect(v.segments[1]).toMatchObject({ text: 'red on green', fg: 'red', bg: 'green' });
    expect(v.segments[2]).toMatchObject({ text: 'swapped', fg: 'green', bg: 'red' });
  });
});

describe('markRanges', () => {
  it('splits segments at match boundaries, across colour changes', () => {
    const { segments } = lineView(`${ESC}[31mhello${ESC}[0m world`);
    const out = markRanges(segments, [[3, 8]]);
    expect(out.map((s) => [s.text, s.mark ?? null, s.fg ?? null])).toEqual([
      ['hel', null, 'red'],
      ['lo', 0, 'red'],
      [' wo', 0, null],
      ['rld', null, null],
    ]);
  });

  it('marks several ranges with their index', () => {
    const out = markRanges([{ text: 'abcabc' }], [[0, 1], [3, 4]]);
    expect(out.map((s) => [s.text, s.mark ?? null])).toEqual([
      ['a', 0],
      ['bc', null],
      ['a', 1],
      ['bc', null],
    ]);
  });
});
