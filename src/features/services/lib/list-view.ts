// The services list's view: filter, sort and URL parameters. Pure, so it is cheap to test and to run on 5,000 rows.
import type { Service } from '../../../api/types';
import { cpuCores, ioSummary, memoryBytes, serviceKind, type ServiceKind } from './service-facts';

export const SORT_KEYS = ['name', 'kind', 'image', 'cpu', 'memory', 'status', 'owner', 'visibility', 'io'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export const VISIBILITIES = ['private', 'public', 'restricted'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export interface ListParams {
  q: string;
  sort: SortKey;
  dir: SortDir;
  /** The visibilities shown (none ticked: all). */
  vis: Visibility[];
  /** Only the services the signed-in user owns. */
  mine: boolean;
}

export { ownerIdOf } from '../../../lib/session/owner';

/** One row of the list with every derived value computed once, so sorting and filtering stay fast. */
export interface ServiceRow {
  service: Service;
  name: string;
  kind: ServiceKind;
  image: string;
  /** CPU and memory as the service asks for them ("500m", "2Gi"), and in cores and bytes to sort by. */
  cpuText: string;
  memoryText: string;
  gpu: boolean;
  cpu: number;
  memory: number;
  status: string;
  owner: string;
  visibility: string;
  io: string;
  /** Lower-cased name, image and owner, for the filter. */
  haystack: string;
}

export function toRow(s: Service): ServiceRow {
  const owner = s.owner ?? '';
  return {
    service: s,
    name: s.name,
    kind: serviceKind(s),
    image: s.image ?? '',
    cpuText: s.cpu ?? '',
    memoryText: s.memory ?? '',
    gpu: Boolean(s.enable_gpu),
    cpu: cpuCores(s.cpu),
    memory: memoryBytes(s.memory),
    status: s.deployment?.state ?? '',
    owner,
    visibility: s.visibility ?? '',
    io: ioSummary(s),
    haystack: `${s.name}\n${s.image ?? ''}\n${owner}`.toLowerCase(),
  };
}

export function parseListParams(params: URLSearchParams): ListParams {
  // Links from before CPU and memory had columns of their own sorted by "resources" (CPU, then memory).
  const sort = params.get('sort') === 'resources' ? 'cpu' : params.get('sort');
  const dir = params.get('dir');
  const vis = (params.get('vis') ?? '').split(',').filter((v): v is Visibility => (VISIBILITIES as readonly string[]).includes(v));
  return {
    q: params.get('q') ?? '',
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'name',
    dir: dir === 'desc' ? 'desc' : 'asc',
    vis: VISIBILITIES.filter((v) => vis.includes(v)),
    mine: params.get('mine') === '1',
  };
}

/** Visibility (any ticked) and ownership, before the text filter. */
export function filterByFacets(rows: readonly ServiceRow[], { vis, mine }: Pick<ListParams, 'vis' | 'mine'>, me: string): ServiceRow[] {
  if (vis.length === 0 && !mine) return [...rows];
  return rows.filter((r) => (vis.length === 0 || (vis as string[]).includes(r.visibility || 'private')) && (!mine || (me !== '' && r.owner === me)));
}

/** Every word of the query must appear in the name, image or owner. */
export function filterRows(rows: readonly ServiceRow[], q: string): ServiceRow[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => words.every((w) => r.haystack.includes(w)));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a - b;
}

function isEmpty(r: ServiceRow, key: SortKey): boolean {
  return key === 'cpu' || key === 'memory' ? Number.isNaN(r[key]) : !r[key];
}

function compareBy(key: SortKey): (a: ServiceRow, b: ServiceRow) => number {
  // CPU then memory for CPU, memory then CPU for memory: equal asks still sort by the other resource.
  if (key === 'cpu') return (a, b) => compareNumbers(a.cpu, b.cpu) || compareNumbers(a.memory, b.memory);
  if (key === 'memory') return (a, b) => compareNumbers(a.memory, b.memory) || compareNumbers(a.cpu, b.cpu);
  return (a, b) => collator.compare(a[key], b[key]);
}

export function sortRows(rows: readonly ServiceRow[], key: SortKey, dir: SortDir): ServiceRow[] {
  const cmp = compareBy(key);
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    // Rows without a value (no status, no owner) go last in both directions, so the data stays on top.
    const ea = isEmpty(a, key);
    const eb = isEmpty(b, key);
    if (ea !== eb) return ea ? 1 : -1;
    // Ties break by name so the order is stable.
    return (ea ? 0 : cmp(a, b) * sign) || collator.compare(a.name, b.name);
  });
}
