// Services: who may see, manage and invoke them (OSCAR's visibility rules), their validation and the
// defaults OSCAR fills in, and what creating, updating and deleting one does to the rest of the cluster
// (its buckets, volume, deployment and jobs). Served by ../handlers/services.ts.
import type { Service, StorageIOConfig } from '../../src/api/types';
import { ADMIN_OWNER, isAdmin, ownerId, type Principal } from '../auth';
import type { Cluster } from '../cluster';
import { createRng, hashString } from '../prng';
import { checkServiceBucketQuota, ensureServiceBuckets } from './buckets';
import { clone, ClusterError, isDefaultMinio, rules, SERVICE_NAME, splitPath } from './common';
import { newDeployment } from './deployments';
import { forgetJobs } from './jobs';
import { EGI_ISSUERS, MINIO_ENDPOINT } from './system';
import { ensureServiceVolume, volumeNameFor } from './volumes';

export const serviceRules = rules({
  serviceForToken(token: string): string | undefined {
    for (const s of this.services.values()) if (s.token === token) return s.name;
    return undefined;
  },

  /** OSCAR's visibility rule: public, owner, or restricted with the user in allowed_users. */
  canSee(p: Principal, svc: Service): boolean {
    if (isAdmin(p)) return true;
    if (p.kind === 'service-token') return p.service === svc.name;
    if (svc.visibility === 'public') return true;
    if (svc.owner === p.sub) return true;
    return (svc.allowed_users ?? []).includes(p.sub);
  },

  /** Write operations: the admin, or the service's owner. */
  canManage(p: Principal, svc: Service): boolean {
    if (isAdmin(p)) return true;
    return p.kind === 'oidc' && svc.owner === p.sub;
  },

  /** /run and /job: the service's token, the admin, or an OIDC user who can see it. */
  canInvoke(p: Principal, svc: Service): boolean {
    if (p.kind === 'service-token') return p.service === svc.name;
    return this.canSee(p, svc);
  },

  requireService(name: string): Service {
    const s = this.services.get(name);
    if (!s) throw new ClusterError(404, '');
    return s;
  },

  /** A service the caller may read; 403 otherwise (the real server's wording). */
  readableService(p: Principal, name: string): Service {
    const s = this.requireService(name);
    if (!this.canSee(p, s)) {
      throw new ClusterError(403, `User ${ownerId(p)} doesn't have permission to get this service`);
    }
    return s;
  },

  manageableService(p: Principal, name: string): Service {
    const s = this.requireService(name);
    if (!this.canManage(p, s)) {
      throw new ClusterError(403, `User ${ownerId(p)} doesn't have permission to manage this service`);
    }
    return s;
  },

  listServices(p: Principal): Service[] {
    const out: Service[] = [];
    for (const s of this.services.values()) if (this.canSee(p, s)) out.push(s);
    return out;
  },

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
  },

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
  },

  createService(p: Principal, spec: unknown, createdAt?: number): Service {
    createdAt ??= this.now();
    if (p.kind === 'service-token') throw new ClusterError(401, 'Unauthorized');
    const svc = this.validateService(spec);
    if (this.services.has(svc.name)) throw new ClusterError(409, 'A service with the provided name already exists');
    normalise(this, svc, ownerId(p));
    checkServiceBucketQuota(this, svc);
    this.services.set(svc.name, svc);
    this.serviceCreatedAt.set(svc.name, createdAt);
    this.jobs.set(svc.name, new Map());
    ensureServiceBuckets(this, svc, createdAt);
    ensureServiceVolume(this, svc, createdAt);
    if (svc.expose?.api_port?.length) this.deployments.set(svc.name, newDeployment(svc, createdAt));
    this.changed();
    return svc;
  },

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
    normalise(this, next, current.owner ?? ADMIN_OWNER, current.token);
    this.services.set(next.name, next);
    const createdAt = this.serviceCreatedAt.get(next.name) ?? this.now();
    ensureServiceBuckets(this, next, this.now());
    ensureServiceVolume(this, next, createdAt);
    const wasExposed = this.deployments.has(next.name);
    if (next.expose?.api_port?.length && !wasExposed) {
      this.deployments.set(next.name, newDeployment(next, this.now()));
    } else if (!next.expose?.api_port?.length && wasExposed) {
      this.deployments.delete(next.name);
    }
    this.changed();
    return next;
  },

  deleteService(p: Principal, name: string): void {
    const svc = this.manageableService(p, name);
    this.services.delete(name);
    this.serviceCreatedAt.delete(name);
    this.deployments.delete(name);
    forgetJobs(this, name);
    for (const b of [...this.buckets.values()]) {
      if (b.createdByService === svc.name) this.buckets.delete(b.name);
    }
    for (const v of [...this.volumes.values()]) {
      if (v.createdByService === svc.name && v.lifecyclePolicy === 'delete') this.volumes.delete(v.name);
    }
    this.changed();
  },

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
  },

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
  },
});

export type ServiceRules = typeof serviceRules;

/** OSCAR's defaults for what the FDL leaves out, and the server-side fields. */
function normalise(c: Cluster, svc: Service, owner: string, token?: string): Service {
  svc.owner = owner;
  svc.token = token ?? c.rng.hex(64);
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
    access_key: c.minioRoot.access_key,
    secret_key: c.minioRoot.secret_key,
    verify: true,
  };
  delete svc.deployment;
  delete svc.volume_status;
  if (svc.volume) {
    svc.volume_status = { enabled: true, name: volumeNameFor(svc), phase: 'Bound' };
  }
  return svc;
}
