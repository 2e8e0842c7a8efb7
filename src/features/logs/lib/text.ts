/* eslint-disable no-control-regex -- this module exists to find and neutralise control characters */
import { visibleText } from '../../../lib/text/hidden-chars';
// Turning what a job printed into text that is safe and readable on a page. A log is untrusted bytes:
// binary output, invalid UTF-8, 10 MB lines, and terminal escape sequences that could clear the screen,
// move the cursor or retitle a terminal. Only SGR colour codes survive `sanitizeLine` (the renderer turns
// them into spans); everything else is removed or made visible, so the page shows what was printed and
// nothing can act on it.

/** Beyond this many characters a line is shown cut (a 10 MB line would freeze layout); search still sees all of it. */
export const DISPLAY_LIMIT = 10_000;

const SGR = /\x1b\[[\d;:]*m/g;
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Bytes to text: invalid UTF-8 becomes U+FFFD rather than failing the whole log. */
export function decodeLog(bytes: Uint8Array | ArrayBuffer): string {
  return decoder.decode(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
}

// The escape sequences of ECMA-48 / xterm, by family, in one left-to-right pass. Group 1 is an SGR
// (colour) sequence, the only kind kept. OSC and the string families run to BEL or ST (ESC \\), or to
// the end of the line when a log cuts one off.
const ESCAPES = new RegExp(
  [
    /(\x1b\[[\d;:]*m)/.source, // SGR: kept
    /\x1b\[[0-?]*[ -/]*[@-~]/.source, // any other CSI: cursor moves, erase screen, scroll regions
    /\x1b\][\s\S]*?(?:\x07|\x1b\\|$)/.source, // OSC: window title, hyperlinks, clipboard writes
    /\x1b[PX^_][\s\S]*?(?:\x1b\\|$)/.source, // DCS, SOS, PM, APC
    /[\x90\x98\x9d\x9e\x9f][\s\S]*?(?:\x07|\x9c|\x1b\\|$)/.source, // their 8-bit forms
    /\x9b[0-?]*[ -/]*[@-~]/.source, // 8-bit CSI
    /\x1b[ -/]*[0-~]/.source, // two-character and nF sequences (ESC c resets the terminal, ESC 7 saves the cursor)
    /\x1b/.source, // a lone or truncated ESC
  ].join('|'),
  'g',
);
// C0 controls other than tab, DEL, C1 controls, and the bidi controls and zero-width characters that
// can make text read differently from what it is ("Trojan source"; the same set names are checked for,
// in ./text/hidden-chars).
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
// After ESCAPES, every ESC left starts a kept SGR sequence (group 1), so it is skipped here.
const VISIBLE = /(\x1b\[[\d;:]*m)|[\x00-\x08\x0a-\x1a\x1c-\x1f\x7f-\x9f]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ ␁ … ␟
  if (code === 0x7f) return '\u2421'; // ␡
  return '\ufffd'; // C1
}

/** True when a line needs no cleaning at all (the common case, checked before any work). */
export function isPlain(line: string): boolean {
  return !UNSAFE.test(line);
}

/**
 * One line (no '\n') made safe to show: SGR colour codes are kept, other escape sequences removed,
 * control characters shown as control pictures (␀, ␇ …), bidi controls and zero-width characters
 * shown as [U+202E] (the same markers as names, src/lib/text/hidden-chars). A carriage
 * return inside the line (a progress bar redrawing itself) keeps what was drawn last, as a terminal
 * would show it, in the colours set before it.
 */
export function sanitizeLine(line: string): string {
  if (isPlain(line)) return line;
  // Most coloured lines hold SGR codes and nothing else to clean: one cheap pass instead of the full one.
  if (isPlain(line.replace(SGR, ''))) return line;
  let s = line.replace(ESCAPES, (_seq: string, sgr: string | undefined) => sgr ?? '');
  if (s.includes('\r')) {
    const parts = s.split('\r');
    let last = parts.length - 1;
    while (last > 0 && parts[last] === '') last--;
    // What was drawn over is gone, but the colours it set are still in force, as on a terminal.
    const codes = parts.slice(0, last).join('').match(SGR)?.join('') ?? '';
    s = codes + (parts[last] ?? '');
  }
  return visibleText(s.replace(VISIBLE, (c: string, sgr: string | undefined) => sgr ?? visible(c)));
}

/** The text a reader sees: sanitised, without colour codes. Search and copy work on this. */
export function plainText(line: string): string {
  if (isPlain(line)) return line;
  const stripped = line.replace(SGR, '');
  return isPlain(stripped) ? stripped : sanitizeLine(line).replace(SGR, '');
}

// kubectl/OSCAR `timestamps=true`: an RFC 3339 stamp with up to nanoseconds, then one space.
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) /;

/** Splits the server's timestamp off a line (`timestamps=true`); lines without one keep their text. */
export function splitStamp(line: string): { stamp: string | undefined; text: string } {
  const m = STAMP.exec(line);
  if (!m) return { stamp: undefined, text: line };
  return { stamp: m[1], text: line.slice(m[0].length) };
}

/** "2025-06-02T09:59:54.749000000Z" → "09:59:54.749" (UTC, like the stamps the supervisor prints). */
export function shortStamp(stamp: string): string {
  const m = /T(\d\d:\d\d:\d\d)(\.\d{1,3})?/.exec(stamp);
  if (!m) return stamp;
  return `${m[1]}${(m[2] ?? '.000').padEnd(4, '0')}`;
}

/** Milliseconds since the epoch of a stamp (nanoseconds dropped), or NaN. */
export function stampMs(stamp: string): number {
  return Date.parse(stamp.replace(/(\.\d{3})\d+/, '$1'));
}
