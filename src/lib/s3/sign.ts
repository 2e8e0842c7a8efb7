// S3 request signing (AWS Signature Version 4) in the browser, with aws4fetch over WebCrypto. Credentials
// come from OSCAR's /system/config and live in memory only (see docs/decisions/004-uploads.md).
import { AwsV4Signer } from 'aws4fetch';

export interface S3Credentials {
  /** The S3/MinIO endpoint, e.g. https://minio.example.org (path-style addressing is used). */
  endpoint: string;
  region: string;
  accessKey: string;
  secretKey: string;
}

/** Each path segment encoded on its own, so "/" separates folders and "%2F" in a name stays a literal. */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/**
 * "." and ".." segments cannot travel in a URL path: every browser folds them away (a key "../x" would be
 * sent as "x"), whatever their encoding. Such keys need a request that carries the key in its body.
 */
export function hasDotSegment(key: string): boolean {
  return key.split('/').some((s) => s === '.' || s === '..');
}

/** The path-style URL of a bucket or object, with an optional query. */
export function objectUrl(endpoint: string, bucket: string, key?: string, query?: Record<string, string>): string {
  const base = endpoint.replace(/\/+$/, '');
  const url = `${base}/${encodeURIComponent(bucket)}${key === undefined ? '' : `/${encodeKey(key)}`}`;
  const q = query ? new URLSearchParams(query).toString().replace(/\+/g, '%20') : '';
  return q ? `${url}?${q}` : url;
}

function amzDate(now: number): string {
  return new Date(now).toISOString().replace(/[:-]|\.\d{3}/g, '');
}

export interface PresignOptions {
  method: 'GET' | 'PUT' | 'HEAD' | 'DELETE' | 'POST';
  bucket: string;
  key?: string;
  query?: Record<string, string>;
  /** Seconds; S3 accepts 1 to 604800. */
  expiresIn?: number;
  now?: number;
}

/** A query-signed URL: any client (XHR with upload progress, a link) can use it until it expires. */
export async function presignUrl(c: S3Credentials, o: PresignOptions): Promise<string> {
  if (o.key !== undefined && hasDotSegment(o.key)) return presignKeepingDots(c, o);
  return presignRaw(c, o.method, objectUrl(c.endpoint, o.bucket, o.key, o.query), o.expiresIn ?? 3600, o.now ?? Date.now());
}

/** Signs any URL in its query (exported for the AWS test vectors, which use virtual-host URLs). */
export async function presignRaw(c: S3Credentials, method: string, rawUrl: string, expiresIn: number, now: number): Promise<string> {
  const url = new URL(rawUrl);
  url.searchParams.set('X-Amz-Expires', String(expiresIn));
  const signer = new AwsV4Signer({
    url: url.toString(),
    method,
    accessKeyId: c.accessKey,
    secretAccessKey: c.secretKey,
    service: 's3',
    region: c.region || 'us-east-1',
    signQuery: true,
    datetime: amzDate(now),
  });
  const signed = await signer.sign();
  return signed.url.toString();
}

/** Signs a request in its headers (for the small XML calls: create, complete, abort, list, delete). */
export async function signHeaders(
  c: S3Credentials,
  o: { method: string; url: string; headers?: Record<string, string>; body?: string; now?: number },
): Promise<{ url: string; headers: Headers }> {
  const signer = new AwsV4Signer({
    url: o.url,
    method: o.method,
    headers: o.headers ?? {},
    body: o.body,
    accessKeyId: c.accessKey,
    secretAccessKey: c.secretKey,
    service: 's3',
    region: c.region || 'us-east-1',
    datetime: amzDate(o.now ?? Date.now()),
  });
  const signed = await signer.sign();
  return { url: signed.url.toString(), headers: signed.headers };
}

const enc = new TextEncoder();

async function hmac(key: ArrayBuffer | Uint8Array, text: string): Promise<ArrayBuffer> {
  const k = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', k, enc.encode(text));
}

function hex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function signingKey(secretKey: string, day: string, region: string): Promise<ArrayBuffer> {
  const kDate = await hmac(enc.encode(`AWS4${secretKey}`), day);
  const kRegion = await hmac(kDate, region);
  const kService = await hmac(kRegion, 's3');
  return hmac(kService, 'aws4_request');
}

/** HMAC of a POST policy with the SigV4 signing key of that day and region. */
export async function policySignature(secretKey: string, day: string, region: string, policyB64: string): Promise<string> {
  return hex(await hmac(await signingKey(secretKey, day, region), policyB64));
}

/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A query-signed URL built and signed by hand, for keys with "." or ".." segments: aws4fetch, like anything
 * that goes through `new URL`, folds those away before signing, which would sign another object. The URL
 * keeps them, as botocore's and minio-go's do. A browser still cannot use it (it folds them when it sends),
 * but `curl --path-as-is` and S3 tools can.
 */
export async function presignKeepingDots(c: S3Credentials, o: PresignOptions): Promise<string> {
  const date = amzDate(o.now ?? Date.now());
  const day = date.slice(0, 8);
  const region = c.region || 'us-east-1';
  // The endpoint itself is a plain URL: only the key can hold dot segments.
  const base = new URL(c.endpoint);
  const key = o.key === undefined ? '' : `/${o.key.split('/').map(uriEncode).join('/')}`;
  const path = `${base.pathname.replace(/\/+$/, '')}/${uriEncode(o.bucket)}${key}`;
  const params: [string, string][] = [
    ...Object.entries(o.query ?? {}),
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${c.accessKey}/${day}/${region}/s3/aws4_request`],
    ['X-Amz-Date', date],
    ['X-Amz-Expires', String(o.expiresIn ?? 3600)],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  const query = params
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
    .sort()
    .join('&');
  const canonical = [o.method, path, query, `host:${base.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const digest = hex(await crypto.subtle.digest('SHA-256', enc.encode(canonical)));
  const toSign = ['AWS4-HMAC-SHA256', date, `${day}/${region}/s3/aws4_request`, digest].join('\n');
  const signature = hex(await hmac(await signingKey(c.secretKey, day, region), toSign));
  return `${base.origin}${path}?${query}&X-Amz-Signature=${signature}`;
}

/**
 * The fields of a browser-based POST upload (S3 "POST Object" with a signed policy). The key travels in
 * the form body, which is the only way a browser can store a key with "." or ".." segments.
 */
export async function signPostPolicy(
  c: S3Credentials,
  o: { bucket: string; key: string; contentType: string; expiresIn?: number; now?: number },
): Promise<{ url: string; fields: Record<string, string> }> {
  const now = o.now ?? Date.now();
  const date = amzDate(now);
  const day = date.slice(0, 8);
  const region = c.region || 'us-east-1';
  const credential = `${c.accessKey}/${day}/${region}/s3/aws4_request`;
  const policy = {
    expiration: new Date(now + (o.expiresIn ?? 3600) * 1000).toISOString(),
    conditions: [
      { bucket: o.bucket },
      { key: o.key },
      { 'Content-Type': o.contentType },
      { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
      { 'x-amz-credential': credential },
      { 'x-amz-date': date },
    ],
  };
  const bytes = enc.encode(JSON.stringify(policy));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  const policyB64 = btoa(bin);
  const signature = await policySignature(c.secretKey, day, region, policyB64);
  return {
    url: objectUrl(c.endpoint, o.bucket),
    fields: {
      key: o.key,
      'Content-Type': o.contentType,
      'x-amz-algorithm': 'AWS4-HMAC-SHA256',
      'x-amz-credential': credential,
      'x-amz-date': date,
      policy: policyB64,
      'x-amz-signature': signature,
    },
  };
}
