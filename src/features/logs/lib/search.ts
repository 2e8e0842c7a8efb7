// Search in a log: plain text or a regular expression, with or without case, over the text a reader
// sees (sanitised, colour codes removed). The index is incremental: a followed log grows by a few lines
// per poll, and only those are scanned again; a new search over a long log is scanned in slices.
import { plainText } from './text';

export interface SearchOptions {
  caseSensitive: boolean;
  regex: boolean;
}

export type CompiledSearch = { ok: true; re: RegExp } | { ok: false; error: string };

/** Null for an empty query; an error message (the engine's words) for an invalid regular expression. */
export function compileSearch(query: string, options: SearchOptions): CompiledSearch | null {
  if (!query) return null;
  const source = options.regex ? query : query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return { ok: true, re: new RegExp(source, options.caseSensitive ? 'gu' : 'giu') };
  } catch (e) {
    // Without the u flag some older patterns are valid (e.g. "\-"), so try once more before refusing.
    try {
      return { ok: true, re: new RegExp(source, options.caseSensitive ? 'g' : 'gi') };
    } catch {
      return { ok: false, error: e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e) };
    }
  }
}

/** The [start, end) ranges of non-empty matches in one line, at most `limit` of them. */
export function findRanges(re: RegExp, text: string, limit = 1000): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && out.length < limit; m = re.exec(text)) {
    if (m[0].length === 0) {
      // An empty match ("a*", "^") highlights nothing; step past it or the loop never ends.
      re.lastIndex = m.index + 1;
      if (re.lastIndex > text.length) break;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export interface Occurrence {
  line: number;
  start: number;
  end: number;
}

export interface LineSource {
  readonly count: number;
  /** Complete lines, which will not change (the last line may still grow). */
  readonly lines: readonly string[];
  line(i: number): string | undefined;
}

/**
 * All matches of one search in one log. `update` scans only the lines added since the last call; the
 * last (partial) line is scanned again each time since it may have grown. Capped at `maxOccurrences`
 * so that searching "e" in a million lines stays fast; `capped` says so.
 */
export class SearchIndex {
  readonly lines: number[] = [];
  readonly occurrences: Occurrence[] = [];
  capped = false;
  private scanned = 0;
  private tailLine = -1;
  private tailOccurrences = 0;
  private tailMatched = false;

  constructor(
    readonly re: RegExp,
    readonly maxOccurrences = 100_000,
  ) {}

  /** Complete lines scanned so far (the partial last line is scanned again on each update). */
  get scannedLines(): number {
    return this.scanned;
  }

  /**
   * Scans the lines not scanned yet. With `until` (a `performance.now()` time), stops once it has passed
   * and returns false: the caller resumes later, so typing a search over 100,000 lines never holds the
   * page for long. Returns true when every line is scanned.
   */
  update(src: LineSource, until = Infinity): boolean {
    if (this.tailLine >= 0) {
      this.occurrences.length -= this.tailOccurrences;
      if (this.tailMatched) this.lines.pop();
      this.tailLine = -1;
      this.tailOccurrences = 0;
      this.tailMatched = false;
    }
    const complete = src.lines.length;
    let i = this.scanned;
    while (i < complete) {
      // Check the clock every 256 lines: reading it costs more than scanning a short line.
      const stop = Math.min(complete, i + 256);
      for (; i < stop; i++) this.scan(i, src.lines[i] ?? '');
      if (i < complete && performance.now() > until) break;
    }
    this.scanned = i;
    if (i < complete) return false;
    if (src.count > complete) {
      const before = this.occurrences.length;
      const linesBefore = this.lines.length;
      this.scan(complete, src.line(complete) ?? '');
      this.tailLine = complete;
      this.tailOccurrences = this.occurrences.length - before;
      this.tailMatched = this.lines.length > linesBefore;
    }
    return true;
  }

  private scan(i: number, raw: string): void {
    const text = plainText(raw);
    this.re.lastIndex = 0;
    if (!this.re.test(text)) return;
    const ranges = findRanges(this.re, text);
    if (ranges.length === 0) return;
    this.lines.push(i);
    for (const [start, end] of ranges) {
      if (this.occurrences.length >= this.maxOccurrences) {
        this.capped = true;
        return;
      }
      this.occurrences.push({ line: i, start, end });
    }
  }

  /** The first occurrence at or after line `line` (wrapping), for "next" from where the reader is. */
  nextFrom(line: number): number {
    if (this.occurrences.length === 0) return -1;
    let lo = 0;
    let hi = this.occurrences.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.occurrences[mid]?.line ?? 0) < line) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.occurrences.length ? lo : 0;
  }
}
