// Sends one body (a whole small file or one part of a large one) with XMLHttpRequest, because fetch still
// reports no upload progress. Failures come back as S3Error (status 0 for a dropped connection).
import { S3Error, s3ErrorFrom } from '../../../lib/s3/client';

export interface SendRequest {
  method: 'PUT' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body: Blob | FormData;
  signal?: AbortSignal;
  /** Bytes of the body sent so far. */
  onProgress?: (loaded: number) => void;
}

export interface SendResult {
  status: number;
  /** The ETag header, quotes and all; null when CORS does not expose it. */
  etag: string | null;
}

export type Send = (r: SendRequest) => Promise<SendResult>;

export function abortError(): DOMException {
  return new DOMException('The upload was cancelled', 'AbortError');
}

export const xhrSend: Send = (r) =>
  new Promise<SendResult>((resolve, reject) => {
    if (r.signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(r.method, r.url);
    for (const [k, v] of Object.entries(r.headers ?? {})) xhr.setRequestHeader(k, v);
    const onAbort = () => xhr.abort();
    r.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => r.signal?.removeEventListener('abort', onAbort);
    if (r.onProgress) {
      const report = r.onProgress;
      xhr.upload.onprogress = (e) => report(e.loaded);
    }
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ status: xhr.status, etag: xhr.getResponseHeader('ETag') });
      } else {
        reject(s3ErrorFrom(xhr.status, typeof xhr.responseText === 'string' ? xhr.responseText : ''));
      }
    };
    xhr.onerror = () => {
      done();
      reject(new S3Error(0, 'NetworkError', 'The connection to the storage server was lost'));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      done();
      reject(abortError());
    };
    xhr.send(r.body);
  });

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
