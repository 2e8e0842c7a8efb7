// A real S3 server for the upload tests: s3rver on 127.0.0.1 (files on disk, real HTTP, real multipart),
// with CORS that lets the browser read ETag, and the three calls s3rver lacks and resume/cancel need:
// ListParts, AbortMultipartUpload and ListMultipartUploads, read from s3rver's own upload folders. It logs
// every request (to count part uploads) and can drop connections mid-part (a real dropped connection).
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';

const require = createRequire(import.meta.url);

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string>;
  req: IncomingMessage;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
  get(name: string): string;
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface S3rverApp {
  middleware: Middleware[];
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
}

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
  /** Multipart uploads neither completed nor aborted. */
  inProgress(bucket: string): Promise<{ key: string; uploadId: string; parts: number }[]>;
  /** SHA-256 of an object's bytes, read over HTTP like any client. */
  sha256(bucket: string, key: string): Promise<string | null>;
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

export async function startS3(buckets: readonly string[]): Promise<TestS3> {
  const S3rver = require('s3rver') as S3rverClass;
  const directory = await mkdtemp(path.join(tmpdir(), 'lagoon-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [CORS_XML] })),
  });
  const requests: LoggedRequest[] = [];
  let drops = 0;
  let dropAfter = 0;
  let dropFrom = 1;
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
    if (ctx.method !== 'OPTIONS') requests.push({ method: ctx.method, bucket, key, query: { ...q } });
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
    inProgress: uploads,
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
    },
  };
}
