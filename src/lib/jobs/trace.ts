// The trace from a file to a job to its results. OSCAR does not record which object started a job or
// which objects it wrote, so this is worked out from what can be seen:
// - the input: the FaaS supervisor logs "Downloading item from bucket 'B' with key 'K'" at the start of
//   every job started by an upload (certain); without that line, an object in the input path uploaded
//   just before the job was created (likely);
// - the outputs: objects in the service's output path written while the job ran (the supervisor uploads
//   them at the end), preferring names that share the input's base name.
import type { MinIOObject, Service, StorageIOConfig } from '../../api/types';

export interface StoragePath {
  bucket: string;
  /** Key prefix ending in "/", or "" for the bucket root. */
  prefix: string;
}

export interface ObjectRef {
  bucket: string;
  key: string;
  size?: number;
  modified?: number;
}

/** "bucket/some/prefix" → bucket and "some/prefix/". */
export function splitStoragePath(path: string): StoragePath {
  const clean = path.replace(/^\/+/, '');
  const i = clean.indexOf('/');
  if (i < 0) return { bucket: clean, prefix: '' };
  const prefix = clean.slice(i + 1).replace(/\/+$/, '');
  return { bucket: clean.slice(0, i), prefix: prefix ? `${prefix}/` : '' };
}

/** Only the cluster's own MinIO is listable through OSCAR's bucket API. */
export function isClusterMinio(io: StorageIOConfig): boolean {
  const p = io.storage_provider;
  return !p || p === 'minio' || p === 'minio.default';
}

/** The providers of paths OSCAR cannot list (S3, Onedata, dCache, Rucio…): nothing can be traced there. */
export function externalProviders(ios: readonly StorageIOConfig[] | undefined): string[] {
  return [...new Set((ios ?? []).filter((io) => io.path && !isClusterMinio(io)).map((io) => (io.storage_provider ?? '').split('.')[0] ?? ''))];
}

export function storagePaths(ios: readonly StorageIOConfig[] | undefined): StoragePath[] {
  return (ios ?? []).filter((io) => io.path && isClusterMinio(io)).map((io) => splitStoragePath(io.path ?? ''));
}

export function servicePaths(svc: Pick<Service, 'input' | 'output'>): { inputs: StoragePath[]; outputs: StoragePath[] } {
  return { inputs: storagePaths(svc.input), outputs: storagePaths(svc.output) };
}

const DOWNLOAD = /Downloading item from bucket '([^']+)' with key '([^']+)'/;

/** The object the supervisor says it downloaded to start the job, from the first lines of its log. */
export function inputFromLog(lines: Iterable<string>, scan = 50): ObjectRef | null {
  let n = 0;
  for (const line of lines) {
    const m = DOWNLOAD.exec(line);
    if (m) return { bucket: m[1] ?? '', key: m[2] ?? '' };
    if (++n >= scan) break;
  }
  return null;
}

export function objectTime(o: MinIOObject): number | undefined {
  const t = o.last_modified ? Date.parse(o.last_modified) : NaN;
  return Number.isFinite(t) ? t : undefined;
}

export function toRef(bucket: string, o: MinIOObject): ObjectRef {
  const ref: ObjectRef = { bucket, key: o.object_name ?? '' };
  if (o.size_bytes !== undefined) ref.size = o.size_bytes;
  const m = objectTime(o);
  if (m !== undefined) ref.modified = m;
  return ref;
}

export function baseName(key: string): string {
  const file = key.slice(key.lastIndexOf('/') + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** Whether an output is named after the input: "cat" → "cat.png", "cat-mask.png", but not "cat2.png". */
export function namedAfter(key: string, base: string): boolean {
  const b = baseName(key);
  return b === base || (b.startsWith(base) && /[-_. ]/.test(b.charAt(base.length)));
}

// Clocks differ a little between MinIO, the API server and the job's node; S3 times have second precision.
export const SKEW_MS = 2_000;
/** How long before a job's creation its input may have been uploaded (the webhook is quick). */
export const INPUT_WINDOW_MS = 5_000;

export interface JobTimes {
  started?: number | undefined;
  finished?: number | undefined;
  created?: number | undefined;
}

/** The times between which a job's outputs can have been written; null before it has a time. */
export function outputWindow(job: JobTimes, options: { now?: number; graceMs?: number } = {}): { from: number; to: number } | null {
  const from = (job.started ?? job.created ?? Number.NaN) - SKEW_MS;
  if (!Number.isFinite(from)) return null;
  return { from, to: (job.finished ?? options.now ?? Date.now()) + (options.graceMs ?? 30_000) };
}

/**
 * Objects under the output path written while the job ran (from its start, to a little after it
 * finished, or until now while it runs). Names sharing the input's base name come first.
 */
export function matchOutputs(
  path: StoragePath,
  objects: readonly MinIOObject[],
  job: JobTimes,
  options: { input?: ObjectRef | null; now?: number; graceMs?: number } = {},
): ObjectRef[] {
  const w = outputWindow(job, options);
  if (!w) return [];
  const { from, to } = w;
  const base = options.input ? baseName(options.input.key) : '';
  const found = objects
    .filter((o) => {
      const key = o.object_name ?? '';
      if (!key.startsWith(path.prefix) || key.endsWith('/')) return false;
      const t = objectTime(o);
      return t !== undefined && t >= from && t <= to;
    })
    .map((o) => toRef(path.bucket, o));
  const score = (r: ObjectRef) => (base && namedAfter(r.key, base) ? 0 : 1);
  return found.sort((a, b) => score(a) - score(b) || (a.modified ?? 0) - (b.modified ?? 0));
}

/** Objects in the input path uploaded shortly before the job was created: what probably started it. */
export function likelyInputs(path: StoragePath, objects: readonly MinIOObject[], created: number | undefined, windowMs = INPUT_WINDOW_MS): ObjectRef[] {
  if (created === undefined) return [];
  return objects
    .filter((o) => {
      const key = o.object_name ?? '';
      if (!key.startsWith(path.prefix) || key.endsWith('/')) return false;
      const t = objectTime(o);
      return t !== undefined && t <= created + SKEW_MS && t >= created - windowMs;
    })
    .map((o) => toRef(path.bucket, o))
    .sort((a, b) => Math.abs((a.modified ?? 0) - created) - Math.abs((b.modified ?? 0) - created));
}

/** The folder a bucket browser should open for an object ("/buckets/b/some/dir/"). */
export function browseLink(ref: { bucket: string; key: string }): string {
  const dir = ref.key.slice(0, ref.key.lastIndexOf('/') + 1);
  const parts = [ref.bucket, ...dir.split('/').filter(Boolean)].map(encodeURIComponent);
  return `/buckets/${parts.join('/')}${dir ? '/' : ''}`;
}

// As the bucket browser writes a folder into its URL: a "." or ".." segment keeps its slash encoded,
// since a URL path cannot hold it (see features/buckets/lib/bucket-paths).
function encodeFolder(dir: string): string {
  const segments = dir.replace(/\/$/, '').split('/');
  const dot = (s: string) => s === '.' || s === '..';
  return segments.map((s, i) => encodeURIComponent(s) + (dot(s) ? '%2F' : i < segments.length - 1 ? '/' : '')).join('') + (dot(segments[segments.length - 1] ?? '') ? '' : '/');
}

/** The bucket browser at the object's folder with the object open in its preview panel. */
export function objectLink(ref: { bucket: string; key: string }): string {
  const slash = ref.key.lastIndexOf('/');
  const dir = ref.key.slice(0, slash + 1);
  const name = ref.key.slice(slash + 1);
  return `/buckets/${encodeURIComponent(ref.bucket)}/${dir ? encodeFolder(dir) : ''}?preview=${encodeURIComponent(name)}`;
}

export type PreviewKind = 'image' | 'text' | 'none';

export function previewKind(key: string): PreviewKind {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  if (['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'svg'].includes(ext)) return 'image';
  if (['txt', 'log', 'json', 'csv', 'tsv', 'yaml', 'yml', 'xml', 'md', 'out', 'err'].includes(ext)) return 'text';
  return 'none';
}
