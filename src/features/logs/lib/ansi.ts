/* eslint-disable no-control-regex -- this module exists to read terminal escape sequences */
// SGR colour codes to styled segments of plain text. Nothing here makes HTML: the viewer renders each
// segment as a text node in a <span>, so server text is never markup. Input must come from sanitizeLine
// (only SGR sequences left).
//
// A style opened on one line goes on until it is reset, as in a terminal: `styleAfter` gives the style
// in force after a line, so the parser can hand each line the style it starts with (computed once, as
// lines arrive), and `lineView` starts from it. Both read SGR codes with `applySgr`, so the style
// carried to the next line is always the one the renderer ends the line with.
import { DISPLAY_LIMIT, isPlain, sanitizeLine } from './text';

/** What an SGR sequence can set. Absent fields are the terminal's defaults; `undefined` is all defaults. */
export interface SgrStyle {
  /** One of the 16 terminal colours ("red", "bright-red"), themed by the viewer. */
  fg?: string;
  bg?: string;
  /** 256-colour and 24-bit colours as "r, g, b". */
  fgRgb?: string;
  bgRgb?: string;
  bold?: true;
  dim?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  inverse?: true;
}

export interface Segment {
  text: string;
  fg?: string;
  bg?: string;
  fgRgb?: string;
  bgRgb?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
}

export interface LineView {
  segments: Segment[];
  /** Characters of plain text in the whole line. */
  length: number;
  /** Characters not shown because the line is longer than the display limit. */
  hidden: number;
}

const NAMED = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;
const SGR = /\x1b\[([\d;:]*)m/g;

// xterm's 256-colour palette: 16 named colours, a 6×6×6 cube, 24 greys.
function paletteRgb(n: number): string {
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `${v}, ${v}, ${v}`;
  }
  const i = n - 16;
  const step = (x: number) => (x === 0 ? 0 : 55 + x * 40);
  return `${step(Math.floor(i / 36))}, ${step(Math.floor(i / 6) % 6)}, ${step(i % 6)}`;
}

const byte = (s: string | undefined) => {
  const n = s === undefined || s === '' ? NaN : Number(s);
  return Number.isInteger(n) && n >= 0 && n <= 255 ? n : null;
};

/**
 * An extended colour (38/48) from its arguments: "5;n" (256 colours) or "2;r;g;b" (24-bit), given as the
 * parameters after 38 or, in the colon form ("38:2::r:g:b"), as its sub-parameters.
 */
function extended(args: readonly string[]): { named?: string; rgb?: string } | null {
  if (args[0] === '5') {
    const n = byte(args[1]);
    if (n === null) return null;
    return n < 16 ? { named: `${n >= 8 ? 'bright-' : ''}${NAMED[n % 8]}` } : { rgb: paletteRgb(n) };
  }
  if (args[0] === '2') {
    // The colon form may carry a colour-space id first (38:2:id:r:g:b): the last three are the colour.
    const rgb = args.length > 4 ? args.slice(-3) : args.slice(1, 4);
    const [r, g, b] = rgb.map(byte);
    return r != null && g != null && b != null ? { rgb: `${r}, ${g}, ${b}` } : null;
  }
  return null;
}

function setColour(s: SgrStyle, which: 'fg' | 'bg', c: { named?: string; rgb?: string } | null): void {
  const rgb = which === 'fg' ? 'fgRgb' : 'bgRgb';
  delete s[which];
  delete s[rgb];
  if (c?.named) s[which] = c.named;
  if (c?.rgb) s[rgb] = c.rgb;
}

const isDefault = (s: SgrStyle) => {
  for (const _ in s) return false;
  return true;
};

/**
 * The style after one SGR sequence's parameters ("1;31", "38;5;208", "38:2::10:20:30", "" for reset).
 * Returns the same object when nothing changed, a new one otherwise, `undefined` for the defaults.
 */
export function applySgr(style: SgrStyle | undefined, params: string): SgrStyle | undefined {
  const ps = params.split(';');
  const s: SgrStyle = { ...style };
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i] ?? '';
    const sub = p.includes(':') ? p.split(':') : null;
    const code = Number((sub ? sub[0] : p) || '0');
    if (code === 0) for (const k of Object.keys(s)) delete s[k as keyof SgrStyle];
    else if (code === 1) s.bold = true;
    else if (code === 2) s.dim = true;
    else if (code === 3) s.italic = true;
    else if (code === 4) {
      if (sub && sub[1] === '0') delete s.underline;
      else s.underline = true;
    } else if (code === 7) s.inverse = true;
    else if (code === 9) s.strike = true;
    else if (code === 21) s.underline = true; // double underline
    else if (code === 22) {
      delete s.bold;
      delete s.dim;
    } else if (code === 23) delete s.italic;
    else if (code === 24) delete s.underline;
    else if (code === 27) delete s.inverse;
    else if (code === 29) delete s.strike;
    else if (code >= 30 && code <= 37) setColour(s, 'fg', { named: NAMED[code - 30] });
    else if (code >= 90 && code <= 97) setColour(s, 'fg', { named: `bright-${NAMED[code - 90]}` });
    else if (code === 39) setColour(s, 'fg', null);
    else if (code >= 40 && code <= 47) setColour(s, 'bg', { named: NAMED[code - 40] });
    else if (code >= 100 && code <= 107) setColour(s, 'bg', { named: `bright-${NAMED[code - 100]}` });
    else if (code === 49) setColour(s, 'bg', null);
    else if (code === 38 || code === 48) {
      const which = code === 38 ? 'fg' : 'bg';
      if (sub) {
        const c = extended(sub.slice(1));
        if (c) setColour(s, which, c);
      } else {
        const mode = ps[i + 1];
        const take = mode === '5' ? 2 : mode === '2' ? 4 : 0;
        const c = take ? extended(ps.slice(i + 1, i + 1 + take)) : null;
        if (c) setColour(s, which, c);
        i += take;
      }
    }
    // Anything else (blink, hidden, fonts, overline…) is ignored: hidden text stays visible on purpose.
  }
  if (isDefault(s)) return undefined;
  if (style && sameStyle(style, s)) return style;
  return s;
}

function sameStyle(a: SgrStyle, b: SgrStyle): boolean {
  const ka = Object.keys(a) as (keyof SgrStyle)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/**
 * The style in force after `line` (raw, as received) for a line that starts in `start`. Lines without an
 * escape character keep the style they started with, which is what makes this cheap for most lines.
 */
export function styleAfter(start: SgrStyle | undefined, line: string): SgrStyle | undefined {
  if (!line.includes('\x1b')) return start;
  let style = start;
  const clean = sanitizeLine(line);
  SGR.lastIndex = 0;
  for (let m = SGR.exec(clean); m !== null; m = SGR.exec(clean)) style = applySgr(style, m[1] ?? '');
  return style;
}

/** A run of text in a style, with reverse video applied (as terminals do: missing colours become white on black). */
function segment(text: string, s: SgrStyle | undefined): Segment {
  if (!s) return { text };
  const out: Segment = { text };
  const fg = s.inverse ? (s.bg ?? (s.bgRgb ? undefined : 'black')) : s.fg;
  const bg = s.inverse ? (s.fg ?? (s.fgRgb ? undefined : 'white')) : s.bg;
  const fgRgb = s.inverse ? s.bgRgb : s.fgRgb;
  const bgRgb = s.inverse ? s.fgRgb : s.bgRgb;
  if (fg) out.fg = fg;
  if (bg) out.bg = bg;
  if (fgRgb) out.fgRgb = fgRgb;
  if (bgRgb) out.bgRgb = bgRgb;
  if (s.bold) out.bold = true;
  if (s.dim) out.dim = true;
  if (s.italic) out.italic = true;
  if (s.underline) out.underline = true;
  if (s.strike) out.strike = true;
  return out;
}

/**
 * A line's segments, starting in the style carried from the lines before (`start`), cut to `limit`
 * characters of plain text. Only a head of a huge line is looked at (scanning 10 MB to show 10,000
 * characters would stall the page); the rest counts as hidden.
 */
export function lineView(raw: string, limit = DISPLAY_LIMIT, start?: SgrStyle): LineView {
  const cap = limit * 2 + 1024;
  if (raw.length > cap) {
    const v = lineView(raw.slice(0, cap), limit, start);
    const rest = raw.length - cap;
    return { segments: v.segments, length: v.length + rest, hidden: v.hidden + rest };
  }
  const clean = isPlain(raw) && !raw.includes('\x1b') ? raw : sanitizeLine(raw);
  if (!clean.includes('\x1b')) {
    return { segments: [segment(clean.length > limit ? clean.slice(0, limit) : clean, start)], length: clean.length, hidden: Math.max(0, clean.length - limit) };
  }
  const segments: Segment[] = [];
  let style = start;
  let length = 0;
  let shown = 0;
  let last = 0;
  const emit = (text: string) => {
    length += text.length;
    if (text === '' || shown >= limit) return;
    const cut = shown + text.length > limit ? text.slice(0, limit - shown) : text;
    shown += cut.length;
    segments.push(segment(cut, style));
  };
  SGR.lastIndex = 0;
  for (let m = SGR.exec(clean); m !== null; m = SGR.exec(clean)) {
    emit(clean.slice(last, m.index));
    style = applySgr(style, m[1] ?? '');
    last = m.index + m[0].length;
  }
  emit(clean.slice(last));
  return { segments, length, hidden: length - shown };
}

/** Splits segments at the given [start, end) ranges of plain text, marking the parts inside one. */
export function markRanges(segments: readonly Segment[], ranges: readonly (readonly [number, number])[]): (Segment & { mark?: number })[] {
  if (ranges.length === 0) return [...segments];
  const out: (Segment & { mark?: number })[] = [];
  let pos = 0;
  let r = 0;
  for (const seg of segments) {
    let offset = 0;
    const end = pos + seg.text.length;
    while (offset < seg.text.length) {
      const at = pos + offset;
      while (r < ranges.length && (ranges[r]?.[1] ?? 0) <= at) r++;
      const range = ranges[r];
      if (!range || range[0] >= end) {
        out.push({ ...seg, text: seg.text.slice(offset) });
        break;
      }
      if (range[0] > at) {
        out.push({ ...seg, text: seg.text.slice(offset, range[0] - pos) });
        offset = range[0] - pos;
        continue;
      }
      const stop = Math.min(range[1], end) - pos;
      out.push({ ...seg, text: seg.text.slice(offset, stop), mark: r });
      offset = stop;
    }
    pos = end;
  }
  return out;
}
