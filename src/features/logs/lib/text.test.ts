/* eslint-disable no-control-regex -- this module exists to find and neutralise control characters */
import { describe, expect, it } from 'vitest';
import { decodeLog, isPlain, plainText, sanitizeLine, shortStamp, splitStamp, stampMs } from './text';

const ESC = '\x1b';

describe('sanitizeLine', () => {
  it('leaves ordinary text alone, tabs included', () => {
    const line = "2025-06-02 09:59:54,749 - supervisor - INFO - Reading 'STORAGE_AUTH'\tok";
    expect(isPlain(line)).toBe(true);
    expect(sanitizeLine(line)).toBe(line);
  });

  it('keeps SGR colour codes and removes every other escape sequence', () => {
    const line = `${ESC}[31mred${ESC}[0m ${ESC}[2J${ESC}[H${ESC}[10;20Hmoved ${ESC}[?1049h${ESC}[1;32mgreen${ESC}[m`;
    expect(sanitizeLine(line)).toBe(`${ESC}[31mred${ESC}[0m moved ${ESC}[1;32mgreen${ESC}[m`);
  });

  it('removes window-title, hyperlink and clipboard OSC sequences but keeps a hyperlink’s text', () => {
    expect(sanitizeLine(`a${ESC}]0;You have been hacked${ESC}\\b`)).toBe('ab');
    expect(sanitizeLine(`a${ESC}]2;title\x07b`)).toBe('ab');
    expect(sanitizeLine(`${ESC}]8;;https://evil.example${ESC}\\click me${ESC}]8;;${ESC}\\`)).toBe('click me');
    expect(sanitizeLine(`${ESC}]52;c;ZWNobyBwd25lZA==\x07copied`)).toBe('copied');
    // An OSC cut off by the end of the line takes the rest of it, not the next line.
    expect(sanitizeLine(`before${ESC}]0;unterminated title`)).toBe('before');
  });

  it('removes DCS strings, resets, cursor saves, charset switches and 8-bit CSI', () => {
    expect(sanitizeLine(`x${ESC}P1$r0m${ESC}\\y`)).toBe('xy');
    expect(sanitizeLine(`${ESC}cclean`)).toBe('clean');
    expect(sanitizeLine(`${ESC}7${ESC}(Bsaved${ESC}8`)).toBe('saved');
    expect(sanitizeLine(`a\u009b2Jb`)).toBe('ab');
    expect(sanitizeLine(`lone ${ESC}`)).toBe('lone ');
  });

  it('does not let a crafted line fake an SGR code out of other bytes', () => {
    // NUL bytes and text that looks like a placeholder stay visible, never turn into escapes.
    const out = sanitizeLine(`\u0000SGR31\u0001x${ESC}[31my`);
    expect(out).toBe(`\u2400SGR31\u2401x${ESC}[31my`);
  });

  it('shows control characters and binary bytes as visible symbols', () => {
    expect(sanitizeLine('bell\x07 nul\x00 bs\x08 del\x7f')).toBe('bell\u2407 nul\u2400 bs\u2408 del\u2421');
    expect(sanitizeLine('c1\u0085x')).toBe('c1\ufffdx');
  });

  it('shows bidirectional overrides instead of letting them reorder the text', () => {
    expect(sanitizeLine('access\u202e \u2066level')).toBe('access[U+202E] [U+2066]level');
    // The same markers as names get (src/lib/text/hidden-chars): marks and zero-width characters too.
    expect(sanitizeLine('RTL-\u202egnp.exe \u200ex\u200by\ufeff\x1b[31mred\x1b[0m')).toBe(
      'RTL-[U+202E]gnp.exe [U+200E]x[U+200B]y[U+FEFF]\x1b[31mred\x1b[0m',
    );
    expect(isPlain('zero\u200dwidth')).toBe(false);
  });

  it('keeps what a progress bar drew last', () => {
    expect(sanitizeLine('10%\r50%\r100%')).toBe('100%');
    expect(sanitizeLine('done\r')).toBe('done');
    // The colours set by what was drawn over stay in force, as on a terminal.
    expect(sanitizeLine(`${ESC}[32m10%\r${ESC}[1m50%\rdone`)).toBe(`${ESC}[32m${ESC}[1mdone`);
  });
});

describe('plainText', () => {
  it('is the sanitised text without colour codes', () => {
    expect(plainText(`${ESC}[1;31mERROR${ESC}[0m: <script>alert(1)</script>`)).toBe('ERROR: <script>alert(1)</script>');
  });
});

describe('decodeLog', () => {
  it('turns invalid UTF-8 into replacement characters and keeps the rest', () => {
    const bytes = new Uint8Array([0x6f, 0x6b, 0x20, 0xff, 0xfe, 0x20, 0xe2, 0x82, 0x20, 0xc3, 0xa9]);
    expect(decodeLog(bytes)).toBe('ok \ufffd\ufffd \ufffd é');
  });

  it('decodes binary bytes without failing, then sanitising makes them inert', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const text = decodeLog(bytes.buffer);
    const lines = text.split('\n').map(sanitizeLine);
    for (const l of lines) expect(l).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(lines.join('')).toContain('ABC');
  });
});

describe('timestamps', () => {
  it('splits the RFC 3339 stamp that timestamps=true adds', () => {
    expect(splitStamp('2025-06-02T09:59:54.749000000Z hello world')).toEqual({ stamp: '2025-06-02T09:59:54.749000000Z', text: 'hello world' });
    expect(splitStamp('2025-06-02T09:59:54+02:00 x')).toEqual({ stamp: '2025-06-02T09:59:54+02:00', text: 'x' });
    expect(splitStamp('no stamp here')).toEqual({ stamp: undefined, text: 'no stamp here' });
    expect(splitStamp('2025-06-02 09:59:54,749 - supervisor')).toEqual({ stamp: undefined, text: '2025-06-02 09:59:54,749 - supervisor' });
  });

  it('shortens and reads stamps with nanoseconds', () => {
    expect(shortStamp('2025-06-02T09:59:54.749000000Z')).toBe('09:59:54.749');
    expect(shortStamp('2025-06-02T09:59:54Z')).toBe('09:59:54.000');
    expect(shortStamp('2025-06-02T09:59:54.7Z')).toBe('09:59:54.700');
    expect(stampMs('2025-06-02T09:59:54.749123456Z')).toBe(Date.UTC(2025, 5, 2, 9, 59, 54, 749));
  });
});
