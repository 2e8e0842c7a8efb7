// Which fields of a service each part of the detail page shows, so that any field the server sends and no
// part knows about still appears (under "Other settings") instead of being silently dropped.
import type { Service } from '../../../api/types';

export const BASIC_FIELDS = ['name', 'image', 'cpu', 'memory', 'enable_gpu', 'log_level', 'owner', 'visibility', 'allowed_users', 'vo'] as const;

/** Runtime and scheduling options, shown only when present. */
export const RUNTIME_FIELDS = [
  'isolation_level',
  'total_cpu',
  'total_memory',
  'ephemeral_storage_request',
  'image_prefetch',
  'file_stage_in',
  'alpine',
  'enable_sgx',
  'interlink_node_name',
  'cluster_id',
  'namespace',
  'bucket_list',
] as const;

/** Optional blocks with a section each; listed as "not used" when absent. */
export const OPTIONAL_BLOCKS = {
  expose: 'Exposed service',
  synchronous: 'Synchronous settings',
  federation: 'Federation and replicas',
  clusters: 'Replica clusters',
  kserve: 'KServe',
  volume: 'Volume',
} as const;

const OWN_SECTIONS = [
  'script',
  'token',
  'environment',
  'input',
  'output',
  'mount',
  'storage_providers',
  'labels',
  'annotations',
  'image_pull_secrets',
  'deployment',
  'volume_status',
] as const;

const KNOWN = new Set<string>([...BASIC_FIELDS, ...RUNTIME_FIELDS, ...Object.keys(OPTIONAL_BLOCKS), ...OWN_SECTIONS]);

function present(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** True when a field holds something worth a row or a section (not absent, not an empty object/array). */
export function isPresent(s: Service, key: string): boolean {
  return present((s as unknown as Record<string, unknown>)[key]);
}

/** Fields the server sent that no section knows about, in the order received. */
export function otherFields(s: Service): [string, unknown][] {
  return Object.entries(s as unknown as Record<string, unknown>).filter(([k, v]) => !KNOWN.has(k) && present(v));
}
