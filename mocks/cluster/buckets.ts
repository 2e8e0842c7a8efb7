// Buckets and their objects: who may see them, OSCAR's bucket summaries, S3-style listing, and the MinIO
// webhook's rule (an object put in a service's input path starts a job). Served by ../handlers/buckets.ts
// and ../handlers/s3.ts (through ../s3.ts).
import type { MinIOBucket, MinIOObject, Service } from '../../src/api/types';
import { ADMIN_OWNER, isAdmin, ownerId, type Principal } from '../auth';
import type { Cluster } from '../cluster';
import { createRng, hashString } from '../prng';
import { ClusterError, formatBytes, iso, isDefaultMinio, parseQuantity, rules, splitPath, type Visibility } from './common';

export const OBJECTS_PAGE_SIZE = 1000;

export interface StoredObject {
  key: string;
  size: number;
  lastModified: number;
  owner: string;
  contentType?: string;
  /** Small bodies only (generated outputs, seed samples); base64 when `binary`. */
  body?: string;
  binary?: boolean;
}

export interface StoredBucket {
  name: string;
  owner: string;
  visibility: Visibility;
  allowedUsers: string[];
  metadata: Record<string, string>;
  createdAt: number;
  /** Set when OSCAR created the bucket for a service's input/output: deleting the service deletes it. */
  createdByService?: string;
  objects: Map<string, StoredObject>;
  sortedKeys: string[] | null;
}

export interface ObjectsPage {
  objects: MinIOObject[];
  next_page?: string;
  is_truncated: boolean;
  returned_items: number;
}

export const bucketRules = rules({
  canSeeBucket(p: Principal, b: StoredBucket): boolean {
    if (isAdmin(p)) return true;
    if (p.kind !== 'oidc') return false;
    if (b.owner === p.sub || b.visibility === 'public') return true;
    return b.visibility === 'restricted' && b.allowedUsers.includes(p.sub);
  },

  requireBucket(p: Principal, name: string): StoredBucket {
    const b = this.buckets.get(name);
    if (!b) throw new ClusterError(404, `The bucket "${name}" does not exist`);
    if (!this.canSeeBucket(p, b)) throw new ClusterError(403, `User ${ownerId(p)} doesn't have access to bucket ${name}`);
    return b;
  },

  bucketSummary(b: StoredBucket): MinIOBucket {
    const usage = bucketUsage(b);
    const quota = this.quotaFor(b.owner);
    return {
      bucket_name: b.name,
      visibility: b.visibility,
      allowed_users: [...b.allowedUsers],
      owner: b.owner,
      metadata: { ...b.metadata },
      storage_usage: { objects: usage.objects, used_bytes: usage.bytes, used: formatBytes(usage.bytes) },
      storage_quota: {
        max: quota.storagePerBucket,
        max_bytes: parseQuantity(quota.storagePerBucket),
        source: b.owner === ADMIN_OWNER ? 'cluster-default' : 'user-quota',
      },
    };
  },

  listBuckets(p: Principal): MinIOBucket[] {
    const out: MinIOBucket[] = [];
    for (const b of this.buckets.values()) if (this.canSeeBucket(p, b)) out.push(this.bucketSummary(b));
    return out;
  },

  createBucket(p: Principal, spec: MinIOBucket, at?: number): StoredBucket {
    at ??= this.now();
    if (p.kind === 'service-token') throw new ClusterError(401, 'Unauthorized');
    const name = spec.bucket_name ?? '';
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) || name.includes('..')) {
      throw new ClusterError(400, `Invalid bucket name "${name}": use 3 to 63 lowercase letters, digits, dots and hyphens`);
    }
    if (this.buckets.has(name)) throw new ClusterError(400, `The bucket "${name}" already exists`);
    const visibility = (spec.visibility || 'private') as Visibility;
    if (!['private', 'public', 'restricted'].includes(visibility)) {
      throw new ClusterError(400, 'visibility must be "private", "public" or "restricted"');
    }
    const owner = ownerId(p);
    const quota = this.quotaFor(owner);
    if (!isAdmin(p) && [...this.buckets.values()].filter((b) => b.owner === owner).length >= quota.buckets) {
      throw new ClusterError(400, `Bucket quota exceeded: at most ${quota.buckets} buckets`);
    }
    const b: StoredBucket = {
      name,
      owner,
      visibility,
      allowedUsers: visibility === 'restricted' ? [...(spec.allowed_users ?? [])] : [],
      metadata: { ...(spec.metadata ?? {}) },
      createdAt: at,
      objects: new Map(),
      sortedKeys: null,
    };
    this.buckets.set(name, b);
    this.changed();
    return b;
  },

  updateBucket(p: Principal, spec: MinIOBucket): void {
    const name = spec.bucket_name ?? '';
    const b = this.buckets.get(name);
    if (!b) throw new ClusterError(404, `The bucket "${name}" does not exist`);
    if (!isAdmin(p) && !(p.kind === 'oidc' && b.owner === p.sub)) {
      throw new ClusterError(403, `User ${ownerId(p)} is not the owner of bucket ${name}`);
    }
    const visibility = (spec.visibility || b.visibility) as Visibility;
    if (!['private', 'public', 'restricted'].includes(visibility)) {
      throw new ClusterError(400, 'visibility must be "private", "public" or "restricted"');
    }
    b.visibility = visibility;
    b.allowedUsers = visibility === 'restricted' ? [...(spec.allowed_users ?? b.allowedUsers)] : [];
    if (spec.metadata) b.metadata = { ...spec.metadata };
    this.changed();
  },

  deleteBucket(p: Principal, name: string): void {
    const b = this.buckets.get(name);
    if (!b) throw new ClusterError(404, `The bucket "${name}" does not exist`);
    if (!isAdmin(p) && !(p.kind === 'oidc' && b.owner === p.sub)) {
      throw new ClusterError(403, `User ${ownerId(p)} is not the owner of bucket ${name}`);
    }
    this.buckets.delete(name);
    this.changed();
  },

  /** S3-style listing: keys in order, `page` is an opaque continuation token. */
  listObjects(b: StoredBucket, page?: string | null, pageSize = OBJECTS_PAGE_SIZE): ObjectsPage {
    const keys = sortedKeys(b);
    let start = 0;
    if (page) {
      let after: string;
      try {
        after = decodeURIComponent(escape(atob(page)));
      } catch {
        throw new ClusterError(400, 'Invalid continuation token');
      }
      start = lowerBound(keys, after);
      if (keys[start] === after) start++;
    }
    const slice = keys.slice(start, start + pageSize);
    const truncated = start + pageSize < keys.length;
    const objects = slice.map((k) => {
      const o = b.objects.get(k)!;
      return { object_name: o.key, size_bytes: o.size, last_modified: iso(o.lastModified), owner: o.owner };
    });
    const last = slice[slice.length - 1];
    return {
      objects,
      is_truncated: truncated,
      returned_items: objects.length,
      ...(truncated && last !== undefined ? { next_page: btoa(unescape(encodeURIComponent(last))) } : {}),
    };
  },

  getObject(bucket: string, key: string): StoredObject | undefined {
    return this.buckets.get(bucket)?.objects.get(key);
  },

  /**
   * Stores an object (the S3 side of the demo, used by seeding, generators and job outputs) and, like
   * OSCAR's MinIO webhook, starts a job for every service whose input path the key falls in.
   */
  putObject(
    bucket: string,
    obj: Omit<StoredObject, 'lastModified' | 'owner'> & { lastModified?: number; owner?: string },
    options: { trigger?: boolean } = {},
  ): StoredObject {
    const b = this.buckets.get(bucket);
    if (!b) throw new ClusterError(404, `The bucket "${bucket}" does not exist`);
    const stored: StoredObject = { ...obj, lastModified: obj.lastModified ?? this.now(), owner: obj.owner ?? b.owner };
    if (!b.objects.has(stored.key)) b.sortedKeys = null;
    b.objects.set(stored.key, stored);
    if (options.trigger !== false && !stored.key.endsWith('/')) {
      for (const svc of this.services.values()) {
        if (inputMatches(svc, bucket, stored.key)) {
          this.createJob(svc.name, stored.owner, { input: { bucket, key: stored.key }, at: stored.lastModified });
        }
      }
    }
    this.changed();
    return stored;
  },

  deleteObject(bucket: string, key: string): boolean {
    const b = this.buckets.get(bucket);
    if (!b || !b.objects.delete(key)) return false;
    b.sortedKeys = null;
    this.changed();
    return true;
  },

  /** Adds `n` objects to a bucket (creating it for the admin if needed) under `prefix`. */
  addGeneratedObjects(bucket: string, n: number, prefix = ''): number {
    if (!this.buckets.has(bucket)) this.createBucket({ kind: 'admin', username: 'oscar' }, { bucket_name: bucket, visibility: 'private' });
    const b = this.buckets.get(bucket)!;
    const r = createRng(hashString(`gen-objects:${bucket}:${b.objects.size}`));
    const kinds = [
      { ext: 'jpg', min: 80_000, max: 4_000_000, type: 'image/jpeg' },
      { ext: 'png', min: 20_000, max: 2_000_000, type: 'image/png' },
      { ext: 'csv', min: 500, max: 5_000_000, type: 'text/csv' },
      { ext: 'mp4', min: 5_000_000, max: 400_000_000, type: 'video/mp4' },
      { ext: 'json', min: 200, max: 200_000, type: 'application/json' },
      { ext: 'h5', min: 10_000_000, max: 900_000_000, type: 'application/x-hdf5' },
    ];
    const folders = ['', 'raw/', 'processed/', '2024/', '2025/', 'batch-a/', 'batch-b/'];
    const p = prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix;
    const start = b.objects.size;
    const now = this.now();
    this.batch(() => {
      for (let i = 0; i < n; i++) {
        const k = r.pick(kinds);
        const key = `${p}${r.pick(folders)}sample-${String(start + i).padStart(6, '0')}.${k.ext}`;
        b.objects.set(key, {
          key,
          size: r.int(k.min, k.max),
          lastModified: now - r.int(0, 90 * 86_400_000),
          owner: b.owner,
          contentType: k.type,
        });
      }
      b.sortedKeys = null;
      this.changed();
    });
    return b.objects.size;
  },
});

export type BucketRules = typeof bucketRules;

/** What OSCAR creates for a service's default-MinIO input, output and mount paths. */
/**
 * A demo rule (decision 010): a service whose new buckets would take its owner past their bucket quota is
 * refused with a 400 in plain words, before anything is created. The admin has no bucket quota here.
 */
export function checkServiceBucketQuota(c: Cluster, svc: Service): void {
  const owner = svc.owner ?? ADMIN_OWNER;
  if (owner === ADMIN_OWNER) return;
  const fresh = c.serviceBucketNames(svc).filter((name) => !c.buckets.has(name));
  if (fresh.length === 0) return;
  const max = c.quotaFor(owner).buckets;
  const owned = [...c.buckets.values()].filter((b) => b.owner === owner).length;
  if (owned + fresh.length <= max) return;
  const names = fresh.map((n) => `"${n}"`).join(', ');
  throw new ClusterError(
    400,
    `Bucket quota exceeded: the service needs ${fresh.length === 1 ? 'a new bucket' : `${fresh.length} new buckets`} (${names}), and you have ${owned} of at most ${max} buckets`,
  );
}

export function ensureServiceBuckets(c: Cluster, svc: Service, at: number): void {
  for (const name of c.serviceBucketNames(svc)) {
    if (c.buckets.has(name)) continue;
    c.buckets.set(name, {
      name,
      owner: svc.owner ?? ADMIN_OWNER,
      visibility: (svc.visibility as Visibility | undefined) ?? 'private',
      allowedUsers: [...(svc.allowed_users ?? [])],
      metadata: { service: svc.name },
      createdAt: at,
      createdByService: svc.name,
      objects: new Map(),
      sortedKeys: null,
    });
    const b = c.buckets.get(name)!;
    // OSCAR creates the folders of the input/output paths as empty "directory" objects.
    for (const io of [...(svc.input ?? []), ...(svc.output ?? [])]) {
      const { bucket, prefix } = splitPath(io.path ?? '');
      if (bucket === name && prefix) {
        b.objects.set(prefix, { key: prefix, size: 0, lastModified: at, owner: b.owner });
      }
    }
  }
}

/** Objects and bytes, not counting the empty "folder" objects. */
export function bucketUsage(b: StoredBucket): { objects: number; bytes: number } {
  let bytes = 0;
  let objects = 0;
  for (const o of b.objects.values()) {
    if (o.key.endsWith('/') && o.size === 0) continue;
    bytes += o.size;
    objects++;
  }
  return { objects, bytes };
}

function sortedKeys(b: StoredBucket): string[] {
  if (!b.sortedKeys) b.sortedKeys = [...b.objects.keys()].sort();
  return b.sortedKeys;
}

function inputMatches(svc: Service, bucket: string, key: string): boolean {
  for (const io of svc.input ?? []) {
    if (!io.path || !isDefaultMinio(io.storage_provider)) continue;
    const target = splitPath(io.path);
    if (target.bucket !== bucket || !key.startsWith(target.prefix)) continue;
    const file = key.slice(key.lastIndexOf('/') + 1);
    if (io.suffix?.length && !io.suffix.some((s) => file.endsWith(s))) continue;
    if (io.prefix?.length && !io.prefix.some((s) => file.startsWith(s))) continue;
    return true;
  }
  return false;
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
