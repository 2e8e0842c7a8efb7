// Objects as one zip, streamed to disk where the browser allows it: shared by the buckets' "Download
// selected" and the batch board's "Download outputs". Stored, not compressed (most scientific data is
// already compressed); each object's bytes go into the zip and on to the sink as they arrive, so only what
// the sink has not yet written is held in memory.
import { Zip, ZipPassThrough } from 'fflate';
import { saveBlob } from '../../components/save-file';
import { presign } from './oscar';
import { hasDotSegment } from './sign';

/** One object in the zip, under `name`. */
export interface ZipEntry {
  bucket: string;
  key: string;
  name: string;
}

/** Where a zip goes as it is made. */
export interface ZipSink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

/** Reads one object (a presigned GET, with the caller's checks). */
export type FetchObject = (bucket: string, key: string) => Promise<Response>;

/** Bytes handed to the sink but not yet written, before the zipping waits for the disk. */
const MAX_PENDING = 16 * 1024 * 1024;
/** Objects asked for ahead of the one being zipped. */
export const FETCH_AHEAD = 4;

export async function zipEntries(entries: readonly ZipEntry[], sink: ZipSink, fetchObject: FetchObject, onProgress?: (done: number) => void): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  let pending = 0;
  let failed: unknown = null;
  let finished = () => {};
  const ended = new Promise<void>((resolve) => (finished = resolve));
  const zip = new Zip((err, data, final) => {
    if (err) failed ??= err;
    else {
      pending += data.length;
      writing = writing.then(async () => {
        await sink.write(data);
        pending -= data.length;
      });
      writing.catch((e: unknown) => (failed ??= e));
    }
    if (final || err) finished();
  });
  // The next few objects are asked for while one is zipped (a presign and a GET each, mostly waiting),
  // and their bodies are read in order; a failure of one ahead shows when its turn comes.
  const started: Promise<Response>[] = [];
  const begin = (i: number) => {
    const e = entries[i];
    if (!e || started[i]) return;
    const p = fetchObject(e.bucket, e.key);
    p.catch(() => {});
    started[i] = p;
  };
  let at = 0;
  try {
    let done = 0;
    for (; at < entries.length; at++) {
      const e = entries[at]!;
      for (let k = at; k < at + FETCH_AHEAD; k++) begin(k);
      const entry = new ZipPassThrough(e.name);
      zip.add(entry);
      const body = (await started[at]!).body;
      if (body) {
        const reader = body.getReader();
        for (;;) {
          const { value, done: end } = await reader.read();
          if (end) break;
          entry.push(value);
          if (pending > MAX_PENDING) await writing;
          if (failed) throw failed;
        }
      }
      entry.push(new Uint8Array(0), true);
      onProgress?.(++done);
    }
    zip.end();
    await ended;
    await writing;
    if (failed) throw failed;
    await sink.close();
  } catch (e) {
    // Bodies asked for ahead and never read are let go.
    for (const p of started.slice(at + 1)) if (p) void p.then((r) => r.body?.cancel()).catch(() => {});
    zip.terminate();
    await sink.abort(e).catch(() => {});
    throw e instanceof Error ? e : new Error(String(e));
  }
}

type SavePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<FileSystemFileHandle>;

/** Whether this browser can write a download straight to a file the user picks (Chrome, Edge). */
export function canStreamToDisk(): boolean {
  return typeof (window as { showSaveFilePicker?: SavePicker }).showSaveFilePicker === 'function';
}

/** Zips above this are worth a warning where the zip has to be built in memory first. */
export const IN_MEMORY_ZIP_WARNING = 1024 * 1024 * 1024;

/**
 * Downloads entries as one zip named `name`: straight into a file the user picks where the browser allows
 * it (nothing kept in memory), else built in memory and saved at the end. Resolves false when the user
 * closed the file picker. Call it from the click: the picker needs the user's gesture.
 */
export async function downloadZipOf(name: string, entries: readonly ZipEntry[], fetchObject: FetchObject, onProgress?: (done: number) => void): Promise<boolean> {
  const picker = (window as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (picker) {
    let handle: FileSystemFileHandle;
    try {
      handle = await picker.call(window, { suggestedName: name, types: [{ description: 'Zip archive', accept: { 'application/zip': ['.zip'] } }] });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return false;
      throw e;
    }
    const file = await handle.createWritable();
    await zipEntries(entries, { write: (c) => file.write(c as Uint8Array<ArrayBuffer>), close: () => file.close(), abort: (r) => file.abort(r) }, fetchObject, onProgress);
    return true;
  }
  const chunks: Uint8Array[] = [];
  await zipEntries(
    entries,
    {
      write: async (c) => void chunks.push(c),
      close: async () => saveBlob(new Blob(chunks as BlobPart[], { type: 'application/zip' }), name),
      abort: async () => void (chunks.length = 0),
    },
    fetchObject,
    onProgress,
  );
  return true;
}

/** A presigned GET through OSCAR (any session), refusing keys no browser can fetch ("." or ".." folders). */
export async function fetchPresigned(bucket: string, key: string): Promise<Response> {
  if (hasDotSegment(key)) throw new Error(`${key} has "." or ".." folders, which no browser can download: use the bucket page's commands`);
  const p = await presign(bucket, key, 'download');
  const res = await fetch(p.url ?? '', { headers: p.headers ?? {}, credentials: 'omit' });
  if (!res.ok) throw new Error(`The storage answered ${res.status} for ${key}`);
  return res;
}
