// Getting objects out: download (one file, or several as a zip), a share link with its expiry, and a URL
// for the preview panel. URLs come from OSCAR's presign, which works for every user; a download with
// S3 credentials asks the storage to send it as an attachment so large files stream to disk.
import { Zip, ZipPassThrough } from 'fflate';
import type { PresignResponse } from '../../../api/types';
import { presign, s3Credentials } from '../../../lib/s3-oscar';
import { presignUrl } from '../../../lib/s3-sign';
import { browserCannotFetch, DotKeyError } from '../lib/dot-keys';

/** Above this a download is handed to the browser as a link instead of being read into memory first. */
const IN_MEMORY_LIMIT = 256 * 1024 * 1024;

function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1) || 'download';
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function fetchObject(bucket: string, key: string, signal?: AbortSignal, range?: string): Promise<Response> {
  // The screens offer commands for such keys instead; this guards against fetching another object.
  if (browserCannotFetch(key)) throw new DotKeyError(key);
  const p = await presign(bucket, key, 'download');
  const res = await fetch(p.url ?? '', { headers: { ...(p.headers ?? {}), ...(range ? { Range: range } : {}) }, signal, credentials: 'omit' });
  if (!res.ok && res.status !== 206) throw new Error(`The storage answered ${res.status} for ${key}`);
  return res;
}

export async function downloadObject(bucket: string, key: string, size: number): Promise<void> {
  if (browserCannotFetch(key)) throw new DotKeyError(key);
  const name = baseName(key);
  if (size > IN_MEMORY_LIMIT) {
    const c = await s3Credentials();
    const url = c
      ? await presignUrl(c, {
          method: 'GET',
          bucket,
          key,
          query: { 'response-content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` },
          expiresIn: 3600,
        })
      : ((await presign(bucket, key, 'download')).url ?? '');
    const a = document.createElement('a');
    a.href = url;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    return;
  }
  save(await (await fetchObject(bucket, key)).blob(), name);
}

/** Several objects as one zip (stored, not compressed: most scientific data is already compressed). */
export async function downloadZip(bucket: string, keys: readonly string[], prefix: string, onProgress?: (done: number) => void): Promise<void> {
  const unreachable = keys.find(browserCannotFetch);
  if (unreachable !== undefined) throw new DotKeyError(unreachable);
  const chunks: Uint8Array[] = [];
  const finished = new Promise<void>((resolve, reject) => {
    const zip = new Zip((err, data, final) => {
      if (err) return reject(err);
      chunks.push(data);
      if (final) resolve();
    });
    void (async () => {
      try {
        let done = 0;
        for (const key of keys) {
          const entry = new ZipPassThrough(key.startsWith(prefix) ? key.slice(prefix.length) : key);
          zip.add(entry);
          const body = (await fetchObject(bucket, key)).body;
          if (body) {
            const reader = body.getReader();
            for (;;) {
              const { value, done: end } = await reader.read();
              if (end) break;
              entry.push(value);
            }
          }
          entry.push(new Uint8Array(0), true);
          onProgress?.(++done);
        }
        zip.end();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    })();
  });
  await finished;
  save(new Blob(chunks as BlobPart[], { type: 'application/zip' }), `${bucket}${prefix ? `-${prefix.replace(/\/$/, '').replace(/\//g, '-')}` : ''}.zip`);
}

/** A presigned GET. For a key with "." or ".." folders it works with `curl --path-as-is`, not in a browser. */
export function shareLink(bucket: string, key: string, expiresIn: number): Promise<PresignResponse> {
  return presign(bucket, key, 'download', { expiresIn });
}
