// Getting objects out: download (one file, or several as a zip), a share link with its expiry, and a URL
// for the preview panel. URLs come from OSCAR's presign, which works for every user, or are signed here with
// the session's S3 keys where a link must outlive OSCAR's hour (share, request files); a download with
// S3 credentials asks the storage to send it as an attachment so large files stream to disk.
import type { PresignResponse } from '../../../api/types';
import { useQuery } from '@tanstack/react-query';
import { connectionIdentity, presign, s3Credentials } from '../../../lib/s3/oscar';
import { presignUrl } from '../../../lib/s3/sign';
import { saveBlob } from '../../../components/save-file';
import { downloadZipOf, zipEntries, type ZipEntry, type ZipSink } from '../../../lib/s3/zip';
import { browserCannotFetch, DotKeyError } from '../lib/dot-keys';
import { withoutHiddenChars } from '../../../lib/text/hidden-chars';
import { encodeUploadLink, uploadPageAddress } from '../../../lib/public-upload/link';

/** Above this a download is handed to the browser as a link instead of being read into memory first. */
const IN_MEMORY_LIMIT = 256 * 1024 * 1024;

function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1) || 'download';
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
  // Saved without hidden characters, so the file is what its name says (src/lib/text/hidden-chars).
  const name = withoutHiddenChars(baseName(key));
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
  saveBlob(await (await fetchObject(bucket, key)).blob(), name);
}

export { canStreamToDisk, IN_MEMORY_ZIP_WARNING, type ZipSink } from '../../../lib/s3/zip';

/** Several objects of one bucket as one zip, streamed to `sink`, named by their key under `prefix`. */
export async function zipObjects(bucket: string, keys: readonly string[], prefix: string, sink: ZipSink, onProgress?: (done: number) => void): Promise<void> {
  const unreachable = keys.find(browserCannotFetch);
  if (unreachable !== undefined) throw new DotKeyError(unreachable);
  await zipEntries(entriesOf(bucket, keys, prefix), sink, (b, k) => fetchObject(b, k), onProgress);
}

function entriesOf(bucket: string, keys: readonly string[], prefix: string): ZipEntry[] {
  return keys.map((key) => ({ bucket, key, name: key.startsWith(prefix) ? key.slice(prefix.length) : key }));
}

/**
 * Downloads keys as one zip (src/lib/s3/zip.ts: to a picked file where the browser allows it, else built
 * in memory). Resolves false when the user closed the file picker. Call it from the click.
 */
export async function downloadZip(bucket: string, keys: readonly string[], prefix: string, onProgress?: (done: number) => void): Promise<boolean> {
  const unreachable = keys.find(browserCannotFetch);
  if (unreachable !== undefined) throw new DotKeyError(unreachable);
  const name = `${bucket}${prefix ? `-${prefix.replace(/\/$/, '').replace(/\//g, '-')}` : ''}.zip`;
  return downloadZipOf(name, entriesOf(bucket, keys, prefix), (b, k) => fetchObject(b, k), onProgress);
}

/**
 * A presigned GET, signed here with the session's S3 keys when the cluster gives them (up to 7 days), else by
 * OSCAR's presign (up to an hour: lib/link-expiry.ts). For a key with "." or ".." folders it works with
 * `curl --path-as-is`, not in a browser.
 */
export async function shareLink(bucket: string, key: string, expiresIn: number): Promise<PresignResponse> {
  const c = await s3Credentials();
  if (!c) return presign(bucket, key, 'download', { expiresIn });
  const now = Date.now();
  const url = await presignUrl(c, { method: 'GET', bucket, key, expiresIn, now });
  return { url, method: 'GET', object_key: key, operation: 'download', expires_at: new Date(now + expiresIn * 1000).toISOString() };
}

/** Whether Lagoon signs links itself for this session (it has the cluster's S3 keys), so they may outlive OSCAR's hour. */
export function useSignsLinks(): boolean | undefined {
  return useQuery({ queryKey: ['buckets', 'signs-links', connectionIdentity()], queryFn: async () => (await s3Credentials()) !== null, staleTime: Infinity }).data;
}

/** A link for someone without an account to send files into a folder (docs/decisions/009-public-upload.md). */
export interface RequestLink {
  /** The Lagoon page address, the signed URLs in its fragment. */
  address: string;
  expiresAt: number;
  /** The keys the files will have, in order. */
  keys: string[];
}

function slotStem(now: number): string {
  const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '');
  const random = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => (b % 36).toString(36)).join('');
  return `upload-${day}-${random}-`;
}

/**
 * One presigned PUT per file the requester allows, keys fixed now (`<folder>/upload-<day>-<random>-<n>`):
 * signed here with the session's S3 keys when the cluster gives them (any expiry up to 7 days, one signing
 * time so the link packs small), else by OSCAR's presign, which may cap the expiry (OSCAR 4.1 allows an hour).
 */
export async function requestFilesLink(bucket: string, prefix: string, count: number, expiresIn: number, loc: { origin: string; pathname: string }, embedded: boolean): Promise<RequestLink> {
  const now = Date.now();
  const stem = slotStem(now);
  const keys = Array.from({ length: count }, (_, i) => `${prefix}${stem}${i + 1}`);
  const c = await s3Credentials();
  let urls: string[];
  let headers: Record<string, string> = {};
  let expiresAt = now + expiresIn * 1000;
  if (c) {
    urls = await Promise.all(keys.map((key) => presignUrl(c, { method: 'PUT', bucket, key, expiresIn, now })));
  } else {
    const answers: PresignResponse[] = [];
    // One at a time: a cluster that refuses says so on the first, and a loaded one is not flooded.
    for (const key of keys) answers.push(await presign(bucket, key, 'upload', { expiresIn }));
    urls = answers.map((a) => a.url ?? '');
    headers = answers[0]?.headers ?? {};
    const times = answers.map((a) => Date.parse(a.expires_at ?? '')).filter(Number.isFinite);
    if (times.length) expiresAt = Math.min(...times);
  }
  const fragment = encodeUploadLink({ bucket, urls, headers });
  return { address: uploadPageAddress(fragment, loc, embedded), expiresAt, keys };
}
