// Reads an answer body as it streams in. /run can answer tens of MB (NOTES.md): the chunks are counted
// and kept for a Blob (which the browser may keep out of the JS heap), but only answers under a
// threshold are joined into one array in memory; above it only the first bytes are, as a preview.
// Progress is reported at most every `progressEvery` ms so a fast stream cannot flood the UI.

export interface ReadOptions {
  /** Answers up to this size are kept whole in memory (to show, detect and store). */
  inMemoryLimit?: number;
  /** Bytes kept as the preview of a larger answer. */
  previewBytes?: number;
  type?: string;
  signal?: AbortSignal;
  onProgress?: (received: number) => void;
  progressEvery?: number;
  now?: () => number;
}

export interface ReadResult {
  size: number;
  /** All bytes when `complete`, else the first `previewBytes`. */
  bytes: Uint8Array;
  complete: boolean;
  /** The whole answer. */
  blob: Blob;
  /** When the last byte came (same clock as `now`). */
  finishedAt: number;
}

export const IN_MEMORY_LIMIT = 8 * 1024 * 1024;
export const PREVIEW_LIMIT = 256 * 1024;
// Chunks are folded into a Blob every so often so millions of small chunks do not pile up as objects.
const FOLD_BYTES = 4 * 1024 * 1024;

export async function readAnswer(
  stream: ReadableStream<Uint8Array> | null,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const limit = options.inMemoryLimit ?? IN_MEMORY_LIMIT;
  const previewSize = Math.min(options.previewBytes ?? PREVIEW_LIMIT, limit);
  const now = options.now ?? (() => performance.now());
  const every = options.progressEvery ?? 100;
  const type = options.type ?? 'application/octet-stream';
  const folded: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let whole: Uint8Array[] | null = [];
  const preview = new Uint8Array(previewSize);
  let previewFill = 0;
  let size = 0;
  let lastReport = -Infinity;

  if (stream) {
    const reader = stream.getReader();
    const abort = () => void reader.cancel().catch(() => {});
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      for (;;) {
        if (options.signal?.aborted) throw new DOMException('The call was cancelled', 'AbortError');
        const { done, value } = await reader.read();
        if (done) break;
        if (!value?.length) continue;
        size += value.length;
        if (previewFill < previewSize) {
          const take = Math.min(previewSize - previewFill, value.length);
          preview.set(value.subarray(0, take), previewFill);
          previewFill += take;
        }
        if (whole) {
          whole.push(value);
          if (size > limit) whole = null;
        }
        pending.push(value);
        pendingBytes += value.length;
        if (pendingBytes >= FOLD_BYTES) {
          folded.push(new Blob(pending as Uint8Array<ArrayBuffer>[]));
          pending = [];
          pendingBytes = 0;
        }
        const t = now();
        if (options.onProgress && t - lastReport >= every) {
          lastReport = t;
          options.onProgress(size);
        }
      }
      if (options.signal?.aborted) throw new DOMException('The call was cancelled', 'AbortError');
    } finally {
      options.signal?.removeEventListener('abort', abort);
      reader.releaseLock();
    }
  }
  options.onProgress?.(size);
  const blob = new Blob([...folded, ...(pending as Uint8Array<ArrayBuffer>[])], { type });
  let bytes: Uint8Array;
  if (whole) {
    bytes = new Uint8Array(size);
    let o = 0;
    for (const c of whole) {
      bytes.set(c, o);
      o += c.length;
    }
  } else {
    bytes = preview.slice(0, previewFill);
  }
  return { size, bytes, complete: whole !== null, blob, finishedAt: now() };
}
