import { describe, expect, it } from 'vitest';
import { hasHiddenChars, splitHidden, visibleText, withoutHiddenChars } from './hidden-chars';

const LIAR = 'RTL-\u202egnp.exe';

describe('hidden characters in names', () => {
  it('shows bidi controls and zero-width characters as [U+XXXX], in the order they are stored', () => {
    expect(visibleText(LIAR)).toBe('RTL-[U+202E]gnp.exe');
    const all = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u200b\u200c\u200d\u2060\ufeff';
    expect(visibleText(`a${all}b`)).toBe(
      'a[U+202A][U+202B][U+202C][U+202D][U+202E][U+2066][U+2067][U+2068][U+2069][U+200E][U+200F][U+200B][U+200C][U+200D][U+2060][U+FEFF]b',
    );
    expect(hasHiddenChars(visibleText(`a${all}b`))).toBe(false);
  });

  it('leaves ordinary names alone, accents and scripts included', () => {
    for (const name of ['fish-001.png', 'año/ñandú.tif', 'صورة.jpg', '图像 1.png', 'a b\tc']) {
      expect(visibleText(name)).toBe(name);
      expect(hasHiddenChars(name)).toBe(false);
    }
  });

  it('drops them from a name a file is saved under', () => {
    expect(withoutHiddenChars(LIAR)).toBe('RTL-gnp.exe');
    expect(withoutHiddenChars('re\u200bport\ufeff.csv')).toBe('report.csv');
  });

  it('cuts a name into plain runs and named markers', () => {
    expect(splitHidden(LIAR)).toEqual([
      { text: 'RTL-', hidden: false },
      { text: '\u202e', hidden: true, marker: '[U+202E]', name: 'right-to-left override' },
      { text: 'gnp.exe', hidden: false },
    ]);
    expect(splitHidden('plain')).toEqual([{ text: 'plain', hidden: false }]);
  });
});
