/* eslint-disable no-control-regex -- this module exists to find and neutralise control characters */
// SGR colour codes to styled segments of plain text, with anser doing the parsing. Nothing here makes
// HTML: the viewer renders each segment as a text node in a <span>, so server text is never markup.
// Input must come from sanitizeLine (only SGR sequences left).
import Anser from 'anser';
import { DISPLAY_LIMIT, isPlain, sanitizeLine } from './log-text';

export type AnsiColour = 'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white';

export interface Segment {
  text: string;
  /** One of the 16 terminal colours ("red", "bright-red"), themed by the viewer. */
  fg?: string;
  bg?: string;
  /** 256-colour and 24-bit colours as "r, g, b". */
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

// xterm's 256-colour palette: 16 named colours, a 6×6×6 cube, 24 greys.
function paletteRgb(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 16 || n > 255) return undefined;
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `${v}, ${v}, ${v}`;
  }
  const i = n - 16;
  const step = (x: number) => (x === 0 ? 0 : 55 + x * 40);
  return `${step(Math.floor(i / 36))}, ${step(Math.floor(i / 6) % 6)}, ${step(i % 6)}`;
}
const NAMED = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

function colour(cls: string | null, truecolor: string | null, out: Segment, which: 'fg' | 'bg'): void {
  if (!cls) return;
  const name = cls.replace(/^ansi-/, '');
  if (name === 'truecolor') {
    if (truecolor && /^\d{1,3}, \d{1,3}, \d{1,3}$/.test(truecolor)) out[which === 'fg' ? 'fgRgb' : 'bgRgb'] = truecolor;
    return;
  }
  const palette = /^palette-(\d+)$/.exec(name);
  if (palette) {
    const n = Number(palette[1]);
    if (n < 16) out[which] = `${n >= 8 ? 'bright-' : ''}${NAMED[n % 8]}`;
    else {
      const rgb = paletteRgb(n);
      if (rgb) out[which === 'fg' ? 'fgRgb' : 'bgRgb'] = rgb;
    }
    return;
  }
  if (/^(bright-)?(black|red|green|yellow|blue|magenta|cyan|white)$/.test(name)) out[which] = name;
}

/**
 * A line's segments, cut to `limit` characters of plain text. Only a head of a huge line is looked at
 * (scanning 10 MB to show 10,000 characters would stall the page); the rest counts as hidden.
 */
export function lineView(raw: string, limit = DISPLAY_LIMIT): LineView {
  const cap = limit * 2 + 1024;
  if (raw.length > cap) {
    const v = lineView(raw.slice(0, cap), limit);
    const rest = raw.length - cap;
    return { segments: v.segments, length: v.length + rest, hidden: v.hidden + rest };
  }
  if (isPlain(raw) && !raw.includes('\x1b')) {
    return { segments: [{ text: raw.length > limit ? raw.slice(0, limit) : raw }], length: raw.length, hidden: Math.max(0, raw.length - limit) };
  }
  const clean = sanitizeLine(raw);
  if (!clean.includes('\x1b')) {
    return { segments: [{ text: clean.length > limit ? clean.slice(0, limit) : clean }], length: clean.length, hidden: Math.max(0, clean.length - limit) };
  }
  const { cut, plainLength } = cutAtPlain(clean, limit);
  const entries = Anser.ansiToJson(cut, { json: true, use_classes: true, remove_empty: true });
  const segments: Segment[] = [];
  let length = 0;
  let shown = 0;
  for (const e of entries) {
    const text = e.content;
    if (!text) continue;
    length += text.length;
    if (shown >= limit) continue;
    const seg: Segment = { text: shown + text.length > limit ? text.slice(0, limit - shown) : text };
    shown += seg.text.length;
    colour(e.fg, e.fg_truecolor, seg, 'fg');
    colour(e.bg, e.bg_truecolor, seg, 'bg');
    for (const d of e.decorations ?? []) {
      if (d === 'bold') seg.bold = true;
      else if (d === 'dim') seg.dim = true;
      else if (d === 'italic') seg.italic = true;
      else if (d === 'underline') seg.underline = true;
      else if (d === 'strikethrough') seg.strike = true;
    }
    segments.push(seg);
  }
  return { segments, length: Math.max(length, plainLength), hidden: Math.max(0, plainLength - shown) };
}

/** The sanitised line up to `limit` characters of plain text (colour codes do not count), so anser never sees megabytes. */
function cutAtPlain(clean: string, limit: number): { cut: string; plainLength: number } {
  const sgr = /\x1b\[[\d;:]*m/g;
  let plain = 0;
  let last = 0;
  let cutAt = -1;
  for (let m = sgr.exec(clean); m !== null; m = sgr.exec(clean)) {
    const run = m.index - last;
    if (cutAt < 0 && plain + run >= limit) cutAt = last + (limit - plain);
    plain += run;
    last = m.index + m[0].length;
  }
  const run = clean.length - last;
  if (cutAt < 0 && plain + run > limit) cutAt = last + (limit - plain);
  plain += run;
  return { cut: cutAt < 0 ? clean : clean.slice(0, cutAt), plainLength: plain };
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
