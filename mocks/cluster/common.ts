// What every part of the demo cluster shares: its error, the small helpers (times, storage paths,
// Kubernetes quantities) and `rules()`, which types a resource's methods as methods of the Cluster that
// ../cluster.ts composes them into.
import type { Cluster } from '../cluster';

/**
 * A resource's methods, written as an object whose `this` is the whole cluster (a rule about services may
 * need the buckets). ../cluster.ts copies them onto Cluster.prototype.
 */
export function rules<T>(methods: T & ThisType<Cluster>): T {
  return methods;
}

export class ClusterError extends Error {
  readonly status: number;
  constructor(status: number, message = '') {
    super(message);
    this.name = 'ClusterError';
    this.status = status;
  }
}

export type Visibility = 'private' | 'public' | 'restricted';

/** A lowercase RFC 1123 label (service and volume names). */
export const SERVICE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function rfc3339(ms: number): string {
  return iso(ms);
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}

/** The bucket and key prefix a storage path points at ("bucket/some/prefix"). */
export function splitPath(path: string): { bucket: string; prefix: string } {
  const clean = path.replace(/^\/+/, '');
  const i = clean.indexOf('/');
  if (i < 0) return { bucket: clean, prefix: '' };
  const prefix = clean.slice(i + 1).replace(/\/+$/, '');
  return { bucket: clean.slice(0, i), prefix: prefix ? `${prefix}/` : '' };
}

/** True for the default MinIO provider ("minio", "minio.default" or nothing). */
export function isDefaultMinio(provider: string | undefined): boolean {
  return !provider || provider === 'minio' || provider === 'minio.default';
}

export function parseQuantity(q: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(Ki|Mi|Gi|Ti|k|M|G|T|m)?$/.exec(q.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  const unit = m[2] ?? '';
  const mult: Record<string, number> = {
    '': 1,
    m: 0.001,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
    Ti: 1024 ** 4,
  };
  return n * (mult[unit] ?? 1);
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}
