// Quotas: each user's CPU, memory, GPU, bucket and volume limits (a default until an admin sets them), and
// what they use now (running jobs, exposed replicas, bucket bytes, volume sizes). Served by
// ../handlers/quotas.ts.
import type { QuotaResponse } from '../../src/api/types';
import { ADMIN_OWNER } from '../auth';
import { hashString } from '../prng';
import { bucketUsage } from './buckets';
import { ClusterError, formatBytes, parseQuantity, rules } from './common';

export interface UserQuota {
  cpuMillis: number;
  memoryBytes: number;
  gpu: number;
  buckets: number;
  storagePerBucket: string;
  disk: string;
  volumes: number;
  maxDiskPerVolume: string;
  minDiskPerVolume: string;
  /** Scratch disk of running jobs; absent in snapshots saved before it was kept. */
  ephemeralBytes?: number;
}


const DEFAULT_QUOTA: UserQuota = {
  cpuMillis: 16000,
  memoryBytes: 32 * 1024 ** 3,
  gpu: 1,
  buckets: 30,
  storagePerBucket: '50Gi',
  disk: '100Gi',
  volumes: 5,
  maxDiskPerVolume: '20Gi',
  minDiskPerVolume: '100Mi',
  ephemeralBytes: 50 * 1024 ** 3,
};

export const quotaRules = rules({
  quotaFor(user: string): UserQuota {
    return this.quotas.get(user) ?? DEFAULT_QUOTA;
  },

  quotaView(user: string): QuotaResponse {
    const q = this.quotaFor(user);
    const now = this.now();
    let cpuUsed = 0;
    let memUsed = 0;
    for (const s of this.services.values()) {
      if (s.owner !== user) continue;
      const running = [...this.jobsOf(s.name).values()].filter((j) => this.jobStatus(j, now) === 'Running').length;
      const replicas = this.deployments.get(s.name)?.stopped === false ? (this.deployments.get(s.name)?.replicas ?? 0) : 0;
      const n = running + replicas;
      cpuUsed += Math.round(parseQuantity(s.cpu ?? '0.2') * 1000) * n;
      memUsed += parseQuantity(s.memory ?? '256Mi') * n;
    }
    const buckets = [...this.buckets.values()].filter((b) => b.owner === user);
    const used = buckets.reduce((sum, b) => sum + bucketUsage(b).bytes, 0);
    const volumes = [...this.volumes.values()].filter((v) => v.owner === user);
    const disk = volumes.reduce((sum, v) => sum + parseQuantity(v.size), 0);
    return {
      user_id: user,
      cluster_queue: user === ADMIN_OWNER ? 'oscar-cq-admin' : `oscar-cq-${hashString(user).toString(16)}`,
      resources: {
        cpu: { max: q.cpuMillis, used: cpuUsed },
        memory: { max: q.memoryBytes, used: memUsed },
        'ephemeral-storage': { max: q.ephemeralBytes ?? 50 * 1024 ** 3, used: 0 },
        gpu: { max: q.gpu, used: 0 },
      },
      minio: {
        buckets: { max: q.buckets, used: buckets.length },
        storage_per_bucket: { max: q.storagePerBucket },
        storage_total: { used: formatBytes(used) },
      },
      volumes: {
        disk: { max: q.disk, used: `${Math.round(disk / 1024 ** 3)}Gi` },
        volumes: { max: String(q.volumes), used: String(volumes.length) },
        max_disk_per_volume: q.maxDiskPerVolume,
        min_disk_per_volume: q.minDiskPerVolume,
      },
    };
  },

  updateQuota(user: string, body: unknown): QuotaResponse {
    const b = (body ?? {}) as {
      cpu?: unknown;
      memory?: unknown;
      gpu?: unknown;
      ephemeral_storage?: unknown;
      minio?: { buckets?: unknown; storage_per_bucket?: unknown };
      volumes?: { disk?: unknown; volumes?: unknown; max_disk_per_volume?: unknown; min_disk_per_volume?: unknown };
    };
    if (b.cpu === undefined && b.memory === undefined && b.volumes === undefined && b.gpu === undefined && b.minio === undefined && b.ephemeral_storage === undefined) {
      throw new ClusterError(400, 'cpu, memory, ephemeral_storage, volumes or minio must be provided');
    }
    const q = { ...this.quotaFor(user) };
    const num = (v: unknown, what: string) => {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? parseQuantity(v) : NaN;
      if (!Number.isFinite(n) || n < 0) throw new ClusterError(400, `invalid ${what} quota "${String(v)}"`);
      return n;
    };
    const quantity = (v: unknown, what: string) => {
      if (typeof v !== 'string' || !Number.isFinite(parseQuantity(v))) throw new ClusterError(400, `invalid ${what} quota "${String(v)}"`);
      return v;
    };
    // Kubernetes quantities in, millicores out ("4" or "4000m" are four cores), as OSCAR does.
    if (b.cpu !== undefined) q.cpuMillis = Math.round(num(b.cpu, 'cpu') * 1000);
    if (b.memory !== undefined) q.memoryBytes = num(b.memory, 'memory');
    if (b.gpu !== undefined) q.gpu = num(b.gpu, 'gpu');
    if (b.ephemeral_storage !== undefined) q.ephemeralBytes = num(b.ephemeral_storage, 'ephemeral storage');
    if (b.minio?.buckets !== undefined) q.buckets = num(b.minio.buckets, 'minio buckets');
    if (b.minio?.storage_per_bucket !== undefined) q.storagePerBucket = quantity(b.minio.storage_per_bucket, 'storage per bucket');
    if (b.volumes?.disk !== undefined) q.disk = quantity(b.volumes.disk, 'volume disk');
    if (b.volumes?.volumes !== undefined) q.volumes = num(b.volumes.volumes, 'volume count');
    if (b.volumes?.max_disk_per_volume !== undefined) q.maxDiskPerVolume = quantity(b.volumes.max_disk_per_volume, 'max disk per volume');
    if (b.volumes?.min_disk_per_volume !== undefined) q.minDiskPerVolume = quantity(b.volumes.min_disk_per_volume, 'min disk per volume');
    this.quotas.set(user, q);
    this.changed();
    return this.quotaView(user);
  },
});

export type QuotaRules = typeof quotaRules;
