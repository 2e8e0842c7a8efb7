// A real S3 server for the upload tests: s3rver on 127.0.0.1 (files on disk, real HTTP, real multipart),
// with CORS that lets the browser read ETag, and the three calls s3rver lacks and resume/cancel need:
// ListParts, AbortMultipartUpload and ListMultipartUploads, read from s3rver's own upload folders. It logs
// every request with its times (to count part uploads, and for the throughput benchmark) and can drop
// connections mid-part (a real dropped connection).
//
// CompleteMultipartUpload, by default, works the way MinIO does rather than the way stock s3rver does.
// s3rver reads every part back and writes the whole object again (then hashes it), so a multipart upload
// costs the server each byte twice where a single PUT costs it once; MinIO keeps the part files, renames
// them under the object and streams them in order on GET. Mode 'keep-parts' does the same here: the parts
// move (rename, no copy) to a folder of their own, s3rver's object file becomes a sparse file of the right
// size (so HEAD, ListObjects, sizes and dates stay s3rver's own), its ETag is S3's multipart ETag
// (MD5 of the parts' MD5s, "-N"), and GET (ranges included) streams the parts. Overwrite, delete and copy
// of such an object are handled (a copy first joins the parts for real). Mode 'copy' is stock s3rver,
// kept so the benchmark can print both. See docs/decisions/004-uploads.md.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

const require = createRequire(import.meta.url);

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string>;
  querystring: string;
  req: IncomingMessage;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
  get(name: string): string;
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface StoredObject {
  bucket: string;
  key: string;
  content: Readable | null;
  metadata: Record<string, string | number>;
  range?: { start: number; end: number };
}
/** The parts of s3rver's FilesystemStore (lib/stores/filesystem.js, s3rver 3.7.1) that 'keep-parts' wraps. */
interface FilesystemStore {
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  getMetadata(bucket: string, key: string): Promise<Record<string, string | number>>;
  putMetadata(bucket: string, key: string, metadata: Record<string, unknown>, md5?: string): Promise<void>;
  getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<StoredObject | null>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
  copyObject(srcBucket: string, srcKey: string, destBucket: string, destKey: string, metadata?: unknown): Promise<unknown>;
  deleteObject(bucket: string, key: string): Promise<void>;
  putObjectMultipart(bucket: string, uploadId: string, parts: { number: number; etag: string }[]): Promise<{ size: number; md5: string }>;
}
interface S3rverApp {
  middleware: Middleware[];
  store: FilesystemStore;
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverApp;

export const CORS_XML = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>DELETE</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export interface LoggedRequest {
  method: string;
  bucket: string;
  key: string;
  query: Record<string, string>;
  /** performance.now() when the request's headers arrived. */
  start: number;
  /** performance.now() when the server had handled it (a part stored, an upload completed). */
  end?: number;
  status?: number;
}

/** 'keep-parts': complete as MinIO does (parts kept, streamed on GET); 'copy': stock s3rver (joins them). */
export type CompleteMode = 'keep-parts' | 'copy';

export interface TestS3 {
  endpoint: string;
  region: string;
  accessKey: string;
  secretKey: string;
  /** Every request, in order. */
  requests: LoggedRequest[];
  /** UploadPart requests that arrived for a key (dropped ones included), per part number. */
  partPuts(key: string): Record<number, number>;
  /**
   * Destroys the connection of the next `n` part uploads (of part `fromPart` on) once `afterBytes` of each
   * have arrived.
   */
  dropParts(n: number, afterBytes?: number, fromPart?: number): void;
  /** Answers the next `n` single PUTs (not parts) 403 with S3's XML error, as a storage that refuses them. */
  refusePuts(n: number, code?: string, message?: string): void;
  /** Multipart uploads neither completed nor aborted. */
  inProgress(bucket: string): Promise<{ key: string; uploadId: string; parts: number }[]>;
  /** SHA-256 of an object's bytes, read over HTTP like any client. */
  sha256(bucket: string, key: string): Promise<string | null>;
  /** How CompleteMultipartUpload stores the object from now on. */
  completeMode: CompleteMode;
  stop(): Promise<void>;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

function split(p: string): { bucket: string; key: string } {
  const rest = p.replace(/^\//, '');
  const i = rest.indexOf('/');
  if (i < 0) return { bucket: decodeURIComponent(rest), key: '' };
  return { bucket: decodeURIComponent(rest.slice(0, i)), key: rest.slice(i + 1).split('/').map(decodeURIComponent).join('/') };
}

type S3ErrorClass = new (code: string, message: string) => Error;
const MIN_PART = 5 * 1024 * 1024;

interface KeptObject {
  dir: string;
  parts: { file: string; size: number }[];
  size: number;
  /** s3rver's (sparse) object file as we left it: if it changed, s3rver overwrote the object. */
  ino: number;
  mtimeMs: number;
}

/**
 * Makes s3rver's store complete multipart uploads as MinIO does (see the top of this file). Only the store
 * methods are wrapped, so every S3 call keeps s3rver's own HTTP handling (headers, ranges, overrides).
 */
function keepParts(store: FilesystemStore, keptRoot: string, mode: () => CompleteMode): void {
  const S3Error = require('s3rver/lib/models/error') as S3ErrorClass;
  const original = {
    getObject: store.getObject.bind(store),
    putObject: store.putObject.bind(store),
    copyObject: store.copyObject.bind(store),
    deleteObject: store.deleteObject.bind(store),
    putObjectMultipart: store.putObjectMultipart.bind(store),
  };
  const kept = new Map<string, KeptObject>();
  const id = (bucket: string, key: string) => `${bucket}\n${key}`;
  const objectPath = (bucket: string, key: string) => store.getResourcePath(bucket, key, 'object');

  async function forget(bucket: string, key: string) {
    const k = kept.get(id(bucket, key));
    if (!k) return;
    kept.delete(id(bucket, key));
    await rm(k.dir, { recursive: true, force: true });
  }

  async function live(bucket: string, key: string): Promise<KeptObject | null> {
    const k = kept.get(id(bucket, key));
    if (!k) return null;
    const st = await stat(objectPath(bucket, key)).catch(() => null);
    if (st && st.ino === k.ino && st.mtimeMs === k.mtimeMs && st.size === k.size) return k;
    await forget(bucket, key);
    return null;
  }

  /** Bytes start..end (inclusive) of the joined parts. */
  function joined(k: KeptObject, start: number, end: number): Readable {
    return Readable.from(
      (async function* () {
        let offset = 0;
        for (const p of k.parts) {
          const from = Math.max(start, offset);
          const to = Math.min(end, offset + p.size - 1);
          if (from <= to) yield* createReadStream(p.file, { start: from - offset, end: to - offset });
          offset += p.size;
        }
      })(),
      { objectMode: false },
    );
  }

  store.getObject = async (bucket, key, options) => {
    const k = await live(bucket, key);
    const object = await original.getObject(bucket, key, options);
    if (!k || !object?.content) return object;
    object.content.destroy();
    const range = object.range ?? { start: 0, end: k.size - 1 };
    object.content = joined(k, range.start, range.end);
    return object;
  };
  store.putObject = async (object) => {
    await forget(object.bucket, object.key);
    return original.putObject(object);
  };
  store.deleteObject = async (bucket, key) => {
    await original.deleteObject(bucket, key);
    await forget(bucket, key);
  };
  store.copyObject = async (srcBucket, srcKey, destBucket, destKey, metadata) => {
    // A copy is rare in our tests: join the source's parts for real first (what stock s3rver stores).
    const k = await live(srcBucket, srcKey);
    if (k) {
      const h = await open(objectPath(srcBucket, srcKey), 'r+');
      try {
        for await (const chunk of joined(k, 0, k.size - 1)) await h.write(chunk as Buffer);
      } finally {
        await h.close();
      }
      await forget(srcBucket, srcKey);
    }
    if (srcBucket !== destBucket || srcKey !== destKey) await forget(destBucket, destKey);
    return original.copyObject(srcBucket, srcKey, destBucket, destKey, metadata);
  };
  store.putObjectMultipart = async (bucket, uploadId, parts) => {
    if (mode() === 'copy') return original.putObjectMultipart(bucket, uploadId, parts);
    const uploadDir = path.join(store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
    let key: string;
    let metadata: Record<string, unknown>;
    try {
      key = await readFile(path.join(uploadDir, 'key'), 'utf8');
      metadata = JSON.parse(await readFile(path.join(uploadDir, 'metadata'), 'utf8')) as Record<string, unknown>;
    } catch {
      throw new S3Error('NoSuchUpload', 'The specified multipart upload does not exist.');
    }
    // S3's checks (s3rver makes none): ascending numbers, each part there with that ETag, 5 MiB but the last.
    const files: { n: number; md5: string; size: number }[] = [];
    for (const [i, p] of parts.entries()) {
      if (i > 0 && p.number <= (parts[i - 1]?.number ?? 0)) {
        throw new S3Error('InvalidPartOrder', 'The list of parts was not in ascending order. The parts list must be specified in order by part number.');
      }
      const file = path.join(uploadDir, String(p.number));
      const md5 = (await readFile(`${file}.md5`, 'utf8').catch(() => null))?.trim();
      if (!md5 || md5 !== p.etag) {
        throw new S3Error('InvalidPart', "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");
      }
      files.push({ n: p.number, md5, size: (await stat(file)).size });
    }
    if (files.slice(0, -1).some((f) => f.size < MIN_PART)) {
      throw new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.');
    }
    const dir = path.join(keptRoot, `${bucket}-${uploadId}`);
    await rename(uploadDir, dir);
    const size = files.reduce((n, f) => n + f.size, 0);
    const etag = `${createHash('md5')
      .update(Buffer.concat(files.map((f) => Buffer.from(f.md5, 'hex'))))
      .digest('hex')}-${files.length}`;
    await forget(bucket, key);
    const target = objectPath(bucket, key);
    await mkdir(path.dirname(target), { recursive: true });
    // Sparse: the right size for stat (HEAD, listings) without writing a byte.
    const h = await open(target, 'w');
    await h.truncate(size);
    await h.close();
    await store.putMetadata(bucket, key, metadata, etag);
    const st = await stat(target);
    kept.set(id(bucket, key), { dir, parts: files.map((f) => ({ file: path.join(dir, String(f.n)), size: f.size })), size, ino: st.ino, mtimeMs: st.mtimeMs });
    return { size, md5: etag };
  };
}

export async function startS3(buckets: readonly string[], options: { completeMode?: CompleteMode } = {}): Promise<TestS3> {
  const S3rver = require('s3rver') as S3rverClass;
  const directory = await mkdtemp(path.join(tmpdir(), 'lagoon-s3-'));
  // Not inside `directory`: s3rver takes every folder there for a bucket.
  const keptRoot = await mkdtemp(path.join(tmpdir(), 'lagoon-s3-parts-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [CORS_XML] })),
  });
  let completeMode: CompleteMode = options.completeMode ?? 'keep-parts';
  keepParts(server.store, keptRoot, () => completeMode);
  const requests: LoggedRequest[] = [];
  let drops = 0;
  let dropAfter = 0;
  let dropFrom = 1;
  let refusals = 0;
  let refusal = { code: 'AccessDenied', message: 'Access Denied.' };
  const uploadsDir = (bucket: string) => path.join(directory, bucket, '._S3rver_uploads');

  async function partsOf(bucket: string, uploadId: string) {
    const dir = path.join(uploadsDir(bucket), uploadId);
    const names = await readdir(dir).catch(() => null);
    if (!names) return null;
    const parts: { n: number; etag: string; size: number }[] = [];
    for (const name of names) {
      if (!/^\d+$/.test(name) || !names.includes(`${name}.md5`)) continue;
      try {
        const md5 = (await readFile(path.join(dir, `${name}.md5`), 'utf8')).trim();
        parts.push({ n: Number(name), etag: `"${md5}"`, size: (await stat(path.join(dir, name))).size });
      } catch {
        // Aborted while being read.
      }
    }
    return parts.sort((a, b) => a.n - b.n);
  }

  async function uploads(bucket: string) {
    const ids = await readdir(uploadsDir(bucket)).catch(() => [] as string[]);
    const out: { key: string; uploadId: string; parts: number }[] = [];
    for (const uploadId of ids) {
      const key = await readFile(path.join(uploadsDir(bucket), uploadId, 'key'), 'utf8').catch(() => null);
      if (key !== null) out.push({ key, uploadId, parts: (await partsOf(bucket, uploadId))?.length ?? 0 });
    }
    return out;
  }

  const cors = (ctx: KoaContext) => {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Access-Control-Expose-Headers', 'ETag');
  };
  const xml = (ctx: KoaContext, body: string, status = 200) => {
    cors(ctx);
    ctx.status = status;
    ctx.set('Content-Type', 'application/xml');
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  };
  const noSuchUpload = (ctx: KoaContext) =>
    xml(ctx, '<Error><Code>NoSuchUpload</Code><Message>The specified multipart upload does not exist.</Message></Error>', 404);

  const extensions: Middleware = async (ctx, next) => {
    const { bucket, key } = split(ctx.path);
    const q = ctx.query;
    if (ctx.method !== 'OPTIONS') {
      const entry: LoggedRequest = { method: ctx.method, bucket, key, query: { ...q }, start: performance.now() };
      requests.push(entry);
      try {
        await handle(ctx, next, bucket, key, q);
      } finally {
        entry.end = performance.now();
        entry.status = ctx.status;
      }
      return;
    }
    // A CORS preflight carries no credentials: S3 and MinIO answer it from the bucket's CORS rules alone.
    // s3rver would check a presigned URL's query on it too, and refuse the preflight of an expired link, so
    // the browser would see a network error instead of the storage's "Request has expired".
    ctx.querystring = '';
    await next();
  };
  const handle = async (ctx: KoaContext, next: () => Promise<void>, bucket: string, key: string, q: Record<string, string>) => {
    if (ctx.method === 'PUT' && key && q.uploadId === undefined && refusals > 0) {
      refusals--;
      // Read the body first, as a server that refuses after the bytes arrive does.
      for await (const chunk of ctx.req) void chunk;
      return xml(ctx, `<Error><Code>${esc(refusal.code)}</Code><Message>${esc(refusal.message)}</Message></Error>`, 403);
    }
    if (ctx.method === 'PUT' && q.uploadId && q.partNumber && drops > 0 && Number(q.partNumber) >= dropFrom) {
      drops--;
      // A real dropped connection: let some bytes arrive, then cut the socket.
      const socket = ctx.req.socket;
      let seen = 0;
      await new Promise<void>((resolve) => {
        ctx.req.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen >= dropAfter) {
            socket.destroy();
            resolve();
          }
        });
        ctx.req.on('end', () => {
          socket.destroy();
          resolve();
        });
        ctx.req.on('close', () => resolve());
      });
      return;
    }
    if (ctx.method === 'GET' && key && q.uploadId !== undefined) {
      const parts = await partsOf(bucket, q.uploadId);
      if (!parts) return noSuchUpload(ctx);
      const items = parts.map((p) => `<Part><PartNumber>${p.n}</PartNumber><ETag>${esc(p.etag)}</ETag><Size>${p.size}</Size></Part>`).join('');
      return xml(ctx, `<ListPartsResult><Bucket>${esc(bucket)}</Bucket><Key>${esc(key)}</Key><UploadId>${esc(q.uploadId)}</UploadId><IsTruncated>false</IsTruncated>${items}</ListPartsResult>`);
    }
    if (ctx.method === 'DELETE' && key && q.uploadId !== undefined) {
      const dir = path.join(uploadsDir(bucket), q.uploadId);
      if (!(await stat(dir).catch(() => null))) return noSuchUpload(ctx);
      await rm(dir, { recursive: true, force: true });
      cors(ctx);
      ctx.status = 204;
      return;
    }
    if (ctx.method === 'GET' && !key && q.uploads !== undefined) {
      const prefix = q.prefix ?? '';
      const list = (await uploads(bucket)).filter((u) => u.key.startsWith(prefix));
      const items = list.map((u) => `<Upload><Key>${esc(u.key)}</Key><UploadId>${esc(u.uploadId)}</UploadId></Upload>`).join('');
      return xml(ctx, `<ListMultipartUploadsResult><Bucket>${esc(bucket)}</Bucket><IsTruncated>false</IsTruncated>${items}</ListMultipartUploadsResult>`);
    }
    await next();
  };
  // Just before s3rver's router, after its logging, XML and vhost middleware.
  server.middleware.splice(server.middleware.length - 1, 0, extensions);
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;

  return {
    endpoint,
    region: 'us-east-1',
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    requests,
    partPuts(key) {
      const out: Record<number, number> = {};
      for (const r of requests) {
        if (r.method === 'PUT' && r.query.partNumber && r.key === key) out[Number(r.query.partNumber)] = (out[Number(r.query.partNumber)] ?? 0) + 1;
      }
      return out;
    },
    dropParts(n, afterBytes = 1, fromPart = 1) {
      drops = n;
      dropAfter = afterBytes;
      dropFrom = fromPart;
    },
    refusePuts(n, code = 'AccessDenied', message = 'Access Denied.') {
      refusals = n;
      refusal = { code, message };
    },
    inProgress: uploads,
    get completeMode() {
      return completeMode;
    },
    set completeMode(mode: CompleteMode) {
      completeMode = mode;
    },
    async sha256(bucket, key) {
      const res = await fetch(`${endpoint}/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`);
      if (!res.ok) return null;
      return createHash('sha256')
        .update(Buffer.from(await res.arrayBuffer()))
        .digest('hex');
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
      await rm(keptRoot, { recursive: true, force: true });
    },
  };
}
