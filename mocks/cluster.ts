// The demo cluster: an in-memory OSCAR. This file only composes it: the state lives in the fields below,
// grouped by resource, and the rules about each resource in ./cluster/<resource>.ts (mirroring
// ./handlers/<area>.ts), whose methods are copied onto Cluster.prototype at the end of this file. The
// MSW handlers are thin: they authenticate, parse, and call these methods, which throw
// ClusterError(status, text) the way OSCAR answers (plain-text errors, see ../shared/oscar-api/NOTES.md).
// Time comes from `now()`, so a test can move it forward and watch jobs go Pending → Running → Succeeded.
//
// Every name this file exported before the split is still exported from here: src/, e2e/ and bench/
// import them from 'mocks/cluster'.
import type { ConfigForUser, Service } from '../src/api/types';
import { bucketRules, type BucketRules, type StoredBucket } from './cluster/buckets';
import { deploymentRules, type DeploymentRecord, type DeploymentRules } from './cluster/deployments';
import { jobRules, PENDING_MS, type JobRules, type StoredJob } from './cluster/jobs';
import { metricRules, type InvocationEvent, type KnownUser, type MetricRules } from './cluster/metrics';
import { quotaRules, type QuotaRules, type UserQuota } from './cluster/quotas';
import { serviceRules, type ServiceRules } from './cluster/services';
import { defaultConfig, EGI_ISSUERS, MINIO_ROOT, systemRules, type SystemRules } from './cluster/system';
import { volumeRules, type StoredVolume, type VolumeRules } from './cluster/volumes';
import { createRng, type Rng } from './prng';

export { ClusterError, formatBytes, parseQuantity, rfc3339, splitPath, type Visibility } from './cluster/common';
export { OBJECTS_PAGE_SIZE, type ObjectsPage, type StoredBucket, type StoredObject } from './cluster/buckets';
export { buildJobLog } from './cluster/job-logs';
export { JOBS_PAGE_SIZE, PENDING_MS, type JobsPage, type JobStatus, type LogLine, type StoredJob } from './cluster/jobs';
export type { InvocationEvent, InvocationKind, KnownUser } from './cluster/metrics';
export type { DeploymentRecord } from './cluster/deployments';
export type { StoredVolume } from './cluster/volumes';
export type { UserQuota } from './cluster/quotas';
export { EGI_ISSUERS, MINIO_ENDPOINT } from './cluster/system';

export interface ClusterOptions {
  /** Milliseconds since the epoch; defaults to Date.now. */
  now?: () => number;
  seed?: number;
  /** Extra trusted OIDC issuers besides EGI Check-in. */
  trustedIssuers?: string[];
}

// The methods of ./cluster/*.ts, typed on Cluster (they are copied onto its prototype below).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface Cluster
  extends ServiceRules,
    BucketRules,
    JobRules,
    MetricRules,
    DeploymentRules,
    VolumeRules,
    QuotaRules,
    SystemRules {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Cluster {
  now: () => number;
  readonly rng: Rng;

  // services (./cluster/services.ts)
  readonly services = new Map<string, Service>();
  readonly serviceCreatedAt = new Map<string, number>();

  // buckets and their objects (./cluster/buckets.ts)
  readonly buckets = new Map<string, StoredBucket>();

  // jobs and their logs (./cluster/jobs.ts), by service, then by job name
  readonly jobs = new Map<string, Map<string, StoredJob>>();
  /** How long a new job waits as Pending before it runs (a test raises it to keep jobs waiting to start). */
  jobPendingMs = PENDING_MS;

  // invocations (./cluster/metrics.ts): recorded live (runs, jobs); the seeded history is `history`
  readonly events: InvocationEvent[] = [];
  history: InvocationEvent[] = [];
  /** Builds the seeded history on first use, so the demo starts fast. */
  historyFactory: (() => InvocationEvent[]) | null = null;
  /** What the history is built from (seed.ts's HistorySpec), kept to rebuild it after a reload. */
  historySpec: unknown = null;
  /** When each service without a deployment last answered /run (it stays warm a minute). */
  readonly lastSyncCall = new Map<string, number>();
  /** The people behind the seeded history and OIDC calls (country and VO in the metrics). */
  readonly users = new Map<string, KnownUser>();
  /** Extra delay of a /run call before the simulated script answers (the browser demo sets some). */
  runLatencyMs = 0;

  // deployments of exposed services (./cluster/deployments.ts)
  readonly deployments = new Map<string, DeploymentRecord>();

  // volumes (./cluster/volumes.ts)
  readonly volumes = new Map<string, StoredVolume>();

  // quotas (./cluster/quotas.ts)
  readonly quotas = new Map<string, UserQuota>();
  quotasEnabled = true;

  // system: config, trusted issuers, MinIO keys (./cluster/system.ts)
  config: NonNullable<ConfigForUser['config']> = defaultConfig();
  allowedImageRepositories: string[] = [];
  readonly trustedIssuers = new Set<string>(EGI_ISSUERS);
  readonly minioRoot = { ...MINIO_ROOT };
  /** Per-OIDC-user MinIO secret keys, created on first /system/config. */
  readonly minioUserSecrets = new Map<string, string>();

  private listeners = new Set<() => void>();
  private batchDepth = 0;
  private dirty = false;

  constructor(options: ClusterOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.rng = createRng(options.seed ?? 20240611);
    for (const iss of options.trustedIssuers ?? []) this.trustedIssuers.add(iss);
  }

  // ---------------------------------------------------------------- change notification

  /** Called after every change (debounced persistence in the browser). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells subscribers the state changed (handlers that edit a service in place call it too). */
  changed(): void {
    if (this.batchDepth > 0) {
      this.dirty = true;
      return;
    }
    for (const l of this.listeners) l();
  }

  /** Runs `fn` and notifies once at the end (bulk seeding and generators). */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    try {
      return fn();
    } finally {
      this.batchDepth--;
      if (this.batchDepth === 0 && this.dirty) {
        this.dirty = false;
        this.changed();
      }
    }
  }

}

// Copied as class methods would be: not enumerable.
for (const methods of [serviceRules, bucketRules, jobRules, metricRules, deploymentRules, volumeRules, quotaRules, systemRules]) {
  const descriptors = Object.getOwnPropertyDescriptors(methods);
  for (const d of Object.values(descriptors)) d.enumerable = false;
  Object.defineProperties(Cluster.prototype, descriptors);
}
