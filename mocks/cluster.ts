// The demo cluster's state: an in-memory OSCAR (services, buckets and objects, jobs with a clock-driven
// lifecycle, logs, volumes, quotas, deployments, invocation history). The MSW handlers in ./handlers are
// thin: they authenticate, parse, and call these methods, which throw ClusterError(status, text) the way
// OSCAR answers (plain-text errors, see ../shared/oscar-api/NOTES.md). Time comes from `now()`, so a test
// can move it forward and watch jobs go Pending → Running → Succeeded.
import type {
  ConfigForUser,
  JobInfo,
  ManagedVolume,
  MinIOBucket,
  MinIOObject,
  QuotaResponse,
  Service,
  ServiceDeploymentStatus,
  StorageIOConfig,
} from '../src/api/types';
import { ADMIN_OWNER, isAdmin, ownerId, type Principal } from './auth';
import { createRng, hashString, type Rng } from './prng';
import { greyscalePng, toBase64 } from './png';

export const JOBS_PAGE_SIZE = 70;
export const OBJECTS_PAGE_SIZE = 1000;
export const PENDING_MS = 3000;
export const EGI_ISSUERS = ['https://aai.egi.eu/auth/realms/egi', 'https://aai-demo.egi.eu/auth/realms/egi'];
export const MINIO_ENDPOINT = 'https://minio.demo.lagoon.test';
const SERVICE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export class ClusterError extends Error {
  readonly status: number;
  constructor(status: number, message = '') {
    super(message);
    this.name = 'ClusterError';
    this.status = status;
  }
}

export type JobStatus = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
export type Visibility = 'private' | 'public' | 'restricted';
export type InvocationKind = 'sync' | 'async' | 'exposed';

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

export interface LogLine {
  /** Milliseconds after the job started running. */
  at: number;
  text: string;
}

export interface StoredJob {
  name: string;
  service: string;
  owner: string;
  createdAt: number;
  startAt: number;
  finishAt: number;
  outcome: 'Succeeded' | 'Failed';
  /** Forces a status regardless of the clock (seeded Unknown jobs: the pod is gone). */
  fixedStatus?: JobStatus;
  input?: { bucket: string; key: string };
  log: LogLine[];
  settled: boolean;
}

export interface InvocationEvent {
  t: number;
  service: string;
  kind: InvocationKind;
  user?: string;
  country?: string;
  vo?: string;
  cpuSeconds: number;
  gpuSeconds: number;
}

export interface KnownUser {
  sub: string;
  name: string;
  country: string;
  vo: string;
}

export interface DeploymentRecord {
  stopped: boolean;
  replicas: number;
  /** While now < readyAt the deployment is starting (pending). */
  readyAt: number;
  lastTransition: number;
  log: LogLine[];
}

export interface StoredVolume {
  name: string;
  owner: string;
  size: string;
  createdAt: number;
  creationMode: 'api' | 'service';
  lifecyclePolicy: 'retain' | 'delete';
  createdByService?: string;
}

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
}

export interface ClusterOptions {
  /** Milliseconds since the epoch; defaults to Date.now. */
  now?: () => number;
  seed?: number;
  /** Extra trusted OIDC issuers besides EGI Check-in. */
  trustedIssuers?: string[];
}

export interface JobsPage {
  jobs: Record<string, JobInfo>;
  next_page?: string;
  remaining_jobs?: number;
}

export interface ObjectsPage {
  objects: MinIOObject[];
  next_page?: string;
  is_truncated: boolean;
  returned_items: number;
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
};

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function rfc3339(ms: number): string {
  return iso(ms);
}

function clone<T>(v: T): T {
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
function isDefaultMinio(provider: string | undefined): boolean {
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

export class Cluster {
  now: () => number;
  readonly rng: Rng;
  readonly services = new Map<string, Service>();
  readonly serviceCreatedAt = new Map<string, number>();
  readonly buckets = new Map<string, StoredBucket>();
  /** Jobs by service, then by job name. */
  readonly jobs = new Map<string, Map<string, StoredJob>>();
  readonly volumes = new Map<string, StoredVolume>();
  readonly quotas = new Map<string, UserQuota>();
  readonly deployments = new Map<string, DeploymentRecord>();
  readonly users = new Map<string, KnownUser>();
  readonly trustedIssuers = new Set<string>(EGI_ISSUERS);
  /** Invocations recorded live (runs, jobs); the seeded history is `history`. */
  readonly events: InvocationEvent[] = [];
  history: InvocationEvent[] = [];
  /** Builds the seeded history on first use, so the demo starts fast. */
  historyFactory: (() => InvocationEvent[]) | null = null;
  /** What the history is built from (seed.ts's HistorySpec), kept to rebuild it after a reload. */
  historySpec: unknown = null;
  quotasEnabled = true;
  /** Extra delay of a /run call before the simulated script answers (the browser demo sets some). */
  runLatencyMs = 0;
  config: NonNullable<ConfigForUser['config']> = {
    name: 'oscar',
    namespace: 'oscar',
    services_namespace: 'oscar-svc',
    serverless_backend: 'knative',
    controller_service_account: 'oscar-sa',
    gpu_available: true,
    interLink_available: true,
    kueue_enable: true,
    minio_quota_enabled: true,
    volume_enable: true,
    yunikorn_enable: false,
    oidc_groups: ['vo.ai4eosc.eu', 'vo.imagine-ai.eu', 'dev.intertwin.eu'],
  };
  allowedImageRepositories: string[] = [];
  readonly minioRoot = { access_key: 'minio-root', secret_key: 'Xq7pN2vR9sLk4TzW8bYc3MhJ6dFg1AeU5oKi0nPw' };
  /** Per-OIDC-user MinIO secret keys, created on first /system/config. */
  readonly minioUserSecrets = new Map<string, string>();
  private pendingJobs = new Set<StoredJob>();
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

  // ---------------------------------------------------------------- auth helpers

  trustIssuer(iss: string): void {
    this.trustedIssuers.add(iss.replace(/\/+$/, ''));
  }

  isTrustedIssuer(iss: string): boolean {
    return this.trustedIssuers.has(iss.replace(/\/+$/, ''));
  }

  serviceForToken(token: string): string | undefined {
    for (const s of this.services.values()) if (s.token === token) return s.name;
    return undefined;
  }

  /** OSCAR's visibility rule: public, owner, or restricted with the user in allowed_users. */
  canSee(p: Principal, svc: Service): boolean {
    if (isAdmin(p)) return true;
    if (p.kind === 'service-token') return p.service === svc.name;
    if (svc.visibility === 'public') return true;
    if (svc.owner === p.sub) return true;
    return (svc.allowed_users ?? []).includes(p.sub);
  }

  /** Write operations: the admin, or the service's owner. */
  canManage(p: Principal, svc: Service): boolean {
    if (isAdmin(p)) return true;
    return p.kind === 'oidc' && svc.owner === p.sub;
  }

  /** /run and /job: the service's token, the admin, or an OIDC user who can see it. */
  canInvoke(p: Principal, svc: Service): boolean {
    if (p.kind === 'service-token') return p.service === svc.name;
    return this.canSee(p, svc);
  }

  // ---------------------------------------------------------------- services

  requireService(name: string): Service {
    const s = this.services.get(name);
    if (!s) throw new ClusterError(404, '');
    return s;
  }

  /** A service the caller may read; 403 otherwise (the real server's wording). */
  readableService(p: Principal, name: string): Service {
    const s = this.requireService(name);
    if (!this.canSee(p, s)) {
      throw new ClusterError(403, `User ${ownerId(p)} doesn't have permission to get this service`);
    }
    return s;
  }

  manageableService(p: Principal, name: string): Service {
    const s = this.requireService(name);
    if (!this.canManage(p, s)) {
      throw new ClusterError(403, `User ${ownerId(p)} doesn't have permission to manage this service`);
    }
    return s;
  }

  listServices(p: Principal): Service[] {
    const out: Service[] = [];
    for (const s of this.services.values()) if (this.canSee(p, s)) out.push(s);
    return out;
  }

  /** What GET returns: secrets blanked, default MinIO keys "hidden", optional deployment summary. */
  publicService(svc: Service, includeDeployment = false): Service {
    const out = clone(svc);
    if (out.environment?.secrets) {
      for (const k of Object.keys(out.environment.secrets)) out.environment.secrets[k] = '';
    }
    const def = out.storage_providers?.minio?.default;
    if (def) {
      def.access_key = 'hidden';
      def.secret_key = 'hidden';
    }
    if (includeDeployment) {
      const d = this.deploymentStatus(svc);
      out.deployment = {
        state: d.state,
        active_instances: d.active_instances ?? 0,
        affected_instances: d.affected_instances ?? 0,
        ...(d.reason ? { reason: d.reason } : {}),
        ...(d.resource_kind ? { resource_kind: d.resource_kind } : {}),
        ...(d.last_transition_time ? { last_transition_time: d.last_transition_time } : {}),
      };
    } else {
      delete out.deployment;
    }
    return out;
  }

  validateService(spec: unknown): Service {
    const invalid = (why: string) => new ClusterError(400, `The service specification is not valid: ${why}`);
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) throw invalid('the body must be a JSON object');
    const s = spec as Record<string, unknown>;
    for (const field of ['name', 'image', 'script'] as const) {
      if (typeof s[field] !== 'string' || !(s[field] as string).trim()) {
        const F = field[0]!.toUpperCase() + field.slice(1);
        throw invalid(`Key: 'Service.${F}' Error:Field validation for '${F}' failed on the 'required' tag`);
      }
    }
    const name = s.name as string;
    if (name.length > 39 || !SERVICE_NAME.test(name)) {
      throw invalid(
        `the name "${name}" must be a lowercase RFC 1123 label of at most 39 characters (a-z, 0-9 and "-", starting and ending with a letter or digit)`,
      );
    }
    for (const io of ['input', 'output'] as const) {
      const v = s[io];
      if (v !== undefined && v !== null && !Array.isArray(v)) throw invalid(`'${io}' must be a list`);
      for (const entry of (v as StorageIOConfig[] | undefined) ?? []) {
        if (!entry || typeof entry.path !== 'string' || !entry.path.trim()) {
          throw invalid(`every ${io} needs a storage path`);
        }
      }
    }
    const vis = s.visibility;
    if (vis !== undefined && vis !== '' && vis !== 'private' && vis !== 'public' && vis !== 'restricted') {
      throw invalid(`visibility must be "private", "public" or "restricted"`);
    }
    return clone(spec as Service);
  }

  /** OSCAR's defaults for what the FDL leaves out, and the server-side fields. */
  private normalise(svc: Service, owner: string, token?: string): Service {
    svc.owner = owner;
    svc.token = token ?? this.rng.hex(64);
    svc.cpu ||= '0.2';
    svc.memory ||= '256Mi';
    svc.log_level ||= 'INFO';
    svc.visibility ||= 'private';
    svc.namespace = owner === ADMIN_OWNER ? 'oscar-svc' : `oscar-svc-${hashString(owner).toString(16)}`;
    svc.storage_providers ??= {};
    svc.storage_providers.minio ??= {};
    svc.storage_providers.minio.default = {
      endpoint: MINIO_ENDPOINT,
      region: 'us-east-1',
      access_key: this.minioRoot.access_key,
      secret_key: this.minioRoot.secret_key,
      verify: true,
    };
    delete svc.deployment;
    delete svc.volume_status;
    if (svc.volume) {
      svc.volume_status = { enabled: true, name: this.volumeNameFor(svc), phase: 'Bound' };
    }
    return svc;
  }

  createService(p: Principal, spec: unknown, createdAt = this.now()): Service {
    if (p.kind === 'service-token') throw new ClusterError(401, 'Unauthorized');
    const svc = this.validateService(spec);
    if (this.services.has(svc.name)) throw new ClusterError(409, 'A service with the provided name already exists');
    this.normalise(svc, ownerId(p));
    this.services.set(svc.name, svc);
    this.serviceCreatedAt.set(svc.name, createdAt);
    this.jobs.set(svc.name, new Map());
    this.ensureServiceBuckets(svc, createdAt);
    this.ensureServiceVolume(svc, createdAt);
    if (svc.expose?.api_port?.length) {
      this.deployments.set(svc.name, {
        stopped: false,
        replicas: Math.max(1, svc.expose.min_scale ?? 1),
        readyAt: createdAt + 5000,
        lastTransition: createdAt,
        log: [],
      });
    }
    this.changed();
    return svc;
  }

  /**
   * PUT takes the whole service: what was sent is stored, so blank secrets stay blank. Like OSCAR
   * (pkg/handlers/update.go), the secret values are rewritten only when the body lists secrets; an
   * update without any leaves the stored ones as they are.
   */
  updateService(p: Principal, spec: unknown): Service {
    const next = this.validateService(spec);
    const current = this.manageableService(p, next.name);
    const kept = current.environment?.secrets;
    if (kept && Object.keys(next.environment?.secrets ?? {}).length === 0) {
      next.environment = { ...next.environment, secrets: clone(kept) };
    }
    this.normalise(next, current.owner ?? ADMIN_OWNER, current.token);
    this.services.set(next.name, next);
    const createdAt = this.serviceCreatedAt.get(next.name) ?? this.now();
    this.ensureServiceBuckets(next, this.now());
    this.ensureServiceVolume(next, createdAt);
    const wasExposed = this.deployments.has(next.name);
    if (next.expose?.api_port?.length && !wasExposed) {
      this.deployments.set(next.name, {
        stopped: false,
        replicas: Math.max(1, next.expose.min_scale ?? 1),
        readyAt: this.now() + 5000,
        lastTransition: this.now(),
        log: [],
      });
    } else if (!next.expose?.api_port?.length && wasExposed) {
      this.deployments.delete(next.name);
    }
    this.changed();
    return next;
  }

  deleteService(p: Principal, name: string): void {
    const svc = this.manageableService(p, name);
    this.services.delete(name);
    this.serviceCreatedAt.delete(name);
    this.deployments.delete(name);
    const jobs = this.jobs.get(name);
    if (jobs) for (const j of jobs.values()) this.pendingJobs.delete(j);
    this.jobs.delete(name);
    for (const b of [...this.buckets.values()]) {
      if (b.createdByService === svc.name) this.buckets.delete(b.name);
    }
    for (const v of [...this.volumes.values()]) {
      if (v.createdByService === svc.name && v.lifecyclePolicy === 'delete') this.volumes.delete(v.name);
    }
    this.changed();
  }

  /** The buckets of the service's default-MinIO input, output and mount paths. */
  serviceBucketNames(svc: Service): string[] {
    const names = new Set<string>();
    const ios = [...(svc.input ?? []), ...(svc.output ?? []), ...(svc.mount ? [svc.mount] : [])];
    for (const io of ios) {
      if (io.path && isDefaultMinio(io.storage_provider)) {
        const { bucket } = splitPath(io.path);
        if (bucket) names.add(bucket);
      }
    }
    return [...names];
  }

  private ensureServiceBuckets(svc: Service, at: number): void {
    for (const name of this.serviceBucketNames(svc)) {
      if (this.buckets.has(name)) continue;
      this.buckets.set(name, {
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
      const b = this.buckets.get(name)!;
      // OSCAR creates the folders of the input/output paths as empty "directory" objects.
      for (const io of [...(svc.input ?? []), ...(svc.output ?? [])]) {
        const { bucket, prefix } = splitPath(io.path ?? '');
        if (bucket === name && prefix) {
          b.objects.set(prefix, { key: prefix, size: 0, lastModified: at, owner: b.owner });
        }
      }
    }
  }

  private volumeNameFor(svc: Service): string {
    return svc.volume?.name || `${svc.name}-volume`;
  }

  private ensureServiceVolume(svc: Service, at: number): void {
    if (!svc.volume) return;
    const name = this.volumeNameFor(svc);
    if (this.volumes.has(name)) return;
    this.volumes.set(name, {
      name,
      owner: svc.owner ?? ADMIN_OWNER,
      size: svc.volume.size || '1Gi',
      createdAt: at,
      creationMode: 'service',
      lifecyclePolicy: svc.volume.lifecycle_policy === 'retain' ? 'retain' : 'delete',
      createdByService: svc.name,
    });
  }

  // ---------------------------------------------------------------- buckets and objects

  canSeeBucket(p: Principal, b: StoredBucket): boolean {
    if (isAdmin(p)) return true;
    if (p.kind !== 'oidc') return false;
    if (b.owner === p.sub || b.visibility === 'public') return true;
    return b.visibility === 'restricted' && b.allowedUsers.includes(p.sub);
  }

  requireBucket(p: Principal, name: string): StoredBucket {
    const b = this.buckets.get(name);
    if (!b) throw new ClusterError(404, `The bucket "${name}" does not exist`);
    if (!this.canSeeBucket(p, b)) throw new ClusterError(403, `User ${ownerId(p)} doesn't have access to bucket ${name}`);
    return b;
  }

  private bucketUsage(b: StoredBucket): { objects: number; bytes: number } {
    let bytes = 0;
    let objects = 0;
    for (const o of b.objects.values()) {
      if (o.key.endsWith('/') && o.size === 0) continue;
      bytes += o.size;
      objects++;
    }
    return { objects, bytes };
  }

  bucketSummary(b: StoredBucket): MinIOBucket {
    const usage = this.bucketUsage(b);
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
  }

  listBuckets(p: Principal): MinIOBucket[] {
    const out: MinIOBucket[] = [];
    for (const b of this.buckets.values()) if (this.canSeeBucket(p, b)) out.push(this.bucketSummary(b));
    return out;
  }

  createBucket(p: Principal, spec: MinIOBucket, at = this.now()): StoredBucket {
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
  }

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
  }

  deleteBucket(p: Principal, name: string): void {
    const b = this.buckets.get(name);
    if (!b) throw new ClusterError(404, `The bucket "${name}" does not exist`);
    if (!isAdmin(p) && !(p.kind === 'oidc' && b.owner === p.sub)) {
      throw new ClusterError(403, `User ${ownerId(p)} is not the owner of bucket ${name}`);
    }
    this.buckets.delete(name);
    this.changed();
  }

  private sortedKeys(b: StoredBucket): string[] {
    if (!b.sortedKeys) b.sortedKeys = [...b.objects.keys()].sort();
    return b.sortedKeys;
  }

  /** S3-style listing: keys in order, `page` is an opaque continuation token. */
  listObjects(b: StoredBucket, page?: string | null, pageSize = OBJECTS_PAGE_SIZE): ObjectsPage {
    const keys = this.sortedKeys(b);
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
  }

  getObject(bucket: string, key: string): StoredObject | undefined {
    return this.buckets.get(bucket)?.objects.get(key);
  }

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
        if (this.inputMatches(svc, bucket, stored.key)) {
          this.createJob(svc.name, stored.owner, { input: { bucket, key: stored.key }, at: stored.lastModified });
        }
      }
    }
    this.changed();
    return stored;
  }

  deleteObject(bucket: string, key: string): boolean {
    const b = this.buckets.get(bucket);
    if (!b || !b.objects.delete(key)) return false;
    b.sortedKeys = null;
    this.changed();
    return true;
  }

  private inputMatches(svc: Service, bucket: string, key: string): boolean {
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

  // ---------------------------------------------------------------- jobs

  jobStatus(job: StoredJob, now = this.now()): JobStatus {
    if (job.fixedStatus) return job.fixedStatus;
    if (now < job.startAt) return 'Pending';
    if (now < job.finishAt) return 'Running';
    return job.outcome;
  }

  jobInfo(job: StoredJob, now = this.now()): JobInfo {
    const status = this.jobStatus(job, now);
    const info: JobInfo = { status, creation_time: iso(job.createdAt) };
    if (status === 'Unknown') return info;
    if (now >= job.startAt) info.start_time = iso(job.startAt);
    if (now >= job.finishAt && status !== 'Running' && status !== 'Pending') info.finish_time = iso(job.finishAt);
    return info;
  }

  newJobName(service: string): string {
    const jobs = this.jobs.get(service);
    for (;;) {
      const name = `${service}-${this.rng.alnum(5)}`;
      if (!jobs?.has(name)) return name;
    }
  }

  /** Starts an async job (POST /job, or an upload into an input path). Returns its name. */
  createJob(
    service: string,
    owner: string,
    options: {
      input?: { bucket: string; key: string };
      at?: number;
      outcome?: 'Succeeded' | 'Failed';
      runMs?: number;
      fixedStatus?: JobStatus;
      name?: string;
    } = {},
  ): StoredJob {
    const svc = this.requireService(service);
    const createdAt = options.at ?? this.now();
    const startAt = createdAt + PENDING_MS;
    const runMs = options.runMs ?? this.rng.int(10_000, 20_000);
    const outcome = options.outcome ?? (this.rng.chance(0.15) ? 'Failed' : 'Succeeded');
    const name = options.name ?? this.newJobName(service);
    const job: StoredJob = {
      name,
      service,
      owner,
      createdAt,
      startAt,
      finishAt: startAt + runMs,
      outcome,
      log: [],
      settled: false,
      ...(options.input ? { input: options.input } : {}),
      ...(options.fixedStatus ? { fixedStatus: options.fixedStatus } : {}),
    };
    job.log = buildJobLog(svc, job, createRng(hashString(name)));
    let jobs = this.jobs.get(service);
    if (!jobs) this.jobs.set(service, (jobs = new Map()));
    jobs.set(name, job);
    this.pendingJobs.add(job);
    this.changed();
    this.settle();
    return job;
  }

  /** Applies what the clock says has happened: finished jobs write their output and count as executions. */
  settle(now = this.now()): void {
    if (this.pendingJobs.size === 0) return;
    let any = false;
    for (const job of [...this.pendingJobs]) {
      // A finished job's output can start other jobs, which settles again: skip what that already did.
      if (job.settled) continue;
      if (job.fixedStatus) {
        this.pendingJobs.delete(job);
        job.settled = true;
        continue;
      }
      if (now < job.finishAt) continue;
      this.pendingJobs.delete(job);
      job.settled = true;
      any = true;
      const svc = this.services.get(job.service);
      if (!svc) continue;
      const user = this.users.get(job.owner);
      this.events.push({
        t: job.finishAt,
        service: job.service,
        kind: 'async',
        ...(job.owner.includes('@') || this.users.has(job.owner) ? { user: job.owner } : {}),
        ...(user ? { country: user.country, vo: user.vo } : {}),
        cpuSeconds: ((job.finishAt - job.startAt) / 1000) * Number(svc.cpu ?? 1),
        gpuSeconds: svc.enable_gpu ? (job.finishAt - job.startAt) / 1000 : 0,
      });
      if (job.outcome === 'Succeeded') this.writeJobOutput(svc, job);
    }
    if (any) this.changed();
  }

  private writeJobOutput(svc: Service, job: StoredJob): void {
    const out = (svc.output ?? []).find((o) => o.path && isDefaultMinio(o.storage_provider));
    if (!out?.path) return;
    const { bucket, prefix } = splitPath(out.path);
    if (!this.buckets.has(bucket)) return;
    const inputFile = job.input ? job.input.key.slice(job.input.key.lastIndexOf('/') + 1) : '';
    const base = inputFile ? inputFile.replace(/\.[^.]+$/, '') : job.name;
    const output = outputFor(svc, base, createRng(hashString(job.name + ':out')));
    this.putObject(
      bucket,
      { key: `${prefix}${output.file}`, lastModified: job.finishAt, owner: job.owner.includes('@') ? job.owner : undefined, ...output.object },
      // An output path may be another service's input (workflows): the upload triggers it, as in OSCAR.
      { trigger: true },
    );
  }

  /** Puts back a job as it was (restoring a snapshot); unfinished jobs go on with the clock. */
  adoptJob(job: StoredJob): void {
    let jobs = this.jobs.get(job.service);
    if (!jobs) this.jobs.set(job.service, (jobs = new Map()));
    jobs.set(job.name, job);
    if (!job.settled) this.pendingJobs.add(job);
  }

  jobsOf(service: string): Map<string, StoredJob> {
    return this.jobs.get(service) ?? new Map();
  }

  /**
   * A page of a service's jobs, keyed by name, in name order like the Kubernetes API. Non-admin OIDC
   * users see only the jobs they started (OSCAR filters by the job owner label).
   */
  listJobs(p: Principal, service: string, page?: string | null, pageSize = JOBS_PAGE_SIZE): JobsPage {
    this.readableService(p, service);
    const now = this.now();
    let jobs = [...this.jobsOf(service).values()];
    if (p.kind === 'oidc') jobs = jobs.filter((j) => j.owner === p.sub);
    jobs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let start = 0;
    if (page) {
      let after: string;
      try {
        after = atob(page);
      } catch {
        throw new ClusterError(400, 'Invalid continue token');
      }
      start = jobs.findIndex((j) => j.name > after);
      if (start < 0) start = jobs.length;
    }
    const slice = jobs.slice(start, start + pageSize);
    const out: Record<string, JobInfo> = {};
    for (const j of slice) out[j.name] = this.jobInfo(j, now);
    const remaining = jobs.length - start - slice.length;
    const last = slice[slice.length - 1];
    return {
      jobs: out,
      ...(remaining > 0 && last ? { next_page: btoa(last.name), remaining_jobs: remaining } : {}),
    };
  }

  requireJob(p: Principal, service: string, jobName: string): StoredJob {
    this.readableService(p, service);
    const job = this.jobsOf(service).get(jobName);
    if (!job || (p.kind === 'oidc' && job.owner !== p.sub)) throw new ClusterError(404, '');
    return job;
  }

  /** The log so far: lines appear as the job runs; `timestamps` prefixes RFC 3339 stamps like kubectl. */
  jobLog(job: StoredJob, timestamps = false, now = this.now()): string {
    if (job.fixedStatus === 'Unknown' || now < job.startAt) return '';
    const elapsed = now - job.startAt;
    const lines = job.log.filter((l) => l.at <= elapsed);
    return lines
      .map((l) => (timestamps ? `${new Date(job.startAt + l.at).toISOString().replace('Z', '000000Z')} ${l.text}` : l.text))
      .map((l) => `${l}\n`)
      .join('');
  }

  deleteJobs(p: Principal, service: string, all: boolean): number {
    this.readableService(p, service);
    const jobs = this.jobsOf(service);
    const now = this.now();
    let n = 0;
    for (const job of [...jobs.values()]) {
      if (p.kind === 'oidc' && job.owner !== p.sub) continue;
      // Without `all`, only completed jobs go (the real server selects status.successful != 0).
      if (!all && this.jobStatus(job, now) !== 'Succeeded') continue;
      jobs.delete(job.name);
      this.pendingJobs.delete(job);
      n++;
    }
    this.changed();
    return n;
  }

  deleteJob(p: Principal, service: string, jobName: string): void {
    const job = this.requireJob(p, service, jobName);
    this.jobsOf(service).delete(job.name);
    this.pendingJobs.delete(job);
    this.changed();
  }

  // ---------------------------------------------------------------- invocations and history

  userInfo(sub: string | undefined): KnownUser | undefined {
    return sub ? this.users.get(sub) : undefined;
  }

  recordInvocation(service: string, kind: InvocationKind, user: string | undefined, cpuSeconds: number): void {
    const svc = this.services.get(service);
    const info = this.userInfo(user);
    this.events.push({
      t: this.now(),
      service,
      kind,
      ...(user ? { user } : {}),
      ...(info ? { country: info.country, vo: info.vo } : {}),
      cpuSeconds,
      gpuSeconds: svc?.enable_gpu ? cpuSeconds : 0,
    });
    const d = this.deployments.get(service);
    if (!d && kind === 'sync') this.lastSyncCall.set(service, this.now());
    this.changed();
  }

  readonly lastSyncCall = new Map<string, number>();

  /** Seeded history and live events, oldest first. */
  allEvents(): InvocationEvent[] {
    if (this.historyFactory) {
      this.history = this.historyFactory();
      this.historyFactory = null;
    }
    return this.events.length ? [...this.history, ...this.events] : this.history;
  }

  // ---------------------------------------------------------------- deployments (exposed services)

  deploymentStatus(svc: Service): ServiceDeploymentStatus {
    const now = this.now();
    const base = { service_name: svc.name, namespace: svc.namespace ?? 'oscar-svc' };
    const d = this.deployments.get(svc.name);
    if (d) {
      if (d.stopped) {
        return {
          ...base,
          state: 'stopped',
          reason: 'Deployment is stopped.',
          last_transition_time: iso(d.lastTransition),
          active_instances: 0,
          affected_instances: 0,
          resource_kind: 'exposed_service',
        };
      }
      if (now < d.readyAt) {
        return {
          ...base,
          state: 'pending',
          reason: 'Deployment is initializing.',
          last_transition_time: iso(d.lastTransition),
          active_instances: d.replicas,
          affected_instances: d.replicas,
          resource_kind: 'exposed_service',
        };
      }
      return {
        ...base,
        state: 'ready',
        reason: 'Deployment is ready.',
        last_transition_time: iso(Math.max(d.lastTransition, d.readyAt)),
        active_instances: d.replicas,
        affected_instances: 0,
        resource_kind: 'exposed_service',
      };
    }
    if (svc.kserve) {
      return {
        ...base,
        state: 'ready',
        reason: 'InferenceService is ready.',
        last_transition_time: iso(this.serviceCreatedAt.get(svc.name) ?? now),
        active_instances: Math.max(1, svc.kserve.min_scale ?? 1),
        affected_instances: 0,
        resource_kind: 'kserve_service',
      };
    }
    const last = this.lastSyncCall.get(svc.name);
    const warm = last !== undefined && now - last < 60_000;
    return {
      ...base,
      state: 'ready',
      reason: 'Runtime service is ready.',
      last_transition_time: iso(this.serviceCreatedAt.get(svc.name) ?? now),
      active_instances: warm ? 1 : 0,
      affected_instances: 0,
      resource_kind: 'knative_service',
    };
  }

  private exposedDeployment(p: Principal, name: string): { svc: Service; d: DeploymentRecord } {
    const svc = this.manageableService(p, name);
    const d = this.deployments.get(name);
    if (!d) throw new ClusterError(400, `service "${name}" is not exposed`);
    return { svc, d };
  }

  stopService(p: Principal, name: string): ServiceDeploymentStatus {
    const { svc, d } = this.exposedDeployment(p, name);
    if (!d.stopped) {
      d.stopped = true;
      d.lastTransition = this.now();
      d.log.push({ at: this.now(), text: 'Received SIGTERM, shutting down gracefully' });
    }
    this.changed();
    return this.deploymentStatus(svc);
  }

  startService(p: Principal, name: string): ServiceDeploymentStatus {
    const { svc, d } = this.exposedDeployment(p, name);
    if (d.stopped) {
      d.stopped = false;
      d.lastTransition = this.now();
      d.readyAt = this.now() + 5000;
      d.replicas = Math.max(1, svc.expose?.min_scale ?? 1);
    }
    this.changed();
    return this.deploymentStatus(svc);
  }

  restartService(p: Principal, name: string): ServiceDeploymentStatus {
    const { svc, d } = this.exposedDeployment(p, name);
    d.stopped = false;
    d.lastTransition = this.now();
    d.readyAt = this.now() + 4000;
    d.log.push({ at: this.now(), text: 'Restart requested: rolling the deployment pods' });
    this.changed();
    return this.deploymentStatus(svc);
  }

  deploymentLog(svc: Service, tailLines = 200): { timestamp: string; message: string }[] {
    const d = this.deployments.get(svc.name);
    const now = this.now();
    const createdAt = this.serviceCreatedAt.get(svc.name) ?? now;
    if (d) {
      if (d.stopped) return [];
      const start = d.lastTransition;
      const lines = exposedStartupLog(svc, createRng(hashString(svc.name + start)));
      const visible = lines.filter((l) => start + l.at <= now).map((l) => ({ at: start + l.at, text: l.text }));
      const entries = [...d.log.filter((l) => l.at >= start), ...visible].sort((a, b) => a.at - b.at);
      return entries.slice(-tailLines).map((l) => ({ timestamp: iso(l.at), message: l.text }));
    }
    const last = this.lastSyncCall.get(svc.name);
    if (last === undefined || now - last > 60_000) return [];
    const lines = [
      { at: last, text: `Starting ${svc.name} (knative revision ${svc.name}-00001)` },
      { at: last + 800, text: 'faas-supervisor ready, waiting for requests' },
      { at: last + 1200, text: 'POST / 200' },
    ].filter((l) => l.at <= now && l.at >= createdAt);
    return lines.slice(-tailLines).map((l) => ({ timestamp: iso(l.at), message: l.text }));
  }

  // ---------------------------------------------------------------- volumes

  volumeView(v: StoredVolume): ManagedVolume {
    const attachments = [...this.services.values()]
      .filter((s) => s.volume && this.volumeNameFor(s) === v.name)
      .map((s) => ({ service_name: s.name, mount_path: s.volume?.mount_path || '/data' }));
    return {
      name: v.name,
      namespace: v.owner === ADMIN_OWNER ? 'oscar-svc' : `oscar-svc-${hashString(v.owner).toString(16)}`,
      owner_user: v.owner,
      pvc_name: `oscar-vol-${v.name}`,
      size: v.size,
      creation_mode: v.creationMode,
      lifecycle_policy: v.lifecyclePolicy,
      ...(v.createdByService ? { created_by_service: v.createdByService } : {}),
      attachments,
      status: {
        phase: 'Bound',
        attachment_count: attachments.length,
        message: attachments.length ? `Mounted by ${attachments.map((a) => a.service_name).join(', ')}` : 'Not attached',
      },
    };
  }

  listVolumes(p: Principal): ManagedVolume[] {
    const owner = ownerId(p);
    return [...this.volumes.values()].filter((v) => v.owner === owner).map((v) => this.volumeView(v));
  }

  requireVolume(p: Principal, name: string): StoredVolume {
    const v = this.volumes.get(name);
    if (!v || v.owner !== ownerId(p)) throw new ClusterError(404, `volume "${name}" not found`);
    return v;
  }

  createVolume(p: Principal, body: unknown): ManagedVolume {
    const b = (body ?? {}) as { name?: unknown; size?: unknown };
    if (typeof b.name !== 'string' || typeof b.size !== 'string' || !b.name || !b.size) {
      throw new ClusterError(400, "Key: 'ManagedVolumeCreateRequest.Name' Error:Field validation for 'Name' failed on the 'required' tag");
    }
    if (!SERVICE_NAME.test(b.name) || b.name.length > 63) {
      throw new ClusterError(400, `invalid volume name "${b.name}": it must be a lowercase RFC 1123 label`);
    }
    const bytes = parseQuantity(b.size);
    if (!Number.isFinite(bytes) || bytes <= 0) throw new ClusterError(400, `invalid volume size "${b.size}"`);
    const owner = ownerId(p);
    const quota = this.quotaFor(owner);
    if (bytes > parseQuantity(quota.maxDiskPerVolume)) {
      throw new ClusterError(400, `volume size ${b.size} exceeds the maximum of ${quota.maxDiskPerVolume} per volume`);
    }
    if (this.volumes.has(b.name)) throw new ClusterError(409, `volume "${b.name}" already exists`);
    const v: StoredVolume = {
      name: b.name,
      owner,
      size: b.size,
      createdAt: this.now(),
      creationMode: 'api',
      lifecyclePolicy: 'retain',
    };
    this.volumes.set(v.name, v);
    this.changed();
    return this.volumeView(v);
  }

  deleteVolume(p: Principal, name: string): void {
    const v = this.requireVolume(p, name);
    const view = this.volumeView(v);
    if (view.attachments?.length) {
      throw new ClusterError(400, `volume "${name}" is attached to ${view.attachments.map((a) => a.service_name).join(', ')}`);
    }
    this.volumes.delete(name);
    this.changed();
  }

  // ---------------------------------------------------------------- quotas and config

  quotaFor(user: string): UserQuota {
    return this.quotas.get(user) ?? DEFAULT_QUOTA;
  }

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
    const used = buckets.reduce((sum, b) => sum + this.bucketUsage(b).bytes, 0);
    const volumes = [...this.volumes.values()].filter((v) => v.owner === user);
    const disk = volumes.reduce((sum, v) => sum + parseQuantity(v.size), 0);
    return {
      user_id: user,
      cluster_queue: user === ADMIN_OWNER ? 'oscar-cq-admin' : `oscar-cq-${hashString(user).toString(16)}`,
      resources: {
        cpu: { max: q.cpuMillis, used: cpuUsed },
        memory: { max: q.memoryBytes, used: memUsed },
        'ephemeral-storage': { max: 50 * 1024 ** 3, used: 0 },
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
  }

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
    if (b.minio?.buckets !== undefined) q.buckets = num(b.minio.buckets, 'minio buckets');
    if (b.minio?.storage_per_bucket !== undefined) q.storagePerBucket = quantity(b.minio.storage_per_bucket, 'storage per bucket');
    if (b.volumes?.disk !== undefined) q.disk = quantity(b.volumes.disk, 'volume disk');
    if (b.volumes?.volumes !== undefined) q.volumes = num(b.volumes.volumes, 'volume count');
    if (b.volumes?.max_disk_per_volume !== undefined) q.maxDiskPerVolume = quantity(b.volumes.max_disk_per_volume, 'max disk per volume');
    if (b.volumes?.min_disk_per_volume !== undefined) q.minDiskPerVolume = quantity(b.volumes.min_disk_per_volume, 'min disk per volume');
    this.quotas.set(user, q);
    this.changed();
    return this.quotaView(user);
  }

  configFor(p: Principal): ConfigForUser {
    let keys: { access_key: string; secret_key: string };
    if (p.kind === 'oidc') {
      let secret = this.minioUserSecrets.get(p.sub);
      if (!secret) {
        const r = createRng(hashString(`minio:${p.sub}`));
        secret = r.alnum(40);
        this.minioUserSecrets.set(p.sub, secret);
      }
      keys = { access_key: p.sub, secret_key: secret };
    } else {
      keys = { ...this.minioRoot };
    }
    return {
      config: clone(this.config),
      allowed_image_repositories: [...this.allowedImageRepositories],
      minio_provider: { endpoint: MINIO_ENDPOINT, region: 'us-east-1', verify: true, ...keys },
    };
  }

  updateConfig(body: unknown): void {
    if (body && typeof body === 'object') {
      const b = body as { config?: Record<string, unknown>; allowed_image_repositories?: unknown } & Record<string, unknown>;
      const patch = (b.config && typeof b.config === 'object' ? b.config : b) as Record<string, unknown>;
      const cfg = this.config as Record<string, unknown>;
      for (const [k, v] of Object.entries(patch)) {
        if (k in cfg && typeof v === typeof cfg[k]) cfg[k] = v;
      }
      if (Array.isArray(b.allowed_image_repositories)) {
        this.allowedImageRepositories = b.allowed_image_repositories.filter((x): x is string => typeof x === 'string');
      }
      this.changed();
    }
  }

  // ---------------------------------------------------------------- scale helpers

  /** Adds `n` realistic services owned by the admin (benchmarks, virtualised lists). */
  addGeneratedServices(n: number, options: { owner?: string } = {}): string[] {
    const r = createRng(hashString(`gen-services:${this.services.size}`));
    const stems = ['yolo', 'whisper', 'resnet', 'bert', 'unet', 'sam', 'ocr', 'denoise', 'upscale', 'segment', 'classify', 'detect', 'translate', 'summarize', 'tts', 'stt', 'pose', 'depth', 'fire', 'flood'];
    const images = ['ghcr.io/grycap/cowsay', 'ghcr.io/grycap/imagemagick', 'ai4oshub/dogs-breed-detector', 'deephdc/deep-oc-posenet-tf', 'ghcr.io/grycap/fish-detector:1.0.0', 'ubuntu:24.04', 'python:3.12-slim'];
    const names: string[] = [];
    const owner = options.owner ?? ADMIN_OWNER;
    const principal: Principal =
      owner === ADMIN_OWNER ? { kind: 'admin', username: 'oscar' } : { kind: 'oidc', sub: owner, iss: EGI_ISSUERS[0]!, entitlements: [] };
    this.batch(() => {
      let i = 0;
      while (names.length < n) {
        const name = `${r.pick(stems)}-${r.pick(stems)}-${(this.services.size + i).toString(36)}`.slice(0, 39);
        i++;
        if (this.services.has(name)) continue;
        const async = r.chance(0.6);
        const svc = this.createService(principal, {
          name,
          image: r.pick(images),
          script: `#!/bin/bash\necho "Processing $INPUT_FILE_PATH with ${name}"\n`,
          cpu: r.pick(['0.5', '1.0', '2.0']),
          memory: r.pick(['512Mi', '1Gi', '2Gi', '4Gi']),
          visibility: r.pick(['private', 'public', 'restricted'] as const),
          log_level: 'INFO',
          ...(async
            ? {
                input: [{ storage_provider: 'minio.default', path: `${name}/input` }],
                output: [{ storage_provider: 'minio.default', path: `${name}/output` }],
              }
            : {}),
        });
        names.push(svc.name);
      }
    });
    return names;
  }

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
  }
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

// ---------------------------------------------------------------- job logs and outputs

function supervisorStamp(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())},${pad(d.getUTCMilliseconds(), 3)}`;
}

/** What the service's script prints, by what kind of service it is. */
function scriptOutput(svc: Service, file: string, r: Rng): string[] {
  const n = svc.name + ' ' + svc.image;
  if (/gray|imagemagick/.test(n)) return [`SCRIPT: Invoked script.sh. File available in ${file}`, `Converting ${file} to grayscale`, 'convert: done (640x480, 8-bit Gray)'];
  if (/fish/.test(n)) return [`Loading model weights from /opt/model/fish-detector.pt`, `Processing ${file}`, `Detected ${r.int(1, 9)} fish (mean confidence ${(0.7 + r.next() * 0.29).toFixed(2)})`];
  if (/pose/.test(n)) return [`Running PoseNet on ${file}`, `Found ${r.int(1, 4)} person(s), 17 keypoints each`, 'Writing annotated image and keypoints JSON'];
  if (/dog/.test(n)) return [`Classifying ${file}`, `Top-1: ${r.pick(['Beagle', 'Border collie', 'Golden retriever', 'Pug', 'Dalmatian'])} (${(0.6 + r.next() * 0.39).toFixed(3)})`];
  if (/fire/.test(n)) return [`Analysing ${file} for fire and smoke`, `fire: ${r.chance(0.3) ? 'detected' : 'not detected'}, smoke: ${r.chance(0.4) ? 'detected' : 'not detected'}`];
  if (/mask|blurry|anon/.test(n)) return [`Blurring faces in ${file}`, `${r.int(0, 6)} face(s) found`];
  if (/thermal/.test(n)) return ['Submitting to Vega via interLink (slurm)', `Running thermal bridge detection on ${file}`, `${r.int(2, 40)} thermal bridges found`];
  if (/wordcount|compss/.test(n)) return ['Starting COMPSs runtime (3 workers)', `Counting words in ${file}`, `Total words: ${r.int(1000, 90000)}`];
  if (/sleep/.test(n)) return [`Sleeping for ${svc.environment?.variables?.SLEEP_SECONDS ?? '30'} seconds`, 'Woke up'];
  if (/cowsay/.test(n)) return [' ______', '< Moo! >', ' ------', '        \\   ^__^', '         \\  (oo)\\_______', '            (__)\\       )\\/\\', '                ||----w |', '                ||     ||'];
  return [`Processing ${file}`, `Processed ${r.int(10, 900)} records`];
}

export function buildJobLog(svc: Service, job: StoredJob, r: Rng): LogLine[] {
  const duration = job.finishAt - job.startAt;
  const quiet = /CRITICAL|ERROR/.test(svc.log_level ?? '');
  const inputKey = job.input?.key ?? 'event.json';
  const file = `/tmp/tmp${r.alnum(8)}/${inputKey.slice(inputKey.lastIndexOf('/') + 1)}`;
  const out: string[] = [];
  const sup = (level: string, msg: string) => (quiet ? null : `${level}|${msg}`);
  const lines: (string | null)[] = [
    sup('INFO', "Reading 'STORAGE_AUTH' environment variables"),
    job.input
      ? sup('INFO', `Downloading item from bucket '${job.input.bucket}' with key '${job.input.key}'`)
      : sup('INFO', 'Received event payload (async invocation)'),
    job.input ? sup('INFO', `Successful download of file '${job.input.key}' from bucket '${job.input.bucket}' in path '${file}'`) : null,
    sup('INFO', 'Executing user script'),
  ];
  for (const l of lines) if (l) out.push(l);
  for (const l of scriptOutput(svc, file, r)) out.push(`OUT|${l}`);
  if (job.outcome === 'Failed') {
    out.push('OUT|Traceback (most recent call last):');
    out.push('OUT|  File "/opt/app/predict.py", line 42, in <module>');
    out.push(`OUT|    ${r.pick(['raise RuntimeError("CUDA out of memory")', 'img = load_image(path)', 'model.load_state_dict(torch.load(weights))'])}`);
    out.push(`OUT|${r.pick(['RuntimeError: CUDA out of memory', 'OSError: cannot identify image file', 'FileNotFoundError: [Errno 2] No such file or directory'])}`);
    out.push('ERROR|Error executing user script: exit status 1');
  } else {
    const outPath = (svc.output ?? [])[0]?.path;
    if (outPath) out.push(`INFO|Uploading file '/tmp/tmp${r.alnum(8)}/output' to bucket '${splitPath(outPath).bucket}'`);
    if (!quiet) out.push('INFO|Script execution finished successfully');
  }
  const step = duration / (out.length + 1);
  return out.map((entry, i) => {
    const at = Math.round(step * (i + 0.5) + r.next() * step * 0.4);
    const [level, msg] = [entry.slice(0, entry.indexOf('|')), entry.slice(entry.indexOf('|') + 1)];
    const text = level === 'OUT' ? msg : `${supervisorStamp(job.startAt + at)} - supervisor - ${level} - ${msg}`;
    return { at, text };
  });
}

function outputFor(svc: Service, base: string, r: Rng): { file: string; object: Pick<StoredObject, 'size' | 'contentType' | 'body' | 'binary'> } {
  const n = svc.name + ' ' + svc.image;
  if (/gray|imagemagick|pose|mask|blurry|anon/.test(n)) {
    const seed = r.int(0, 255);
    const png = greyscalePng(32, 32, (x, y) => (x * 8 + y * 4 + seed) % 256);
    return { file: `${base}.png`, object: { size: png.length, contentType: 'image/png', body: toBase64(png), binary: true } };
  }
  if (/fish|dog|plant|fire|thermal/.test(n)) {
    const body = JSON.stringify({ file: base, detections: r.int(0, 9), confidence: Number((0.5 + r.next() / 2).toFixed(3)) });
    return { file: `${base}.json`, object: { size: body.length, contentType: 'application/json', body } };
  }
  if (/zip/.test(n)) return { file: `${base}.zip`, object: { size: r.int(20_000, 900_000), contentType: 'application/zip' } };
  const body = `${svc.name} processed ${base}\n`;
  return { file: `${base}.txt`, object: { size: body.length, contentType: 'text/plain', body } };
}

function exposedStartupLog(svc: Service, r: Rng): LogLine[] {
  const port = svc.expose?.api_port?.[0] ?? 8080;
  const n = svc.name + ' ' + svc.image;
  let lines: string[];
  if (/jupyter/.test(n)) {
    lines = ['[I ServerApp] Package jupyterlab took 0.0s to import', `[I ServerApp] Serving notebooks from local directory: /mnt`, `[I ServerApp] Jupyter Server is running at: http://0.0.0.0:${port}/system/services/${svc.name}/exposed/lab`, '[I ServerApp] Use Control-C to stop this server'];
  } else if (/nginx/.test(n)) {
    lines = ['/docker-entrypoint.sh: Configuration complete; ready for start up', 'nginx/1.27.3: start worker processes', ...Array.from({ length: 6 }, () => `10.42.0.${r.int(2, 250)} - - "GET / HTTP/1.1" 200 615 "-" "Mozilla/5.0"`)];
  } else if (/vllm|deepseek/.test(n)) {
    lines = ['INFO: Initializing an LLM engine (v0.6.3) with config: model=deepseek-coder-1.3b', 'INFO: Loading model weights took 2.51 GB', `INFO: Uvicorn running on http://0.0.0.0:${port}`, 'INFO: "GET /health HTTP/1.1" 200 OK'];
  } else {
    lines = ['Starting application', `Listening on 0.0.0.0:${port}`, 'GET / 200', 'GET /health 200'];
  }
  return lines.map((text, i) => ({ at: 600 + i * 700, text }));
}
