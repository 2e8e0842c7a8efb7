// The lines of one log as the viewer shows them. A job log is polled whole (OSCAR has no streaming
// endpoint, see ../shared/oscar-api/NOTES.md); the parser (lib/log-parse, in a worker) turns each
// answer into what is new, and the buffer appends it. A last line without its newline yet is "partial"
// and may grow on the next poll. A log that started over (the pod ran again) empties the buffer, which
// keeps the previous lines aside for download.
//
// Deployment logs are different: the server returns a window of the last N entries, so
// `diffWindow` finds where the new window overlaps the lines already shown.
import { styleAfter, type SgrStyle } from './ansi';
import { LogParser, type LogChunk } from './parse';

export interface ResetInfo {
  reason: 'shorter' | 'changed' | 'window';
  /** The lines shown before the restart (for download). */
  previous: string[];
  at: number;
}

const encoder = new TextEncoder();

/**
 * The lines of one log as they arrive. Mutable on purpose: a 100,000-line log grows by pushes, and
 * `version` tells React when to render again (the viewer subscribes to it).
 */
export class LogBuffer {
  /** Complete lines (without their timestamp). */
  readonly lines: string[] = [];
  /** The server's timestamp of each line, when asked for (`timestamps=true`). */
  readonly stamps: (string | undefined)[] = [];
  /** The colour style each line starts in, carried over from the lines before it (see lib/log-ansi). */
  readonly styles: (SgrStyle | undefined)[] = [];
  /** The last line while it has no newline yet. */
  partial: string | null = null;
  partialStamp: string | undefined = undefined;
  partialStyle: SgrStyle | undefined = undefined;
  version = 0;
  /** Bumped on a restart: anything indexed by line number must start over. */
  generation = 0;
  lastReset: ResetInfo | null = null;
  /** Times lines were missed between two windows of a deployment log. */
  gaps = 0;
  /** Longest line in characters, for the width of the unwrapped view. */
  maxLength = 0;
  /** For `applyText`: a parser in this thread. */
  private parser: LogParser | null = null;
  /** The style the next deployment log entry starts in. */
  private entryStyle: SgrStyle | undefined = undefined;
  private listeners = new Set<() => void>();

  get count(): number {
    return this.lines.length + (this.partial === null ? 0 : 1);
  }

  line(i: number): string | undefined {
    return i < this.lines.length ? this.lines[i] : i === this.lines.length && this.partial !== null ? this.partial : undefined;
  }

  stamp(i: number): string | undefined {
    return i < this.stamps.length ? this.stamps[i] : i === this.lines.length ? this.partialStamp : undefined;
  }

  style(i: number): SgrStyle | undefined {
    return i < this.styles.length ? this.styles[i] : i === this.lines.length ? this.partialStyle : undefined;
  }

  /** Appends what the parser made of a poll's answer. O(lines in the chunk). */
  apply(chunk: LogChunk): { diff: LogChunk['kind']; added: number } {
    if (chunk.kind === 'same') return { diff: 'same', added: 0 };
    if (chunk.kind === 'reset') {
      if (chunk.reason === 'reload') this.clear();
      else this.reset(chunk.reason === 'shorter' ? 'shorter' : 'changed');
    }
    const before = this.count;
    // The previous partial line is either in chunk.lines now (it ended) or replaced by chunk.partial.
    const { lines, stamps, styles } = chunk;
    for (let i = 0; i < lines.length; i++) {
      this.lines.push(lines[i] ?? '');
      this.stamps.push(stamps[i]);
      this.styles.push(styles[i]);
    }
    this.partial = chunk.partial?.text ?? null;
    this.partialStamp = chunk.partial?.stamp;
    this.partialStyle = chunk.partial?.style;
    if (chunk.maxLength > this.maxLength) this.maxLength = chunk.maxLength;
    this.bump();
    // A partial last line that grew is not a new line, but it is a change (version) to render.
    return { diff: chunk.kind, added: this.count - before };
  }

  /**
   * Feeds the server's whole text, parsed in this thread: for tests and small logs. The viewer of a
   * followed job hands bytes to a worker instead (lib/log-feed) and calls `apply`.
   */
  applyText(text: string): { diff: LogChunk['kind']; added: number } {
    this.parser ??= new LogParser();
    return this.apply(this.parser.feed(encoder.encode(text)));
  }

  /**
   * Adds whole lines (deployment log entries): after `reset` when the window did not overlap, or
   * noting a `gap` when some entries were missed between two windows.
   */
  appendEntries(entries: readonly { text: string; stamp?: string | undefined }[], { reset = false, gap = false } = {}): number {
    if (reset) this.reset('window');
    if (gap) this.gaps++;
    for (const e of entries) {
      for (const part of e.text.split('\n')) {
        const line = part.endsWith('\r') ? part.slice(0, -1) : part;
        this.lines.push(line);
        this.stamps.push(e.stamp);
        this.styles.push(this.entryStyle);
        this.entryStyle = styleAfter(this.entryStyle, line);
        if (line.length > this.maxLength) this.maxLength = line.length;
      }
    }
    if (entries.length || reset) this.bump();
    return entries.length;
  }

  /** Everything, as text (for download): timestamps first when asked. */
  toText(withStamps: boolean, lines = this.lines, stamps = this.stamps): string {
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const s = stamps[i];
      out.push(withStamps && s ? `${s} ${lines[i]}` : (lines[i] ?? ''));
    }
    if (lines === this.lines && this.partial !== null) {
      out.push(withStamps && this.partialStamp ? `${this.partialStamp} ${this.partial}` : this.partial);
    }
    return out.length ? `${out.join('\n')}\n` : '';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A restart of the log: the lines so far are kept aside for download. Only on restarts, so O(n) is fine. */
  private reset(reason: ResetInfo['reason']): void {
    const previous = this.toText(true).split('\n');
    previous.pop();
    this.lastReset = { reason, previous, at: Date.now() };
    this.clear();
  }

  private clear(): void {
    this.lines.length = 0;
    this.stamps.length = 0;
    this.styles.length = 0;
    this.partial = null;
    this.partialStamp = undefined;
    this.partialStyle = undefined;
    this.entryStyle = undefined;
    this.maxLength = 0;
    this.generation++;
  }

  private bump(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}

export interface WindowEntry {
  text: string;
  stamp?: string | undefined;
}

export type WindowDiff = { kind: 'same' } | { kind: 'append'; entries: WindowEntry[]; gap: boolean } | { kind: 'reset'; entries: WindowEntry[] };

const key = (e: WindowEntry) => `${e.stamp ?? ''}\u0000${e.text}`;

/**
 * Where a window of the last entries continues the lines already shown (`known`, the last few of
 * them). The overlap is found by matching the known tail, up to `match` entries long, so that
 * repeated lines ("GET /health 200") do not line up at the wrong place. No overlap with newer
 * entries means some were missed (`gap`); no overlap with older ones means the log started over.
 */
export function diffWindow(known: readonly WindowEntry[], incoming: readonly WindowEntry[], match = 8): WindowDiff {
  if (incoming.length === 0) return { kind: 'same' };
  if (known.length === 0) return { kind: 'append', entries: [...incoming], gap: false };
  const tail = known.slice(-match).map(key);
  const keys = incoming.map(key);
  for (let end = keys.length - 1; end >= 0; end--) {
    if (keys[end] !== tail[tail.length - 1]) continue;
    let ok = true;
    for (let k = 1; k < tail.length && end - k >= 0; k++) {
      if (keys[end - k] !== tail[tail.length - 1 - k]) {
        ok = false;
        break;
      }
    }
    if (ok) return end === keys.length - 1 ? { kind: 'same' } : { kind: 'append', entries: incoming.slice(end + 1), gap: false };
  }
  const lastKnown = known[known.length - 1]?.stamp;
  const firstNew = incoming[0]?.stamp;
  if (lastKnown && firstNew && firstNew > lastKnown) return { kind: 'append', entries: [...incoming], gap: true };
  return { kind: 'reset', entries: [...incoming] };
}
