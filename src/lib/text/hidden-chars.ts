// Names that cannot lie: bidirectional controls and zero-width characters in a name from the cluster or
// a user are made visible as [U+202E], so "RTL-\u202Egnp.exe" never shows as "RTL-exe.png". The real
// name is kept for the API; this is only for what is shown, spoken and saved.

/** Bidi embeddings, overrides, isolates and marks, and the zero-width characters. */
const HIDDEN = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const HAS_HIDDEN = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

const WORDS: Record<number, string> = {
  0x061c: 'Arabic letter mark',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space',
};

/** True when `text` holds a character that would change how it reads or hide itself. */
export function hasHiddenChars(text: string): boolean {
  return HAS_HIDDEN.test(text);
}

/** "[U+202E]" for one hidden character. */
export function hiddenCharMarker(c: string): string {
  return `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** What the character is, in words ("right-to-left override"), for screen readers and tooltips. */
export function hiddenCharName(c: string): string {
  return WORDS[c.charCodeAt(0)] ?? 'invisible character';
}

/** The text with every hidden character shown as [U+XXXX]: for labels, titles, toasts, page titles. */
export function visibleText(text: string): string {
  return hasHiddenChars(text) ? text.replace(HIDDEN, hiddenCharMarker) : text;
}

/** The text without its hidden characters: for the name a download is saved under. */
export function withoutHiddenChars(text: string): string {
  return hasHiddenChars(text) ? text.replace(HIDDEN, '') : text;
}

export type TextPart = { text: string; hidden: false } | { text: string; hidden: true; marker: string; name: string };

/** The text cut into plain runs and single hidden characters, for a component to draw each its own way. */
export function splitHidden(text: string): TextPart[] {
  if (!hasHiddenChars(text)) return [{ text, hidden: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(HIDDEN)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hidden: false });
    parts.push({ text: m[0], hidden: true, marker: hiddenCharMarker(m[0]), name: hiddenCharName(m[0]) });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hidden: false });
  return parts;
}
