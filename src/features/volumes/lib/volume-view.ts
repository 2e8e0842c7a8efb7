// The volumes list's view: the filter and sort kept in the URL (?q=&sort=&dir=), and applying them.
import type { ManagedVolume } from '../../../api/types';
import { parseQuantity } from '../../../lib/units/quantity';
import type { VolumeSort } from '../components/volume-table';

const SORTS: readonly VolumeSort[] = ['name', 'owner', 'size', 'service', 'phase'];

export interface VolumeView {
  q: string;
  sort: VolumeSort;
  dir: 'asc' | 'desc';
}

export function parseVolumeView(p: URLSearchParams): VolumeView {
  const raw = p.get('sort') as VolumeSort | null;
  return { q: p.get('q') ?? '', sort: raw && SORTS.includes(raw) ? raw : 'name', dir: p.get('dir') === 'desc' ? 'desc' : 'asc' };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function key(v: ManagedVolume, s: VolumeSort): string | number {
  if (s === 'size') return parseQuantity(v.size ?? '')?.value ?? -1;
  if (s === 'owner') return v.owner_user ?? '';
  if (s === 'service') return (v.attachments ?? []).map((a) => a.service_name).join(', ');
  if (s === 'phase') return v.status?.phase ?? '';
  return v.name ?? '';
}

/** The volumes the filter (over name, owner and services) lets through, in the chosen order. */
export function applyVolumeView(list: readonly ManagedVolume[], view: VolumeView): ManagedVolume[] {
  const needle = view.q.trim().toLowerCase();
  const sign = view.dir === 'asc' ? 1 : -1;
  return list
    .filter((v) => !needle || `${v.name} ${v.owner_user ?? ''} ${(v.attachments ?? []).map((a) => a.service_name).join(' ')}`.toLowerCase().includes(needle))
    .sort((a, b) => {
      const x = key(a, view.sort);
      const y = key(b, view.sort);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return sign * (c || collator.compare(a.name ?? '', b.name ?? ''));
    });
}
