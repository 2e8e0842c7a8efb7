// Reading OSCAR's quota answer (GET /system/quotas/user[/{id}]) as lines a person understands: what is
// limited, how much is used, the limit, and how much is left. The quotas page draws these as bars; bucket
// and service creation can ask `quotaLine(q, 'buckets')` for "how much is left" before they ask the server.
import type { QuotaResponse } from '../../api/types';
import { formatBytes } from '../units/format';
import { parseQuantity } from '../units/quantity';

export type QuotaId = 'cpu' | 'memory' | 'gpu' | 'ephemeral-storage' | 'volumes' | 'volume-disk' | 'buckets' | 'storage';

export interface QuotaLine {
  id: QuotaId;
  label: string;
  /** In the line's unit: millicores, bytes or a count. Undefined when the cluster did not say. */
  used?: number;
  max?: number;
  /** used / max between 0 and 1 (can pass 1 when a limit was lowered below what is used). */
  share?: number;
  usedText: string;
  maxText: string;
  /** max − used, never below 0; undefined without both. */
  left?: number;
  leftText?: string;
}

type Unit = 'millicores' | 'bytes' | 'count';

function fmt(unit: Unit, v: number): string {
  if (unit === 'bytes') return formatBytes(v);
  if (unit === 'millicores') {
    const cores = v / 1000;
    return `${Number.isInteger(cores) ? cores : cores.toFixed(cores < 10 ? 2 : 1).replace(/\.?0+$/, '')} ${cores === 1 ? 'core' : 'cores'}`;
  }
  return v.toLocaleString('en');
}

function num(v: number | string | undefined, unit: Unit): number | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (unit === 'count') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return parseQuantity(v)?.value ?? humanBytes(v);
}

// OSCAR reports MinIO's total as a human string ("1.5 GiB"), not a Kubernetes quantity.
function humanBytes(v: string): number | undefined {
  const m = /^\s*([\d.]+)\s*(B|KiB|MiB|GiB|TiB|PiB|kB|KB|MB|GB|TB|PB)\s*$/.exec(v);
  if (!m) return undefined;
  const pow: Record<string, number> = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40, PiB: 2 ** 50, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, PB: 1e15 };
  const n = Number(m[1]) * (pow[m[2]!] ?? NaN);
  return Number.isFinite(n) ? n : undefined;
}

function line(id: QuotaId, label: string, unit: Unit, usedRaw: number | string | undefined, maxRaw: number | string | undefined): QuotaLine {
  const used = num(usedRaw, unit);
  const max = num(maxRaw, unit);
  const l: QuotaLine = {
    id,
    label,
    usedText: used === undefined ? 'unknown' : fmt(unit, used),
    maxText: max === undefined ? 'no limit' : fmt(unit, max),
  };
  if (used !== undefined) l.used = used;
  if (max !== undefined) l.max = max;
  if (used !== undefined && max !== undefined) {
    l.share = max > 0 ? used / max : used > 0 ? Infinity : 0;
    l.left = Math.max(0, max - used);
    l.leftText = fmt(unit, l.left);
  }
  return l;
}

/** Every limit the answer carries, in a fixed order; lines the cluster left out are left out. */
export function quotaLines(q: QuotaResponse): QuotaLine[] {
  const r = q.resources ?? {};
  const lines: QuotaLine[] = [];
  if (r.cpu) lines.push(line('cpu', 'CPU', 'millicores', r.cpu.used, r.cpu.max));
  if (r.memory) lines.push(line('memory', 'Memory', 'bytes', r.memory.used, r.memory.max));
  if (r.gpu) lines.push(line('gpu', 'GPU', 'count', r.gpu.used, r.gpu.max));
  const eph = r['ephemeral-storage'] ?? r.ephemeral_storage;
  if (eph) lines.push(line('ephemeral-storage', 'Ephemeral storage', 'bytes', eph.used, eph.max));
  const v = q.volumes;
  if (v?.volumes) lines.push(line('volumes', 'Volumes', 'count', v.volumes.used, v.volumes.max));
  if (v?.disk) lines.push(line('volume-disk', 'Volume disk', 'bytes', v.disk.used, v.disk.max));
  const m = q.minio;
  if (m?.buckets) lines.push(line('buckets', 'Buckets', 'count', m.buckets.used, m.buckets.max));
  if (m?.storage_total || m?.storage_per_bucket) {
    const l = line('storage', 'Storage', 'bytes', m.storage_total?.used, undefined);
    // OSCAR limits storage per bucket, not in total: say so rather than draw a bar against the wrong limit.
    if (m.storage_per_bucket?.max) l.maxText = `${fmt('bytes', num(m.storage_per_bucket.max, 'bytes') ?? 0)} per bucket`;
    lines.push(l);
  }
  return lines;
}

/** One line of the answer (e.g. 'buckets' to tell how many more may be created), or undefined. */
export function quotaLine(q: QuotaResponse, id: QuotaId): QuotaLine | undefined {
  return quotaLines(q).find((l) => l.id === id);
}

/** How full a line is, in words for a bar's colour: ok under 80 %, near from 80 %, full at 100 %. */
export function quotaLevel(l: QuotaLine): 'ok' | 'near' | 'full' | 'none' {
  if (l.share === undefined) return 'none';
  if (l.share >= 1) return 'full';
  if (l.share >= 0.8) return 'near';
  return 'ok';
}
