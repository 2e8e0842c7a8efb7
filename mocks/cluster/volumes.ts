// Managed volumes: the user's own (created through the API, kept until deleted) and those services ask
// for (deleted with the service unless retained); a volume mounted by a service cannot be deleted.
// Served by ../handlers/volumes.ts.
import type { ManagedVolume, Service } from '../../src/api/types';
import { ADMIN_OWNER, ownerId, type Principal } from '../auth';
import type { Cluster } from '../cluster';
import { hashString } from '../prng';
import { ClusterError, parseQuantity, rules, SERVICE_NAME } from './common';

export interface StoredVolume {
  name: string;
  owner: string;
  size: string;
  createdAt: number;
  creationMode: 'api' | 'service';
  lifecyclePolicy: 'retain' | 'delete';
  createdByService?: string;
}

export const volumeRules = rules({
  volumeView(v: StoredVolume): ManagedVolume {
    const attachments = [...this.services.values()]
      .filter((s) => s.volume && volumeNameFor(s) === v.name)
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
  },

  listVolumes(p: Principal): ManagedVolume[] {
    const owner = ownerId(p);
    return [...this.volumes.values()].filter((v) => v.owner === owner).map((v) => this.volumeView(v));
  },

  requireVolume(p: Principal, name: string): StoredVolume {
    const v = this.volumes.get(name);
    if (!v || v.owner !== ownerId(p)) throw new ClusterError(404, `volume "${name}" not found`);
    return v;
  },

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
  },

  deleteVolume(p: Principal, name: string): void {
    const v = this.requireVolume(p, name);
    const view = this.volumeView(v);
    if (view.attachments?.length) {
      throw new ClusterError(400, `volume "${name}" is attached to ${view.attachments.map((a) => a.service_name).join(', ')}`);
    }
    this.volumes.delete(name);
    this.changed();
  },
});

export type VolumeRules = typeof volumeRules;

/** The volume a service mounts: the one it names, or `<service>-volume`. */
export function volumeNameFor(svc: Service): string {
  return svc.volume?.name || `${svc.name}-volume`;
}

/** OSCAR creates the volume a service asks for (deleted with it unless its policy is "retain"). */
export function ensureServiceVolume(c: Cluster, svc: Service, at: number): void {
  if (!svc.volume) return;
  const name = volumeNameFor(svc);
  if (c.volumes.has(name)) return;
  c.volumes.set(name, {
    name,
    owner: svc.owner ?? ADMIN_OWNER,
    size: svc.volume.size || '1Gi',
    createdAt: at,
    creationMode: 'service',
    lifecyclePolicy: svc.volume.lifecycle_policy === 'retain' ? 'retain' : 'delete',
    createdByService: svc.name,
  });
}
