// JSON typed by hand into the invoke panel: is it valid, and if not, where is the mistake? Browsers
// word JSON.parse errors differently (V8 says "at position 12 (line 2 column 3)", Firefox "at line 2
// column 3 of the JSON data", old V8 only "Unexpected end of JSON input"), so the place is worked out
// from whichever form the message takes, and the message itself is reworded for people.

export type JsonCheck =
  { ok: true; value: unknown } | { ok: false; message: string; offset: number; line: number; column: number };

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

function offsetOf(text: string, line: number, column: number): number {
  let l = 1;
  let i = 0;
  while (l < line && i < text.length) {
    if (text.charCodeAt(i) === 10) l++;
    i++;
  }
  return Math.min(text.length, i + column - 1);
}

function describe(text: string, offset: number, raw: string): string {
  if (offset >= text.trimEnd().length)
    return 'The JSON ends too early: a closing bracket, brace or quote is missing.';
  const ch = text[offset];
  if (/property name|expected.*string/i.test(raw))
    return `Expected a property name in double quotes, found ${JSON.stringify(ch)}.`;
  if (/after property name|expected ':'/i.test(raw))
    return `Expected ":" after a property name, found ${JSON.stringify(ch)}.`;
  if (/after (array|property value)|expected ',' or/i.test(raw))
    return `Expected "," or a closing bracket, found ${JSON.stringify(ch)}.`;
  if (/non-whitespace|unexpected non-whitespace/i.test(raw))
    return `There is more after the end of the JSON value, starting with ${JSON.stringify(ch)}.`;
  if (/bad control|control character/i.test(raw))
    return 'A string contains a raw line break or tab; write it as \\n or \\t.';
  if (ch === "'") return 'Strings and property names need double quotes ("), not single quotes.';
  return `Unexpected ${JSON.stringify(ch)}.`;
}

export function checkJson(text: string): JsonCheck {
  if (!text.trim()) {
    return { ok: false, message: 'The JSON is empty.', offset: 0, line: 1, column: 1 };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    let offset: number;
    const lc = /line (\d+) column (\d+)/.exec(raw);
    const pos = /position (\d+)/.exec(raw);
    if (pos) offset = Number(pos[1]);
    else if (lc) offset = offsetOf(text, Number(lc[1]), Number(lc[2]));
    else if (/end of (JSON )?(input|data)/i.test(raw)) offset = text.length;
    else {
      const token = /Unexpected token '?(.)'?/.exec(raw);
      offset = token ? Math.max(0, text.indexOf(token[1]!)) : 0;
    }
    const where = lineColumn(text, offset);
    return { ok: false, message: describe(text, offset, raw), offset, ...where };
  }
}
