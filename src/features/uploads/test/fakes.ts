// Shared by the upload tests: Node's Blob/File (jsdom's lack arrayBuffer and do not mix with fetch), a
// fetch-based sender (jsdom has no real XHR upload), the demo cluster's S3 as the backend, and files with
// known bytes.
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { DEMO_ENDPOINT } from '../../../api/demo';
import { S3Error, s3ErrorFrom } from '../../../lib/s3/client';
import type { S3Credentials } from '../../../lib/s3/sign';
import type { PresignedPut, UploadBackend } from '../lib/queue';
import type { Send } from '../lib/transport';
import { abortError } from '../lib/transport';

export async function useNodeBlobs(): Promise<void> {
  // Response.formData() hands back the runtime's own FormData, which fetch can send.
  const nodeForm = await new Response(new URLSearchParams('a=b')).formData();
  Object.assign(globalThis, { Blob: NodeBlob, File: NodeFile, FormData: nodeForm.constructor });
}

/** Bytes that differ per position and seed, so a misplaced part changes the hash. */
export function fileOf(size: number, name = 'data.bin', seed = 1, lastModified = 1_700_000_000_000): File {
  const bytes = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return new File([bytes], name, { lastModified, type: '' });
}

export async function sha256(data: Blob): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', await data.arrayBuffer());
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SendLog {
  send: Send;
  /** Requests in flight at the busiest moment. */
  maxInFlight: () => number;
  urls: string[];
}

export function fetchSend(options: { onSent?: (url: string) => void } = {}): SendLog {
  let inFlight = 0;
  let max = 0;
  const urls: string[] = [];
  const send: Send = async (r) => {
    if (r.signal?.aborted) throw abortError();
    inFlight++;
    max = Math.max(max, inFlight);
    urls.push(r.url);
    try {
      let res: Response;
      try {
        res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body, signal: r.signal });
      } catch (e) {
        if (r.signal?.aborted) throw abortError();
        throw new S3Error(0, 'NetworkError', e instanceof Error ? e.message : 'network');
      }
      if (!res.ok) throw s3ErrorFrom(res.status, await res.text());
      r.onProgress?.(r.body instanceof Blob ? r.body.size : 0);
      options.onSent?.(r.url);
      return { status: res.status, etag: res.headers.get('ETag') };
    } finally {
      inFlight--;
    }
  };
  return { send, maxInFlight: () => max, urls };
}

/** The app's backend, on the demo cluster: /system/config's keys, or only presigned PUTs. */
export function demoBackend(auth: string, options: { presignOnly?: boolean } = {}): UploadBackend & { renewals: number } {
  let creds: S3Credentials | null = null;
  const load = async (): Promise<S3Credentials | null> => {
    if (options.presignOnly) return null;
    const res = await fetch(`${DEMO_ENDPOINT}/system/config`, { headers: { Authorization: auth } });
    const m = ((await res.json()) as { minio_provider: { endpoint: string; region: string; access_key: string; secret_key: string } }).minio_provider;
    return { endpoint: m.endpoint, region: m.region, accessKey: m.access_key, secretKey: m.secret_key };
  };
  const backend = {
    renewals: 0,
    async credentials() {
      creds ??= await load();
      return creds;
    },
    async renewCredentials() {
      backend.renewals++;
      creds = await load();
      return creds;
    },
    async presignPut(bucket: string, key: string, contentType: string): Promise<PresignedPut> {
      const res = await fetch(`${DEMO_ENDPOINT}/system/buckets/${encodeURIComponent(bucket)}/presign`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ object_key: key, operation: 'upload', content_type: contentType }),
      });
      if (!res.ok) throw new S3Error(res.status, '', await res.text());
      return (await res.json()) as PresignedPut;
    },
  };
  return backend;
}
