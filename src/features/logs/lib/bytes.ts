// A followed job log arrives whole on every poll (OSCAR has no streaming endpoint, see
// ../shared/oscar-api/NOTES.md), as bytes. What is new is everything past the bytes already seen, so
// each poll decodes only those: O(new bytes), not O(log). A log is append-only unless the job restarted,
// and a restart changes the length or the start (new timestamps) or what sat before the old end, so a
// fixed-size head and tail sample of the bytes seen is enough to tell a continuation from a new log.

/** Enough of the bytes seen to recognise the next body as their continuation without keeping them. */
export interface ByteSnapshot {
  length: number;
  head: Uint8Array;
  tail: Uint8Array;
}

export type ByteDiff = { kind: 'same' } | { kind: 'append'; from: number } | { kind: 'reset'; reason: 'shorter' | 'changed' };

const SAMPLE = 512;

export function snapshotBytes(body: Uint8Array): ByteSnapshot {
  // Copies: the body's buffer is not ours to keep.
  return { length: body.length, head: body.slice(0, SAMPLE), tail: body.slice(Math.max(0, body.length - SAMPLE)) };
}

function equalAt(body: Uint8Array, at: number, sample: Uint8Array): boolean {
  if (at < 0 || at + sample.length > body.length) return false;
  for (let i = 0; i < sample.length; i++) if (body[at + i] !== sample[i]) return false;
  return true;
}

/** What changed between the bytes seen last (`prev`) and the server's whole body now. */
export function diffBytes(prev: ByteSnapshot | null, next: Uint8Array): ByteDiff {
  if (!prev || prev.length === 0) return next.length === 0 ? { kind: 'same' } : { kind: 'append', from: 0 };
  if (next.length < prev.length) return { kind: 'reset', reason: 'shorter' };
  if (!equalAt(next, 0, prev.head) || !equalAt(next, prev.length - prev.tail.length, prev.tail)) return { kind: 'reset', reason: 'changed' };
  return next.length === prev.length ? { kind: 'same' } : { kind: 'append', from: prev.length };
}

/**
 * How many bytes at the end of `b` start a UTF-8 character that the next bytes may complete (0 to 3).
 * Only a valid beginning counts: bytes that can never become a character are decoded (to U+FFFD) now,
 * exactly as a decoder reading the whole log would.
 */
export function incompleteTail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const lead = b[b.length - k] ?? 0;
    if (lead < 0x80) return 0;
    if (lead < 0xc0) continue; // a continuation byte: its lead is further back
    const need = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (need <= k) return 0;
    if (k >= 2) {
      // The byte after the lead has a narrower range for these leads (no overlongs, surrogates or > U+10FFFF).
      const second = b[b.length - k + 1] ?? 0;
      const [lo, hi] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      if (second < lo || second > hi) return 0;
    }
    return k;
  }
  return 0;
}

/**
 * Bytes to text, a piece at a time, giving the same text as decoding all the bytes at once (invalid
 * UTF-8 becomes U+FFFD, see decodeLog): a character split between two polls is held back until its
 * last byte arrives. `pending` says some bytes are held; a decoder reading the log as it stands would
 * show them as one U+FFFD, and so does the viewer until they are complete.
 */
export class Utf8Stream {
  private held = new Uint8Array(0);
  private started = false;
  // The first piece drops a byte order mark as decodeLog does; later pieces must keep one as text.
  private readonly first = new TextDecoder('utf-8', { fatal: false });
  private readonly rest = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

  decode(bytes: Uint8Array): { text: string; pending: boolean } {
    let all = bytes;
    if (this.held.length > 0) {
      all = new Uint8Array(this.held.length + bytes.length);
      all.set(this.held);
      all.set(bytes, this.held.length);
    }
    const keep = incompleteTail(all);
    const text = (this.started ? this.rest : this.first).decode(all.subarray(0, all.length - keep));
    if (all.length - keep > 0) this.started = true;
    this.held = all.slice(all.length - keep);
    return { text, pending: keep > 0 };
  }

  reset(): void {
    this.held = new Uint8Array(0);
    this.started = false;
  }
}
