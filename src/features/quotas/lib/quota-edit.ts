// Editing a user's limits (PUT /system/quotas/user/{id}, admin only): the fields as text a person types
// (cores, Kubernetes quantities, counts), read from the current answer, checked, compared (before → after)
// and turned into a request that carries only what changed.
import type { QuotaResponse } from '../../../api/types';
import type { paths } from '../../../api/schema';
import { bytesToMemory, coresToCpu, isQuantity } from '../../../lib/units/quantity';

export type QuotaUpdate = NonNullable<paths['/system/quotas/user/{userId}']['put']['requestBody']>['content']['application/json'];

export type EditKey = 'cpu' | 'memory' | 'gpu' | 'ephemeral_storage' | 'buckets' | 'storage_per_bucket' | 'volumes' | 'disk' | 'max_disk_per_volume' | 'min_disk_per_volume';

export interface EditField {
  key: EditKey;
  label: string;
  hint: string;
  kind: 'cpu' | 'quantity' | 'count';
}

export const EDIT_FIELDS: readonly EditField[] = [
  { key: 'cpu', label: 'CPU', hint: 'Cores, e.g. 8 or 500m', kind: 'cpu' },
  { key: 'memory', label: 'Memory', hint: 'e.g. 16Gi', kind: 'quantity' },
  { key: 'gpu', label: 'GPU', hint: 'Whole GPUs', kind: 'count' },
  { key: 'ephemeral_storage', label: 'Ephemeral storage', hint: 'Scratch disk of running jobs, e.g. 50Gi', kind: 'quantity' },
  { key: 'buckets', label: 'Buckets', hint: 'How many buckets', kind: 'count' },
  { key: 'storage_per_bucket', label: 'Storage per bucket', hint: 'e.g. 20Gi', kind: 'quantity' },
  { key: 'volumes', label: 'Volumes', hint: 'How many volumes', kind: 'count' },
  { key: 'disk', label: 'Volume disk', hint: 'All volumes together, e.g. 100Gi', kind: 'quantity' },
  { key: 'max_disk_per_volume', label: 'Largest volume', hint: 'e.g. 20Gi', kind: 'quantity' },
  { key: 'min_disk_per_volume', label: 'Smallest volume', hint: 'e.g. 100Mi', kind: 'quantity' },
];

export type EditValues = Record<EditKey, string>;

/** The current limits as the form shows them ('' where the cluster did not say). */
export function valuesFrom(q: QuotaResponse): EditValues {
  const r = q.resources ?? {};
  const n = (v: number | undefined, f: (x: number) => string) => (v === undefined ? '' : f(v));
  return {
    cpu: n(r.cpu?.max, (m) => coresToCpu(m / 1000)),
    memory: n(r.memory?.max, bytesToMemory),
    gpu: n(r.gpu?.max, String),
    ephemeral_storage: n((r['ephemeral-storage'] ?? r.ephemeral_storage)?.max, bytesToMemory),
    buckets: n(q.minio?.buckets?.max, String),
    storage_per_bucket: q.minio?.storage_per_bucket?.max ?? '',
    volumes: q.volumes?.volumes?.max ?? '',
    disk: q.volumes?.disk?.max ?? '',
    max_disk_per_volume: q.volumes?.max_disk_per_volume ?? '',
    min_disk_per_volume: q.volumes?.min_disk_per_volume ?? '',
  };
}

/** Why a typed value cannot be sent, in words; null when it can. */
export function fieldProblem(f: EditField, value: string): string | null {
  const v = value.trim();
  if (!v) return 'Give a value.';
  if (f.kind === 'count') return /^\d+$/.test(v) ? null : 'A whole number, such as 0, 1 or 10.';
  if (!isQuantity(v) || v.startsWith('-')) {
    return f.kind === 'cpu' ? 'Cores as a number (2, 0.5) or millicores (500m).' : 'A size such as 512Mi, 20Gi or 1Ti.';
  }
  return null;
}

export interface Change {
  key: EditKey;
  label: string;
  before: string;
  after: string;
}

/** What differs between the current limits and the typed ones, in the fields' order. */
export function changes(before: EditValues, after: EditValues): Change[] {
  return EDIT_FIELDS.filter((f) => before[f.key].trim() !== after[f.key].trim()).map((f) => ({
    key: f.key,
    label: f.label,
    before: before[f.key].trim() || 'not set',
    after: after[f.key].trim(),
  }));
}

/** The PUT body for these changes: only the changed limits, each where OSCAR expects it. */
export function updateBody(list: readonly Change[]): QuotaUpdate {
  const body: QuotaUpdate = {};
  for (const c of list) {
    const v = c.after;
    if (c.key === 'cpu' || c.key === 'memory' || c.key === 'gpu' || c.key === 'ephemeral_storage') body[c.key] = v;
    else if (c.key === 'buckets' || c.key === 'storage_per_bucket') body.minio = { ...body.minio, [c.key]: v };
    else body.volumes = { ...body.volumes, [c.key]: v };
  }
  return body;
}
