// Following a log that the server only ever sends whole. OSCAR has no streaming endpoint for job logs
// (see ../shared/oscar-api/NOTES.md): each poll returns the log so far, so the viewer keeps what it has
// and appends only the new characters. A last line without its newline yet is "partial" and may grow
// on the next poll. A log that got shorter, or whose start changed, was restarted (the pod ran again):
// the buffer starts over and keeps the previous lines aside for download.
//
// Deployment logs are different: the server returns a window of the last N entries, so
// `diffWindow` finds where the new window overlaps the lines already shown.
import { splitStamp } from './log-text';

/** Enough of the last text seen to recognise the next one as its continuation without keeping it. */
export interface LogSnapshot {
  length: number;
  head: string;
  tail: string;
}

export type LogDiff =
  | { kind: 'same' }
  | { kind: 'append'; text: string }
  | { kind: 'reset'; text: string; reason: 'shorter' | 'changed' };

// Comparing a fixed-size head and tail instead of the whole prefix keeps each poll of a 10 MB log
// O(new text). A log is append-only unless the job restarted, and a restart changes the head (new
// timestamps) or the length, so these samples catch it.
const SAMPLE = 512;

export function snapshotOf(text: string): LogSnapshot {
  return { length: text.length, head: text.slice(0, SAMPLE), tail: text.slice(Math.max(0, text.length - SAMPLE)) };
}

/** What changed between the text seen last (`prev`) and the server's whole text now. */
export function diffLog(prev: LogSnapshot | null, next: string): LogDiff {
  if (!prev || prev.length === 0) return next.length === 0 ? { kind: 'same' } : { kind: 'append', text: next };
  if (next.length < prev.length) return { kind: 'reset', text: next, reason: 'shorter' };
  const sameStart = next.startsWith(prev.head);
  const sameEnd = next.slice(prev.length - prev.tail.length, prev.length) === prev.tail;
  if (!sameStart || !sameEnd) return { kind: 'reset', text: next, reason: 'changed' };
  if (next.length === prev.length) return { kind: 'same' };
  return { kind: 'append', text: next.slice(prev.length) };
}

export interface ResetInfo {
  reason: 'shorter' | 'changed' | 'window';
  /** The lines shown before the restart (for download). */
  previous: string[];
  at: number;
}

/**
 * The lines of one log as they arrive. Mutable on purpose: a 100,000-line log grows by pushes, and
 * `version` tells React when to render again (the viewer subscribes to it).
 */
export class LogBuffer {
  /** Complete lines (without their timestamp). */
  readonly lines: string[] = [];
  /** The server's timestamp of each line, when asked for (`timestamps=true`). */
  readonly stamps: (string | undefined)[] = [];
  /** The last line while it has no newline yet. */
  partial: string | null = null;
  partialStamp: string | undefined = undefined;
  version = 0;
  /** Bumped on a restart: anything indexed by line number must start over. */
  generation = 0;
  lastReset: ResetInfo | null = null;
  /** Times lines were missed between two windows of a deployment log. */
  gaps = 0;
  /** Longest line in characters, for the width of the unwrapped view. */
  maxLength = 0;
  private snapshot: LogSnapshot | null = null;
  /** The partial line as received (stamp included), to join with what comes next. */
  private partialRaw = '';
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

  /** Feeds the server's whole text; returns what happened and how many lines are new. */
  applyText(text: string): { diff: LogDiff['kind']; added: number } {
    const diff = diffLog(this.snapshot, text);
    this.snapshot = snapshotOf(text);
    if (diff.kind === 'same') return { diff: 'same', added: 0 };
    if (diff.kind === 'reset') this.reset(diff.reason);
    const before = this.count;
    this.appendChars(diff.text);
    this.bump();
    // A partial last line that grew is not a new line, but it is a change (version) to render.
    return { diff: diff.kind, added: this.count - before };
  }

  /**
   * Adds whole lines (deployment log entries): after `reset` when the window did not overlap, or
   * noting a `gap` when some entries were missed between two windows.
   */
  appendEntries(entries: readonly { text: string; stamp?: string | undefined }[], { reset = false, gap = false } = {}): number {
    if (reset) this.reset('window');
    if (gap) this.gaps++;
    for (const e of entries) {
      for (const part of e.text.split('\n')) this.push(part.endsWith('\r') ? part.slice(0, -1) : part, e.stamp);
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

  private reset(reason: ResetInfo['reason']): void {
    const previous = this.toText(true).split('\n');
    previous.pop();
    this.lastReset = { reason, previous, at: Date.now() };
    this.lines.length = 0;
    this.stamps.length = 0;
    this.partial = null;
    this.partialRaw = '';
    this.partialStamp = undefined;
    this.maxLength = 0;
    this.generation++;
  }

  private appendChars(text: string): void {
    const combined = this.partialRaw + text;
    this.partialRaw = '';
    this.partial = null;
    this.partialStamp = undefined;
    const parts = combined.split('\n');
    const last = parts.pop() ?? '';
    for (const raw of parts) {
      const { stamp, text: line } = splitStamp(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
      this.push(line, stamp);
    }
    if (last !== '') {
      this.partialRaw = last;
      const { stamp, text: line } = splitStamp(last);
      this.partial = line;
      this.partialStamp = stamp;
      if (line.length > this.maxLength) this.maxLength = line.length;
    }
  }

  private push(line: string, stamp: string | undefined): void {
    this.lines.push(line);
    this.stamps.push(stamp);
    if (line.length > this.maxLength) this.maxLength = line.length;
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
