// Which services use a bucket: the MinIO input, output and mount paths of each service (OSCAR creates
// these buckets for the service and deletes them with it). Pure, no React.
import type { Service } from '../../../api/types';

export interface BucketUse {
  service: string;
  role: 'input' | 'output' | 'mount';
  /** The folder inside the bucket ("" or ending in "/"). */
  prefix: string;
}

function isClusterMinio(provider: string | undefined): boolean {
  return !provider || provider === 'minio' || provider === 'minio.default';
}

function split(path: string): { bucket: string; prefix: string } {
  const clean = path.replace(/^\/+/, '').replace(/\/+$/, '');
  const i = clean.indexOf('/');
  if (i < 0) return { bucket: clean, prefix: '' };
  return { bucket: clean.slice(0, i), prefix: `${clean.slice(i + 1)}/` };
}

/** bucket name → the services that use it and how. */
export function bucketUses(services: readonly Service[]): Map<string, BucketUse[]> {
  const out = new Map<string, BucketUse[]>();
  for (const s of services) {
    const ios = [
      ...(s.input ?? []).map((io) => ({ io, role: 'input' as const })),
      ...(s.output ?? []).map((io) => ({ io, role: 'output' as const })),
      ...(s.mount ? [{ io: s.mount, role: 'mount' as const }] : []),
    ];
    for (const { io, role } of ios) {
      if (!io.path || !isClusterMinio(io.storage_provider)) continue;
      const { bucket, prefix } = split(io.path);
      if (!bucket) continue;
      const list = out.get(bucket) ?? [];
      if (!list.some((u) => u.service === s.name && u.role === role && u.prefix === prefix)) list.push({ service: s.name, role, prefix });
      out.set(bucket, list);
    }
  }
  return out;
}

/** The input folder of a service in a bucket, for "Upload input". */
export function inputPrefix(uses: readonly BucketUse[] | undefined, service: string): string | undefined {
  return uses?.find((u) => u.service === service && u.role === 'input')?.prefix;
}
