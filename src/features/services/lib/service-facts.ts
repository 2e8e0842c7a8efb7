// Facts about a service derived from its OSCAR definition, for lists and summaries. Pure, no React.
import type { Service, StorageIOConfig } from '../../../api/types';

export type ServiceKind = 'kserve' | 'exposed' | 'async' | 'sync';

/**
 * A hint at how the service is used. Any OSCAR service can be called both ways, so this is a reading of
 * its definition: KServe and exposed services are long-running servers; a service with inputs is
 * triggered by uploads to its input bucket (async); the rest are typically called through /run (sync).
 */
export function serviceKind(s: Service): ServiceKind {
  if (s.kserve) return 'kserve';
  if (s.expose && (s.expose.api_port?.length ?? 0) > 0) return 'exposed';
  if ((s.input?.length ?? 0) > 0) return 'async';
  return 'sync';
}

export const KIND_DESCRIPTION: Record<ServiceKind, string> = {
  kserve: 'KServe inference service',
  exposed: 'Exposed service (a long-running server with its own URL)',
  async: 'Runs a job for each file uploaded to its input',
  sync: 'Called directly and answers with its output',
};

/** "minio.default" → "minio"; a missing provider is OSCAR's default MinIO. */
export function providerType(ref: string | undefined): string {
  if (!ref) return 'minio';
  return ref.split('.')[0] || 'minio';
}

function side(items: readonly StorageIOConfig[] | undefined, withType: boolean): string {
  return (items ?? []).map((io) => (withType ? `${providerType(io.storage_provider)}: ` : '') + (io.path ?? '')).join(', ');
}

/** "minio: fish/input → fish/output"; the provider is named once when every path uses the same kind. */
export function ioSummary(s: Service): string {
  const all = [...(s.input ?? []), ...(s.output ?? [])];
  if (all.length === 0) return '';
  const types = new Set(all.map((io) => providerType(io.storage_provider)));
  const single = types.size === 1;
  const left = side(s.input, !single) || '—';
  const right = side(s.output, !single) || '—';
  return `${single ? `${[...types][0]}: ` : ''}${left} → ${right}`;
}

/**
 * Buckets on the cluster's MinIO that the service reads or writes: the first segment of the input, output
 * and mount paths whose provider is MinIO. These are also the buckets OSCAR may delete with the service.
 */
export function serviceBuckets(s: Service): string[] {
  const ios = [...(s.input ?? []), ...(s.output ?? []), ...(s.mount ? [s.mount] : [])];
  const buckets = new Set<string>();
  for (const io of ios) {
    if (providerType(io.storage_provider) !== 'minio') continue;
    const bucket = (io.path ?? '').replace(/^\/+/, '').split('/')[0];
    if (bucket) buckets.add(bucket);
  }
  return [...buckets];
}

const CPU_UNITS: Record<string, number> = { m: 1e-3, '': 1 };
const MEM_UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** Kubernetes CPU quantity ("500m", "1.5") in cores, or NaN. */
export function cpuCores(q: string | undefined): number {
  const m = /^\s*([\d.]+)\s*(m?)\s*$/.exec(q ?? '');
  return m ? Number(m[1]) * (CPU_UNITS[m[2] ?? ''] ?? NaN) : NaN;
}

/** Kubernetes memory quantity ("256Mi", "2G") in bytes, or NaN. */
export function memoryBytes(q: string | undefined): number {
  const m = /^\s*([\d.]+)\s*([kMGT]i?)?\s*$/.exec(q ?? '');
  return m ? Number(m[1]) * (MEM_UNITS[m[2] ?? ''] ?? NaN) : NaN;
}

/** "1 CPU · 3Gi", with "+ GPU" when the service asks for one. */
export function resourceSummary(s: Service): string {
  const cpu = s.cpu ? `${s.cpu} CPU` : '';
  const parts = [cpu, s.memory ?? ''].filter(Boolean).join(' · ');
  return s.enable_gpu ? `${parts || '—'} + GPU` : parts || '—';
}
