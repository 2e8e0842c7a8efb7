// The demo cluster's S3 endpoint, at <endpoint>/s3 (path-style, like MinIO): PUT/GET/HEAD/DELETE object,
// POST object (form), multipart (create, upload part, complete, abort, list parts), in-progress uploads,
// ListObjectsV2 and multi-object delete, over the cluster's buckets. Every request is signed (SigV4) and
// checked against the caller's MinIO keys, so expired URLs and rotated keys fail as they would on MinIO.
// /system/config names this endpoint, and presign signs real URLs for it with the caller's keys.
//
// With an external S3 set (window.__lagoonDemo.s3.useExternal, or globalThis.__lagoonS3External before the
// demo starts), /system/config, presign and the object listing point at that server instead, so e2e tests
// and benchmarks can drive a real S3 (s3rver) through the app.
import { bypass, http, HttpResponse, type DefaultBodyType, type HttpResponseResolver, type PathParams } from 'msw';
import { AwsV4Signer } from 'aws4fetch';
import { ClusterError, type Cluster } from '../cluster';
import type { Principal } from '../auth';
import { demoS3, partEtag, s3FailureFrom, sha256Hex, S3Failure, type DemoS3, type ExternalS3, type PartFault } from '../s3';
import { hasDotSegment, objectUrl, policySignature, presignUrl, signHeaders, type S3Credentials } from '../../src/lib/s3/sign';
import { parseListObjects, xmlEscape } from '../../src/lib/s3/xml';
import type { LagoonDemo } from '../browser';
import { json, system } from './common';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Content-Length, Content-Range, Content-Disposition, Content-Type, Last-Modified',
};

function xml(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new HttpResponse(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`, {
    status,
    headers: { ...CORS, 'Content-Type': 'application/xml', ...headers },
  });
}

function fail(e: unknown): Response {
  const f = s3FailureFrom(e);
  return xml(`<Error><Code>${f.code}</Code><Message>${xmlEscape(f.message)}</Message></Error>`, f.status);
}

function empty(status = 200, headers: Record<string, string> = {}): Response {
  return new HttpResponse(null, { status, headers: { ...CORS, ...headers } });
}

/** Bucket and key from a path-style URL under `prefix` ("" for MinIO, "/s3" for OSCAR's presigned URLs). */
function target(url: URL, prefix: string): { bucket: string; key: string | undefined } {
  const rest = url.pathname.slice(prefix.length).replace(/^\//, '');
  const slash = rest.indexOf('/');
  if (slash < 0) return { bucket: decodeURIComponent(rest), key: undefined };
  const key = rest
    .slice(slash + 1)
    .split('/')
    .map((s) => decodeURIComponent(s))
    .join('/');
  return { bucket: decodeURIComponent(rest.slice(0, slash)), key: key === '' ? undefined : key };
}

function expired(url: URL): boolean {
  const date = url.searchParams.get('X-Amz-Date');
  const expires = Number(url.searchParams.get('X-Amz-Expires') ?? 0);
  if (!date) return false;
  const t = Date.parse(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
  return Date.now() > t + expires * 1000;
}

/** Who signed the request; throws the answers MinIO gives for an unknown key, a bad signature, or expiry. */
async function authenticate(s3: DemoS3, request: Request, url: URL): Promise<Principal | null> {
  const q = url.searchParams;
  const auth = request.headers.get('Authorization');
  let accessKey = '';
  if (q.has('X-Amz-Credential')) accessKey = (q.get('X-Amz-Credential') ?? '').split('/')[0] ?? '';
  else if (auth) accessKey = /Credential=([^/]+)\//.exec(auth)?.[1] ?? '';
  else return null;
  if (q.has('X-Amz-Credential') && expired(url)) throw new S3Failure(403, 'AccessDenied', 'Request has expired');
  const principal = s3.principalFor(accessKey);
  if (!principal) throw new S3Failure(403, 'InvalidAccessKeyId', 'The Access Key Id you provided does not exist in our records.');
  const secret = s3.secretFor(accessKey);
  if (!secret) throw new S3Failure(403, 'InvalidAccessKeyId', 'The Access Key Id you provided does not exist in our records.');
  let expected: string;
  let given: string;
  if (q.has('X-Amz-Signature')) {
    given = q.get('X-Amz-Signature') ?? '';
    const unsigned = new URL(url);
    unsigned.searchParams.delete('X-Amz-Signature');
    const region = (q.get('X-Amz-Credential') ?? '').split('/')[2] ?? 'us-east-1';
    const signer = new AwsV4Signer({
      url: unsigned.toString(),
      method: request.method,
      accessKeyId: accessKey,
      secretAccessKey: secret,
      service: 's3',
      region,
      signQuery: true,
      datetime: q.get('X-Amz-Date') ?? '',
    });
    expected = (await signer.sign()).url.searchParams.get('X-Amz-Signature') ?? '';
  } else {
    given = /Signature=([0-9a-f]+)/.exec(auth ?? '')?.[1] ?? '';
    const signedNames = (/SignedHeaders=([^,]+)/.exec(auth ?? '')?.[1] ?? '').split(';').filter((h) => h !== 'host');
    const headers: Record<string, string> = {};
    for (const h of signedNames) headers[h] = request.headers.get(h) ?? '';
    const region = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(auth ?? '')?.[1] ?? 'us-east-1';
    const signer = new AwsV4Signer({
      url: url.toString(),
      method: request.method,
      headers,
      accessKeyId: accessKey,
      secretAccessKey: secret,
      service: 's3',
      region,
      datetime: request.headers.get('x-amz-date') ?? '',
    });
    expected = /Signature=([0-9a-f]+)/.exec((await signer.sign()).headers.get('Authorization') ?? '')?.[1] ?? '';
  }
  if (!given || given !== expected) {
    throw new S3Failure(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
  }
  return principal;
}

function ownerOf(p: Principal): string | undefined {
  return p.kind === 'oidc' ? p.sub : undefined;
}

function readParts(body: string): { partNumber: number; etag: string }[] {
  const d = new DOMParser().parseFromString(body, 'application/xml');
  return Array.from(d.getElementsByTagName('Part')).map((p) => ({
    partNumber: Number(p.getElementsByTagName('PartNumber')[0]?.textContent ?? 0),
    etag: p.getElementsByTagName('ETag')[0]?.textContent ?? '',
  }));
}

async function objectAnswer(s3: DemoS3, request: Request, url: URL, bucket: string, key: string): Promise<Response> {
  const data = s3.objectData(bucket, key);
  const o = s3.cluster.getObject(bucket, key);
  if (!data || !o) throw new S3Failure(404, 'NoSuchKey', 'The specified key does not exist.');
  const headers: Record<string, string> = {
    'Content-Type': url.searchParams.get('response-content-type') ?? o.contentType ?? 'application/octet-stream',
    'Last-Modified': new Date(o.lastModified).toUTCString(),
    'Accept-Ranges': 'bytes',
    ETag: `"${(await sha256Hex(data.size <= 32 * 1024 * 1024 ? data : data.slice(0, 1024 * 1024))).slice(0, 32)}"`,
  };
  const disposition = url.searchParams.get('response-content-disposition');
  if (disposition) headers['Content-Disposition'] = disposition;
  if (request.method === 'HEAD') return empty(200, { ...headers, 'Content-Length': String(data.size) });
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('Range') ?? '');
  if (range && data.size > 0) {
    const start = range[1] ? Number(range[1]) : Math.max(0, data.size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(data.size - 1, Number(range[2])) : data.size - 1;
    if (start >= data.size) throw new S3Failure(416, 'InvalidRange', 'The requested range is not satisfiable');
    return new HttpResponse(data.slice(start, end + 1), {
      status: 206,
      headers: { ...CORS, ...headers, 'Content-Range': `bytes ${start}-${end}/${data.size}`, 'Content-Length': String(end - start + 1) },
    });
  }
  return new HttpResponse(data, { status: 200, headers: { ...CORS, ...headers, 'Content-Length': String(data.size) } });
}

function failIfFaulted(f: PartFault | null): void {
  if (!f) return;
  if (f.network) throw new NetworkDrop();
  throw new S3Failure(f.status ?? 500, f.code ?? 'InternalError', 'Simulated failure of the demo storage');
}

class NetworkDrop extends Error {}

async function objectOp(s3: DemoS3, request: Request, url: URL, p: Principal | null, bucket: string, key: string): Promise<Response> {
  const q = url.searchParams;
  const m = request.method;
  const anon: Principal = { kind: 'oidc', sub: '', entitlements: [], iss: '' };
  const who = p ?? anon;
  if ((m === 'GET' || m === 'HEAD') && !q.has('uploadId')) {
    s3.bucketFor(who, bucket, false);
    return objectAnswer(s3, request, url, bucket, key);
  }
  if (!p) throw new S3Failure(403, 'AccessDenied', 'Access Denied.');
  s3.bucketFor(p, bucket, true);
  if (m === 'PUT' && q.has('uploadId')) {
    const partNumber = Number(q.get('partNumber'));
    failIfFaulted(s3.notePart(partNumber));
    const u = s3.requireUpload(q.get('uploadId') ?? '', bucket, key);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) {
      throw new S3Failure(400, 'InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive');
    }
    const data = await request.blob();
    s3.checkQuota(bucket, data.size - (u.parts.get(partNumber)?.data.size ?? 0), key);
    const etag = await partEtag(data);
    // The upload may have been aborted while this part was on the wire.
    if (!s3.uploads.has(u.uploadId)) throw new S3Failure(404, 'NoSuchUpload', 'The specified multipart upload does not exist.');
    u.parts.set(partNumber, { etag, data });
    return empty(200, { ETag: etag });
  }
  if (m === 'PUT') {
    const data = await request.blob();
    if (data.size > 5 * 1024 ** 3) throw new S3Failure(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.');
    s3.checkQuota(bucket, data.size, key);
    const etag = await s3.putObject(bucket, key, data, request.headers.get('Content-Type') || 'application/octet-stream', ownerOf(p));
    return empty(200, { ETag: etag });
  }
  if (m === 'POST' && q.has('uploads')) {
    const u = s3.createUpload(bucket, key, request.headers.get('Content-Type') || 'application/octet-stream', ownerOf(p) ?? '');
    return xml(`<InitiateMultipartUploadResult><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${u.uploadId}</UploadId></InitiateMultipartUploadResult>`);
  }
  if (m === 'POST' && q.has('uploadId')) {
    const u = s3.requireUpload(q.get('uploadId') ?? '', bucket, key);
    const etag = await s3.complete(u, readParts(await request.text()));
    return xml(`<CompleteMultipartUploadResult><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${xmlEscape(etag)}</ETag></CompleteMultipartUploadResult>`);
  }
  if (m === 'DELETE' && q.has('uploadId')) {
    s3.requireUpload(q.get('uploadId') ?? '', bucket, key);
    s3.uploads.delete(q.get('uploadId') ?? '');
    return empty(204);
  }
  if (m === 'GET' && q.has('uploadId')) {
    const u = s3.requireUpload(q.get('uploadId') ?? '', bucket, key);
    const after = Number(q.get('part-number-marker') ?? 0);
    const max = Math.min(1000, Number(q.get('max-parts') ?? 1000));
    const numbers = [...u.parts.keys()].sort((a, b) => a - b).filter((n) => n > after);
    const page = numbers.slice(0, max);
    const truncated = numbers.length > max;
    const parts = page
      .map((n) => {
        const part = u.parts.get(n)!;
        return `<Part><PartNumber>${n}</PartNumber><ETag>${xmlEscape(part.etag)}</ETag><Size>${part.data.size}</Size></Part>`;
      })
      .join('');
    return xml(
      `<ListPartsResult><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${u.uploadId}</UploadId><IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextPartNumberMarker>${page[page.length - 1]}</NextPartNumberMarker>` : ''}${parts}</ListPartsResult>`,
    );
  }
  if (m === 'DELETE') {
    s3.deleteObject(bucket, key);
    return empty(204);
  }
  throw new S3Failure(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
}

async function bucketOp(s3: DemoS3, request: Request, url: URL, p: Principal | null, bucket: string): Promise<Response> {
  const q = url.searchParams;
  const m = request.method;
  if (m === 'POST' && !q.has('delete')) return postObject(s3, request, bucket);
  if (!p) throw new S3Failure(403, 'AccessDenied', 'Access Denied.');
  if (m === 'GET' && q.has('uploads')) {
    s3.bucketFor(p, bucket, false);
    const prefix = q.get('prefix') ?? '';
    const list = [...s3.uploads.values()].filter((u) => u.bucket === bucket && u.key.startsWith(prefix));
    const items = list
      .map((u) => `<Upload><Key>${xmlEscape(u.key)}</Key><UploadId>${u.uploadId}</UploadId><Initiated>${new Date(u.initiated).toISOString()}</Initiated></Upload>`)
      .join('');
    return xml(`<ListMultipartUploadsResult><Bucket>${xmlEscape(bucket)}</Bucket><IsTruncated>false</IsTruncated>${items}</ListMultipartUploadsResult>`);
  }
  if (m === 'GET' || m === 'HEAD') {
    const b = s3.bucketFor(p, bucket, false);
    if (m === 'HEAD') return empty(200);
    const prefix = q.get('prefix') ?? '';
    const max = Math.min(1000, Number(q.get('max-keys') ?? 1000));
    const after = q.get('continuation-token') ?? q.get('start-after') ?? '';
    const keys = [...b.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
    const page = keys.slice(0, max);
    const truncated = keys.length > max;
    const contents = page
      .map((k) => {
        const o = b.objects.get(k)!;
        return `<Contents><Key>${xmlEscape(k)}</Key><Size>${o.size}</Size><LastModified>${new Date(o.lastModified).toISOString()}</LastModified></Contents>`;
      })
      .join('');
    return xml(
      `<ListBucketResult><Name>${xmlEscape(bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextContinuationToken>${xmlEscape(page[page.length - 1] ?? '')}</NextContinuationToken>` : ''}${contents}</ListBucketResult>`,
    );
  }
  s3.bucketFor(p, bucket, true);
  if (m === 'POST' && q.has('delete')) {
    const d = new DOMParser().parseFromString(await request.text(), 'application/xml');
    const keys = Array.from(d.getElementsByTagName('Object')).map((o) => o.getElementsByTagName('Key')[0]?.textContent ?? '');
    for (const k of keys) s3.deleteObject(bucket, k);
    return xml(`<DeleteResult>${keys.map((k) => `<Deleted><Key>${xmlEscape(k)}</Key></Deleted>`).join('')}</DeleteResult>`);
  }
  throw new S3Failure(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
}

/**
 * Browser-based upload (POST with a signed policy): the key is a form field, so names a URL path cannot
 * carry ("../x") still arrive intact. The policy's signature is checked like any other.
 */
async function postObject(s3: DemoS3, request: Request, bucket: string): Promise<Response> {
  const form = await request.formData();
  const field = (k: string) => String(form.get(k) ?? '');
  const [accessKey = '', day = '', region = 'us-east-1'] = field('x-amz-credential').split('/');
  const secret = s3.secretFor(accessKey);
  const p = s3.principalFor(accessKey);
  if (!secret || !p) throw new S3Failure(403, 'InvalidAccessKeyId', 'The Access Key Id you provided does not exist in our records.');
  if ((await policySignature(secret, day, region, field('policy'))) !== field('x-amz-signature')) {
    throw new S3Failure(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }
  const policy = JSON.parse(atob(field('policy'))) as { expiration: string };
  if (Date.parse(policy.expiration) < Date.now()) throw new S3Failure(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
  const key = field('key');
  const file = form.get('file');
  if (!key || !(file instanceof Blob)) throw new S3Failure(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
  s3.bucketFor(p, bucket, true);
  s3.checkQuota(bucket, file.size, key);
  const etag = await s3.putObject(bucket, key, file, field('Content-Type') || 'application/octet-stream', ownerOf(p));
  return empty(204, { ETag: etag });
}

function s3Route(cluster: Cluster, prefix: string) {
  return async ({ request }: { request: Request }) => {
    if (request.method === 'OPTIONS') {
      return empty(200, { 'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE, HEAD', 'Access-Control-Allow-Headers': '*' });
    }
    const s3 = demoS3(cluster);
    const url = new URL(request.url);
    try {
      cluster.settle();
      const p = await authenticate(s3, request, url);
      const { bucket, key } = target(url, prefix);
      return key === undefined ? await bucketOp(s3, request, url, p, bucket) : await objectOp(s3, request, url, p, bucket, key);
    } catch (e) {
      if (e instanceof NetworkDrop) return HttpResponse.error();
      return fail(e);
    }
  };
}

// ------------------------------------------------------------------ a real S3 behind the demo (e2e)

function externalCredentials(x: ExternalS3): S3Credentials {
  return { endpoint: x.endpoint, region: x.region ?? 'us-east-1', accessKey: x.accessKey, secretKey: x.secretKey };
}

type Resolver = HttpResponseResolver<PathParams, DefaultBodyType>;

/** Answers with `fn` only while an external S3 is set; otherwise the cluster's own handler answers. */
function whenExternal(cluster: Cluster, fn: (x: ExternalS3) => Resolver): Resolver {
  return (info) => {
    const x = demoS3(cluster).externalS3();
    return x ? fn(x)(info) : undefined;
  };
}

async function listExternal(x: ExternalS3, bucket: string, page: string | null) {
  const c = externalCredentials(x);
  const query: Record<string, string> = { 'list-type': '2', 'max-keys': '1000' };
  if (page) query['continuation-token'] = page;
  const signed = await signHeaders(c, { method: 'GET', url: objectUrl(c.endpoint, bucket, undefined, query) });
  const res = await fetch(bypass(signed.url, { headers: signed.headers }));
  if (!res.ok) return { objects: [], truncated: false, next: '' };
  return parseListObjects(await res.text());
}

/** The caller's MinIO keys, as /system/config gives them (root for Basic, the user's own for OIDC). */
function keysFor(cluster: Cluster, base: string, p: Principal): S3Credentials {
  const x = demoS3(cluster).externalS3();
  if (x) return externalCredentials(x);
  const m = cluster.configFor(p).minio_provider ?? {};
  return { endpoint: `${base}/s3`, region: m.region ?? 'us-east-1', accessKey: m.access_key ?? '', secretKey: m.secret_key ?? '' };
}

interface PresignBody {
  object_key?: unknown;
  operation?: unknown;
  expires_in?: unknown;
  content_type?: unknown;
  extra_headers?: Record<string, string>;
}

/** The query in the order AWS SDKs write it (tools and tests read the algorithm first). */
function awsOrder(url: string): string {
  const u = new URL(url);
  const order = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'];
  const amz = order.flatMap((k) => (u.searchParams.has(k) ? [[k, u.searchParams.get(k) ?? '']] : []));
  const rest = [...u.searchParams].filter(([k]) => !order.includes(k));
  const q = new URLSearchParams([...rest, ...amz]).toString().replace(/\+/g, '%20');
  return `${u.origin}${u.pathname}?${q}`;
}

function oscarHandlers(cluster: Cluster, base: string) {
  return [
    http.get(
      `${base}/system/config`,
      system(cluster, ({ principal }) => {
        const config = cluster.configFor(principal);
        const x = demoS3(cluster).externalS3();
        const k = keysFor(cluster, base, principal);
        return json({
          ...config,
          minio_provider: { ...config.minio_provider, endpoint: k.endpoint, region: k.region, access_key: k.accessKey, secret_key: k.secretKey, ...(x ? { verify: false } : {}) },
        });
      }),
    ),
    http.post(`${base}/system/buckets/:bucket/presign`, async (info) => {
      const body = (await info.request
        .clone()
        .json()
        .catch(() => null)) as PresignBody | null;
      const expiresIn = body?.expires_in || 900;
      const valid =
        body &&
        typeof body.object_key === 'string' &&
        body.object_key &&
        !body.object_key.startsWith('/') &&
        (body.operation === 'upload' || body.operation === 'download') &&
        Number.isInteger(expiresIn) &&
        (expiresIn as number) >= 1 &&
        (expiresIn as number) <= 3600;
      // Anything invalid is answered by the cluster's own presign handler, with OSCAR's messages.
      if (!valid) return undefined;
      return (system<{ bucket: string }>(cluster, async ({ principal, params }) => {
        const key = body.object_key as string;
        const b = cluster.requireBucket(principal, params.bucket);
        if (body.operation === 'download' && !b.objects.has(key) && !demoS3(cluster).externalS3()) {
          throw new ClusterError(404, `The object "${key}" does not exist in bucket "${b.name}"`);
        }
        const method = body.operation === 'upload' ? 'PUT' : 'GET';
        const signed = await presignUrl(keysFor(cluster, base, principal), { method, bucket: b.name, key, expiresIn: expiresIn as number });
        // Like OSCAR (minio-go), a key's "." and ".." segments stay in the URL; `new URL` would fold them.
        const url = hasDotSegment(key) ? signed : awsOrder(signed);
        const contentType = typeof body.content_type === 'string' && body.content_type ? body.content_type : 'application/octet-stream';
        return json({
          url,
          method,
          headers: method === 'PUT' ? { 'Content-Type': contentType, ...(body.extra_headers ?? {}) } : { ...(body.extra_headers ?? {}) },
          expires_at: new Date(cluster.now() + (expiresIn as number) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          object_key: key,
          operation: body.operation,
        });
      }) as Resolver)(info);
    }),
    http.get(
      `${base}/system/buckets/:bucket`,
      whenExternal(cluster, (x) =>
        system<{ bucket: string }>(cluster, async ({ principal, params, url }) => {
          const b = cluster.requireBucket(principal, params.bucket);
          const page = await listExternal(x, params.bucket, url.searchParams.get('page'));
          return json({
            ...cluster.bucketSummary(b),
            objects: page.objects.map((o) => ({ object_name: o.key, size_bytes: o.size, last_modified: o.lastModified, owner: b.owner })),
            is_truncated: page.truncated,
            returned_items: page.objects.length,
            ...(page.truncated ? { next_page: page.next } : {}),
          });
        }) as Resolver,
      ),
    ),
  ];
}

export interface DemoS3Controls {
  useExternal(cfg: ExternalS3 | null): void;
  rotateKeys(): void;
  failParts(f: PartFault): void;
  inProgress(bucket: string): { key: string; uploadId: string; parts: number }[];
  partPuts(): Record<number, number>;
  resetCounts(): void;
  sha256(bucket: string, key: string): Promise<string | null>;
}

declare module '../browser' {
  interface LagoonDemo {
    s3?: DemoS3Controls;
  }
}

function controls(cluster: Cluster): DemoS3Controls {
  const s3 = demoS3(cluster);
  return {
    useExternal: (cfg) => s3.useExternal(cfg),
    rotateKeys: () => s3.rotateKeys(),
    failParts: (f) => {
      s3.partFault = { ...f };
    },
    inProgress: (bucket) =>
      [...s3.uploads.values()].filter((u) => u.bucket === bucket).map((u) => ({ key: u.key, uploadId: u.uploadId, parts: u.parts.size })),
    partPuts: () => Object.fromEntries(s3.partCounts),
    resetCounts: () => s3.partCounts.clear(),
    sha256: async (bucket, key) => {
      const data = s3.objectData(bucket, key);
      return data ? sha256Hex(data) : null;
    },
  };
}

export function s3Handlers(cluster: Cluster, base: string) {
  if (typeof window !== 'undefined') {
    const attach = () => {
      const demo = (window as { __lagoonDemo?: LagoonDemo }).__lagoonDemo;
      if (demo) demo.s3 = controls(cluster);
      return !!demo;
    };
    if (!attach()) queueMicrotask(attach);
  }
  const route = s3Route(cluster, `${new URL(base).pathname.replace(/\/+$/, '')}/s3`);
  // One route per method rather than http.all: the contract test reads each handler's method.
  const methods = [http.get, http.put, http.post, http.delete, http.head, http.options];
  return [
    ...oscarHandlers(cluster, base),
    ...methods.flatMap((m) => [m(`${base}/s3/:bucket`, route), m(`${base}/s3/:bucket/*`, route)]),
  ];
}
