// One file to one presigned PUT URL, with XMLHttpRequest (fetch still reports no upload progress). Only the
// URL's storage server is contacted: no cookies, no OSCAR API (docs/decisions/009-public-upload.md).
import { parseS3Error } from '../../../lib/s3/xml';

/** Why a PUT failed, in words for someone who has never heard of S3. */
export class PutError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'PutError';
    this.status = status;
    this.code = code;
  }
  /** The link itself no longer works (expired or refused): another try with it cannot help. */
  get refused(): boolean {
    return this.status === 403;
  }
}

export class PutCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'PutCancelled';
  }
}

/** The storage's answer to a failed PUT: its own Code and Message when it sent S3's XML error. */
export function putErrorFrom(status: number, body: string): PutError {
  const info = parseS3Error(body);
  if (info) {
    const expired = info.code === 'AccessDenied' && /expired/i.test(info.message);
    const lead = expired ? 'This upload link has expired.' : status === 403 ? 'The storage refused this upload.' : `The storage answered ${status}.`;
    return new PutError(status, info.code, `${lead} It said: ${info.code}: ${info.message || '(no message)'}`);
  }
  const plain = body.replace(/\s+/g, ' ').trim().slice(0, 300);
  if (status === 403) return new PutError(status, '', `The storage refused this upload (HTTP 403)${plain ? `: ${plain}` : ''}. The link may have expired or been withdrawn.`);
  return new PutError(status, '', `The storage answered HTTP ${status}${plain ? `: ${plain}` : ''}.`);
}

export interface PutRequest {
  url: string;
  file: Blob;
  headers: Record<string, string>;
  onProgress: (loaded: number) => void;
  signal: AbortSignal;
}

export function putFile(r: PutRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    if (r.signal.aborted) return reject(new PutCancelled());
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', r.url);
    for (const [k, v] of Object.entries(r.headers)) xhr.setRequestHeader(k, v);
    const onAbort = () => xhr.abort();
    r.signal.addEventListener('abort', onAbort, { once: true });
    const done = () => r.signal.removeEventListener('abort', onAbort);
    xhr.upload.onprogress = (e) => r.onProgress(e.loaded);
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        r.onProgress(r.file.size);
        resolve();
      } else reject(putErrorFrom(xhr.status, typeof xhr.responseText === 'string' ? xhr.responseText : ''));
    };
    xhr.onerror = () => {
      done();
      reject(new PutError(0, 'NetworkError', 'The connection to the storage server failed. Check your internet connection and press Retry.'));
    };
    xhr.onabort = () => {
      done();
      reject(new PutCancelled());
    };
    xhr.send(r.file);
  });
}

/**
 * The header that keeps the sender's file name with the object. The key is the link's slot, fixed when it was
 * signed; Content-Disposition is a plain header S3 and MinIO store with a PUT without it being signed, and a
 * later download saves the file under this name.
 */
export function dispositionFor(name: string): string {
  // RFC 6266/8187: an ASCII fallback and the exact name in UTF-8.
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
