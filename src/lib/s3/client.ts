// The S3 calls Lagoon makes with credentials (multipart control, listing in-progress uploads, deletes),
// each signed in its headers. Part bodies do not go through here: they go by XHR to presigned URLs so the
// browser reports upload progress (./upload-transport.ts).
import { hasDotSegment, objectUrl, signHeaders, type S3Credentials } from './sign';
import {
  completeBody,
  deleteBody,
  parseDeleteResult,
  parseInitiate,
  parseListObjects,
  parseListParts,
  parseListUploads,
  parseS3Error,
  type InProgressUpload,
  type ListedObject,
  type StoredPart,
} from './xml';

export class S3Error extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message || code || `Storage request failed with status ${status}`);
    this.name = 'S3Error';
    this.status = status;
    this.code = code;
  }
}

export function isS3Error(e: unknown): e is S3Error {
  return e instanceof S3Error;
}

/** An S3 answer turned into an S3Error: the XML error's code and message when there is one. */
export function s3ErrorFrom(status: number, body: string): S3Error {
  const info = parseS3Error(body);
  if (info) return new S3Error(status, info.code, info.message || info.code);
  const plain = body.trim().slice(0, 300);
  return new S3Error(status, '', plain || STATUS_WORDS[status] || `Storage request failed with status ${status}`);
}

const STATUS_WORDS: Record<number, string> = {
  403: 'Access denied by the storage server',
  404: 'Not found on the storage server',
  413: 'Too large for the storage server',
  500: 'The storage server had an internal error',
  503: 'The storage server is busy',
};

export type FailureKind =
  | 'network'
  | 'expired'
  | 'permission'
  | 'quota'
  | 'too-large'
  | 'bucket-gone'
  | 'upload-gone'
  | 'busy'
  | 'other';

/** What a failure means for the uploader: retry, renew credentials, or stop and tell the user. */
export function classifyFailure(e: unknown): FailureKind {
  if (!isS3Error(e)) return 'other';
  const { status, code, message } = e;
  if (status === 0) return 'network';
  if (code === 'NoSuchBucket') return 'bucket-gone';
  if (code === 'NoSuchUpload') return 'upload-gone';
  if (code === 'ExpiredToken' || code === 'InvalidAccessKeyId' || code === 'SignatureDoesNotMatch' || code === 'TokenRefreshRequired') {
    return 'expired';
  }
  if (status === 403 && /expired/i.test(message)) return 'expired';
  if (code === 'QuotaExceeded' || code === 'XMinioAdminBucketQuotaExceeded' || /quota/i.test(message)) return 'quota';
  if (status === 413 || code === 'EntityTooLarge') return 'too-large';
  if (status === 403 || code === 'AccessDenied') return 'permission';
  if (status === 404) return 'bucket-gone';
  if (status === 408 || status === 429 || status >= 500 || code === 'SlowDown' || code === 'RequestTimeout') return 'busy';
  return 'other';
}

/** Failures worth trying again on their own, after a pause. */
export function isTransient(kind: FailureKind): boolean {
  return kind === 'network' || kind === 'busy';
}

type Query = Record<string, string>;

async function call(
  c: S3Credentials,
  method: string,
  bucket: string,
  key: string | undefined,
  query: Query | undefined,
  init: { body?: string; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Response> {
  const url = objectUrl(c.endpoint, bucket, key, query);
  const signed = await signHeaders(c, { method, url, headers: init.headers, body: init.body });
  let res: Response;
  try {
    res = await fetch(signed.url, { method, headers: signed.headers, body: init.body, credentials: 'omit', signal: init.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new S3Error(0, 'NetworkError', `Cannot reach the storage server at ${c.endpoint}`);
  }
  if (!res.ok) throw s3ErrorFrom(res.status, await res.text().catch(() => ''));
  return res;
}

/** S3 may answer 200 with an error inside (CompleteMultipartUpload does when it fails late). */
async function okText(res: Response): Promise<string> {
  const body = await res.text();
  const err = parseS3Error(body);
  if (err) throw new S3Error(res.status === 200 ? 500 : res.status, err.code, err.message);
  return body;
}

export async function createMultipart(c: S3Credentials, bucket: string, key: string, contentType: string): Promise<string> {
  const res = await call(c, 'POST', bucket, key, { uploads: '' }, { headers: { 'Content-Type': contentType } });
  return parseInitiate(await okText(res));
}

export async function completeMultipart(
  c: S3Credentials,
  bucket: string,
  key: string,
  uploadId: string,
  parts: readonly { partNumber: number; etag: string }[],
): Promise<void> {
  const res = await call(c, 'POST', bucket, key, { uploadId }, { body: completeBody(parts), headers: { 'Content-Type': 'application/xml' } });
  await okText(res);
}

export async function abortMultipart(c: S3Credentials, bucket: string, key: string, uploadId: string): Promise<void> {
  try {
    await call(c, 'DELETE', bucket, key, { uploadId });
  } catch (e) {
    // Already gone is what we wanted.
    if (isS3Error(e) && e.code === 'NoSuchUpload') return;
    throw e;
  }
}

/** Every part the server holds for an upload, following the pages. */
export async function listParts(c: S3Credentials, bucket: string, key: string, uploadId: string): Promise<StoredPart[]> {
  const all: StoredPart[] = [];
  let marker = '';
  for (let i = 0; i < 100; i++) {
    const query: Query = { uploadId, 'max-parts': '1000' };
    if (marker) query['part-number-marker'] = marker;
    const page = parseListParts(await okText(await call(c, 'GET', bucket, key, query)));
    all.push(...page.parts);
    if (!page.truncated || !page.nextMarker) break;
    marker = page.nextMarker;
  }
  return all;
}

export async function listUploads(c: S3Credentials, bucket: string, prefix = ''): Promise<InProgressUpload[]> {
  const all: InProgressUpload[] = [];
  let keyMarker = '';
  let idMarker = '';
  for (let i = 0; i < 100; i++) {
    const query: Query = { uploads: '' };
    if (prefix) query.prefix = prefix;
    if (keyMarker) query['key-marker'] = keyMarker;
    if (idMarker) query['upload-id-marker'] = idMarker;
    const page = parseListUploads(await okText(await call(c, 'GET', bucket, undefined, query)));
    all.push(...page.uploads);
    if (!page.truncated) break;
    keyMarker = page.nextKey;
    idMarker = page.nextUploadId;
  }
  return all;
}

/** Keys under a prefix (ListObjectsV2), at most `limit`. */
export async function listObjects(c: S3Credentials, bucket: string, prefix: string, limit = 100_000): Promise<ListedObject[]> {
  const all: ListedObject[] = [];
  let token = '';
  while (all.length < limit) {
    const query: Query = { 'list-type': '2', prefix };
    if (token) query['continuation-token'] = token;
    const page = parseListObjects(await okText(await call(c, 'GET', bucket, undefined, query)));
    all.push(...page.objects);
    if (!page.truncated || !page.next) break;
    token = page.next;
  }
  return all;
}

export async function headObject(c: S3Credentials, bucket: string, key: string): Promise<{ size: number } | null> {
  try {
    const res = await call(c, 'HEAD', bucket, key, undefined);
    return { size: Number(res.headers.get('Content-Length') ?? 0) };
  } catch (e) {
    if (isS3Error(e) && e.status === 404 && e.code !== 'NoSuchBucket') return null;
    throw e;
  }
}

export interface DeleteOutcome {
  deleted: string[];
  failed: { key: string; message: string }[];
}

async function deleteOne(c: S3Credentials, bucket: string, key: string): Promise<void> {
  await call(c, 'DELETE', bucket, key, undefined);
}

/** The multi-object delete, for keys a URL path cannot carry (see hasDotSegment). */
async function deleteBatch(c: S3Credentials, bucket: string, keys: readonly string[]): Promise<DeleteOutcome> {
  const body = deleteBody(keys);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  let bin = '';
  for (const b of new Uint8Array(digest)) bin += String.fromCharCode(b);
  const res = await call(c, 'POST', bucket, undefined, { delete: '' }, {
    body,
    headers: { 'Content-Type': 'application/xml', 'x-amz-checksum-sha256': btoa(bin) },
  });
  const r = parseDeleteResult(await okText(res));
  return { deleted: r.deleted, failed: r.errors.map((e) => ({ key: e.key, message: e.message || e.code })) };
}

/** Deletes each key on its own (no Content-MD5 needed, one failure does not stop the rest). */
export async function deleteObjects(c: S3Credentials, bucket: string, keys: readonly string[], concurrency = 8): Promise<DeleteOutcome> {
  const out: DeleteOutcome = { deleted: [], failed: [] };
  const dotted = keys.filter(hasDotSegment);
  const queue = keys.filter((k) => !hasDotSegment(k));
  async function worker() {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      try {
        await deleteOne(c, bucket, key);
        out.deleted.push(key);
      } catch (e) {
        out.failed.push({ key, message: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
  for (let i = 0; i < dotted.length; i += 1000) {
    const batch = dotted.slice(i, i + 1000);
    try {
      const r = await deleteBatch(c, bucket, batch);
      out.deleted.push(...r.deleted);
      out.failed.push(...r.failed);
    } catch (e) {
      for (const key of batch) out.failed.push({ key, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
