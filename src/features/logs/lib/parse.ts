// Turning the bytes of a followed job log into lines, one poll at a time, doing only the new work: the
// bytes past those seen are decoded (lib/log-bytes), split into lines, the server's timestamps split
// off, and each line given the colour style it starts in (lib/log-ansi). This runs in a Web Worker in
// the browser (lib/log-worker) and in the calling thread where there is none (tests): one code path.
import { diffBytes, snapshotBytes, Utf8Stream, type ByteSnapshot } from './bytes';
import { styleAfter, type SgrStyle } from './ansi';
import { splitStamp } from './text';

/** Why a log started over: it got shorter or its start changed (the job ran again), or the parser started over (`reload`). */
export type ResetReason = 'shorter' | 'changed' | 'reload';

export interface PartialLine {
  text: string;
  stamp: string | undefined;
  style: SgrStyle | undefined;
}

/** What one poll added: complete lines (with their stamps and starting styles) and the new last line. */
export interface LogChunk {
  kind: 'same' | 'append' | 'reset';
  reason?: ResetReason;
  /** Complete lines, without their timestamp or line end. After a reset, the new log's lines. */
  lines: string[];
  stamps: (string | undefined)[];
  /** The style each line starts in, carried from the lines before it (undefined: the default). */
  styles: (SgrStyle | undefined)[];
  /**
   * The last line while it has no newline yet; it replaces the previous one (which the lines above
   * include once it has ended). A poll's answer handed over in pieces (`splitChunk`) has it on the last.
   */
  partial: PartialLine | null;
  /** Longest of `lines` and `partial`, in characters. */
  maxLength: number;
  /** Bytes of the log seen so far. */
  bytes: number;
}

const SAME = (bytes: number): LogChunk => ({ kind: 'same', lines: [], stamps: [], styles: [], partial: null, maxLength: 0, bytes });

export class LogParser {
  private snapshot: ByteSnapshot | null = null;
  private readonly utf8 = new Utf8Stream();
  /** The last line as received (stamp included) while it has no newline, to join with what comes next. */
  private partialRaw = '';
  /** The style the next line (or the partial one) starts in. */
  private style: SgrStyle | undefined = undefined;
  private reload: boolean;

  /** `reload`: this parser replaces one whose lines are already shown; its first answer starts them over. */
  constructor({ reload = false }: { reload?: boolean } = {}) {
    this.reload = reload;
  }

  /** Feeds the server's whole body as it stands now. */
  feed(body: Uint8Array): LogChunk {
    const diff = diffBytes(this.snapshot, body);
    this.snapshot = snapshotBytes(body);
    if (diff.kind === 'same') return SAME(body.length);
    let from = 0;
    let kind: LogChunk['kind'] = 'append';
    let reason: ResetReason | undefined;
    if (diff.kind === 'reset') {
      kind = 'reset';
      reason = diff.reason;
      this.utf8.reset();
      this.partialRaw = '';
      this.style = undefined;
    } else from = diff.from;
    if (this.reload) {
      this.reload = false;
      kind = 'reset';
      reason = 'reload';
    }
    const { text, pending } = this.utf8.decode(body.subarray(from));
    return { kind, ...(reason ? { reason } : {}), ...this.split(text, pending), bytes: body.length };
  }

  private split(text: string, pending: boolean): Pick<LogChunk, 'lines' | 'stamps' | 'styles' | 'partial' | 'maxLength'> {
    const lines: string[] = [];
    const stamps: (string | undefined)[] = [];
    const styles: (SgrStyle | undefined)[] = [];
    let maxLength = 0;
    const combined = this.partialRaw + text;
    let start = 0;
    for (let nl = combined.indexOf('\n'); nl >= 0; nl = combined.indexOf('\n', start)) {
      const end = nl > start && combined.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const { stamp, text: line } = splitStamp(combined.slice(start, end));
      lines.push(line);
      stamps.push(stamp);
      styles.push(this.style);
      this.style = styleAfter(this.style, line);
      if (line.length > maxLength) maxLength = line.length;
      start = nl + 1;
    }
    this.partialRaw = combined.slice(start);
    let partial: PartialLine | null = null;
    // Bytes held back (half a character) show as U+FFFD until completed, as decoding the log as it stands would.
    const shown = pending ? `${this.partialRaw}\ufffd` : this.partialRaw;
    if (shown !== '') {
      const { stamp, text: line } = splitStamp(shown);
      partial = { text: line, stamp, style: this.style };
      if (line.length > maxLength) maxLength = line.length;
    }
    return { lines, stamps, styles, partial, maxLength };
  }
}

/**
 * A chunk cut into pieces of at most `maxLines` lines, so that the thread receiving them handles each in
 * a short task. Only the first can be a reset; only the last carries the partial line.
 */
export function splitChunk(chunk: LogChunk, maxLines: number): LogChunk[] {
  if (chunk.lines.length <= maxLines) return [chunk];
  const out: LogChunk[] = [];
  for (let at = 0; at < chunk.lines.length; at += maxLines) {
    const lines = chunk.lines.slice(at, at + maxLines);
    const last = at + maxLines >= chunk.lines.length;
    let maxLength = 0;
    for (const l of lines) if (l.length > maxLength) maxLength = l.length;
    if (last && chunk.partial && chunk.partial.text.length > maxLength) maxLength = chunk.partial.text.length;
    out.push({
      kind: at === 0 ? chunk.kind : 'append',
      ...(at === 0 && chunk.reason ? { reason: chunk.reason } : {}),
      lines,
      stamps: chunk.stamps.slice(at, at + maxLines),
      styles: chunk.styles.slice(at, at + maxLines),
      partial: last ? chunk.partial : null,
      maxLength,
      bytes: chunk.bytes,
    });
  }
  return out;
}
