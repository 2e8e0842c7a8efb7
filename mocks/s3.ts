// The demo cluster's S3 (MinIO) side: object bytes, multipart uploads and their parts, over the cluster's
// buckets, so an upload into a service's input path starts a job as it would on OSCAR. Object metadata
// lives in the cluster (and survives a reload with it); bytes live here, in memory, except small bodies,
// which the cluster keeps so previews still work after a reload.
//
// window.__lagoonDemo.s3 (attached by ./handlers/s3.ts):
//   useExternal({ endpoint, accessKey, secretKey, region })  // point presign and /system/config at a real S3
//   rotateKeys()            // the MinIO root secret changes: signed requests fail until the app renews
//   failParts({ times, status, network })   // the next part uploads fail
//   inProgress(bucket)      // multipart uploads not completed or aborted
//   partPuts()              // how many UploadPart requests arrived, per part number
//   sha256(bucket, key)     // hash of the stored bytes
import type { Cluster } from './cluster';
import { ClusterError } from './cluster';
import { isAdmin, type Principal } from './auth';

export interface ExternalS3 {
  endpoint: string;
  region?: string;
  accessKey: string;
  secretKey: string;
}

export interface StoredPartData {
  etag: string;
  data: Blob;
}

export interface MultipartState {
  uploadId: string;
  bucket: string;
  key: string;
  contentType: string;
  owner: string;
  initiated: number;
  parts: Map<number, StoredPartData>;
}

export interface PartFault {
  times: number;
  status?: number;
  code?: string;
  network?: boolean;
}

/** Small bodies are kept in the cluster (persisted with it); anything larger only in memory. */
const KEEP_IN_CLUSTER = 128 * 1024;

declare global {
  // Set by an e2e init script before the demo starts, so a reload keeps pointing at the test's S3.
  var __lagoonS3External: ExternalS3 | undefined;
}

export class DemoS3 {
  readonly blobs = new Map<string, Blob>();
  readonly uploads = new Map<string, MultipartState>();
  readonly partCounts = new Map<number, number>();
  partFault: PartFault | null = null;
  private external: ExternalS3 | null = null;
  private seq = 0;

  constructor(readonly cluster: Cluster) {}

  externalS3(): ExternalS3 | null {
    return this.external ?? globalThis.__lagoonS3External ?? null;
  }

  useExternal(cfg: ExternalS3 | null): void {
    this.external = cfg;
  }

  /** The MinIO root secret changes, as when an administrator rotates keys: old signatures stop working. */
  rotateKeys(): void {
    const root = this.cluster.minioRoot as { access_key: string; secret_key: string };
    root.secret_key = `${root.secret_key.slice(8)}${Math.random().toString(36).slice(2, 10)}`;
  }

  secretFor(accessKey: string): string | null {
    if (accessKey === this.cluster.minioRoot.access_key) return this.cluster.minioRoot.secret_key;
    return this.cluster.minioUserSecrets.get(accessKey) ?? null;
  }

  principalFor(accessKey: string): Principal | null {
    if (accessKey === this.cluster.minioRoot.access_key) return { kind: 'admin', username: 'minio-root' };
    if (this.cluster.minioUserSecrets.has(accessKey)) return { kind: 'oidc', sub: accessKey, entitlements: [], iss: '' };
    return null;
  }

  bucketFor(p: Principal, name: string, write: boolean) {
    const b = this.cluster.buckets.get(name);
    if (!b) throw new S3Failure(404, 'NoSuchBucket', 'The specified bucket does not exist');
    if (isAdmin(p)) return b;
    const sub = p.kind === 'oidc' ? p.sub : '';
    const owner = b.owner === sub;
    const allowed = b.visibility === 'restricted' && b.allowedUsers.includes(sub);
    const ok = write ? owner || allowed : owner || allowed || b.visibility === 'public';
    if (!ok) throw new S3Failure(403, 'AccessDenied', 'Access Denied.');
    return b;
  }

  private usage(bucket: string, exceptKey?: string): number {
    let n = 0;
    for (const o of this.cluster.buckets.get(bucket)?.objects.values() ?? []) if (o.key !== exceptKey) n += o.size;
    for (const u of this.uploads.values()) {
      if (u.bucket !== bucket) continue;
      for (const p of u.parts.values()) n += p.data.size;
    }
    return n;
  }

  /** MinIO refuses a write that would take the bucket past its quota. */
  checkQuota(bucket: string, adding: number, key?: string): void {
    const summary = this.cluster.buckets.get(bucket);
    if (!summary) return;
    const max = this.cluster.bucketSummary(summary).storage_quota?.max_bytes;
    if (!max) return;
    if (this.usage(bucket, key) + adding > max) {
      throw new S3Failure(403, 'QuotaExceeded', `Bucket quota exceeded: ${bucket} allows ${max} bytes`);
    }
  }

  async putObject(bucket: string, key: string, data: Blob, contentType: string, owner?: string): Promise<string> {
    const etag = await etagOf(data);
    const id = `${bucket}\n${key}`;
    this.blobs.set(id, data);
    let body: string | undefined;
    let binary = false;
    if (data.size <= KEEP_IN_CLUSTER) {
      const bytes = new Uint8Array(await data.arrayBuffer());
      const textual = /^(text\/|application\/(json|xml|yaml|x-yaml|csv))/.test(contentType);
      if (textual) body = new TextDecoder().decode(bytes);
      else {
        binary = true;
        body = toBase64(bytes);
      }
    }
    this.cluster.putObject(bucket, {
      key,
      size: data.size,
      contentType,
      ...(body !== undefined ? { body, binary } : {}),
      ...(owner ? { owner } : {}),
    });
    return etag;
  }

  /** The stored bytes: what was uploaded, else the cluster's small body, else filler of the right size. */
  objectData(bucket: string, key: string): Blob | null {
    const o = this.cluster.getObject(bucket, key);
    if (!o) return null;
    const blob = this.blobs.get(`${bucket}\n${key}`);
    if (blob) return blob;
    if (o.body !== undefined) {
      const bytes = o.binary ? fromBase64(o.body) : new TextEncoder().encode(o.body);
      return new Blob([bytes as BlobPart], { type: o.contentType ?? '' });
    }
    return filler(o.size, o.contentType ?? 'application/octet-stream');
  }

  deleteObject(bucket: string, key: string): void {
    this.blobs.delete(`${bucket}\n${key}`);
    this.cluster.deleteObject(bucket, key);
  }

  createUpload(bucket: string, key: string, contentType: string, owner: string): MultipartState {
    const uploadId = `demo-${Date.now().toString(36)}-${(++this.seq).toString(36)}`;
    const u: MultipartState = { uploadId, bucket, key, contentType, owner, initiated: Date.now(), parts: new Map() };
    this.uploads.set(uploadId, u);
    return u;
  }

  requireUpload(uploadId: string, bucket: string, key: string): MultipartState {
    const u = this.uploads.get(uploadId);
    if (!u || u.bucket !== bucket || u.key !== key) {
      throw new S3Failure(404, 'NoSuchUpload', 'The specified multipart upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.');
    }
    return u;
  }

  /** Counts the part, and fails it when a part fault is set (for tests of retry and resume). */
  notePart(partNumber: number): PartFault | null {
    this.partCounts.set(partNumber, (this.partCounts.get(partNumber) ?? 0) + 1);
    const f = this.partFault;
    if (!f) return null;
    f.times--;
    if (f.times <= 0) this.partFault = null;
    return f;
  }

  async complete(u: MultipartState, list: { partNumber: number; etag: string }[]): Promise<string> {
    if (!list.length) throw new S3Failure(400, 'MalformedXML', 'You must specify at least one part');
    const blobs: Blob[] = [];
    let last = 0;
    for (const p of list) {
      const stored = u.parts.get(p.partNumber);
      if (!stored || stored.etag.replace(/"/g, '') !== p.etag.replace(/"/g, '')) {
        throw new S3Failure(400, 'InvalidPart', `One or more of the specified parts could not be found (part ${p.partNumber})`);
      }
      if (p.partNumber <= last) throw new S3Failure(400, 'InvalidPartOrder', 'The list of parts was not in ascending order');
      last = p.partNumber;
      blobs.push(stored.data);
    }
    for (let i = 0; i < blobs.length - 1; i++) {
      if ((blobs[i]?.size ?? 0) < 5 * 1024 * 1024) throw new S3Failure(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.');
    }
    const data = new Blob(blobs, { type: u.contentType });
    this.uploads.delete(u.uploadId);
    const etag = await this.putObject(u.bucket, u.key, data, u.contentType, u.owner);
    return `"${etag.replace(/"/g, '')}-${list.length}"`;
  }
}

/** An S3 error answer (XML). */
export class S3Failure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function s3FailureFrom(e: unknown): S3Failure {
  if (e instanceof S3Failure) return e;
  if (e instanceof ClusterError) return new S3Failure(e.status, e.status === 404 ? 'NoSuchBucket' : 'InvalidRequest', e.message);
  return new S3Failure(500, 'InternalError', e instanceof Error ? e.message : String(e));
}

const perCluster = new WeakMap<Cluster, DemoS3>();
export function demoS3(cluster: Cluster): DemoS3 {
  let s = perCluster.get(cluster);
  if (!s) {
    s = new DemoS3(cluster);
    perCluster.set(cluster, s);
  }
  return s;
}

export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
  const buf = data instanceof Blob ? await data.arrayBuffer() : data;
  const digest = await crypto.subtle.digest('SHA-256', buf);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A stand-in for MinIO's MD5 ETag (WebCrypto has no MD5): 32 hex characters of the SHA-256. */
async function etagOf(data: Blob): Promise<string> {
  return `"${(await sha256Hex(data)).slice(0, 32)}"`;
}

export async function partEtag(data: Blob): Promise<string> {
  return etagOf(data);
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Generated objects have a size but no bytes: serve readable filler of that size. */
function filler(size: number, type: string): Blob {
  const line = new TextEncoder().encode('Lagoon demo object: generated content without real bytes.\n');
  const chunk = new Uint8Array(64 * 1024);
  for (let i = 0; i < chunk.length; i++) chunk[i] = line[i % line.length] ?? 10;
  const parts: BlobPart[] = [];
  for (let left = size; left > 0; left -= chunk.length) parts.push(left >= chunk.length ? chunk : chunk.subarray(0, left));
  return new Blob(parts, { type });
}
