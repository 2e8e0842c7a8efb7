// The `sources` OSCAR lists with each metrics answer (Prometheus, MinIO audit, ingress logs…): how
// healthy each is, and whether a figure built from them is partial. The spec leaves `status` a free
// string; OSCAR uses "ok", and anything else is treated as a reason to doubt the figure.
import type { SourceStatus } from '../../api/types';

export type SourceHealth = 'ok' | 'degraded' | 'failing' | 'unknown';

const OK = new Set(['ok', 'healthy', 'up', 'ready', 'available', 'success']);
const DEGRADED = new Set(['degraded', 'partial', 'stale', 'delayed', 'warning', 'lagging']);
const FAILING = new Set([
  'error',
  'failed',
  'failing',
  'down',
  'unavailable',
  'unreachable',
  'missing',
  'disabled',
]);

export function sourceHealth(status: string | undefined): SourceHealth {
  const s = (status ?? '').trim().toLowerCase();
  if (OK.has(s)) return 'ok';
  if (DEGRADED.has(s)) return 'degraded';
  if (FAILING.has(s)) return 'failing';
  return 'unknown';
}

const RANK: Record<SourceHealth, number> = { ok: 0, unknown: 1, degraded: 2, failing: 3 };

export function worseHealth(a: SourceHealth, b: SourceHealth): SourceHealth {
  return RANK[a] >= RANK[b] ? a : b;
}

export interface SourceView {
  name: string;
  status: string;
  health: SourceHealth;
  /** ms since epoch, or null when the cluster did not say or said something unreadable. */
  lastUpdated: number | null;
  notes?: string;
}

/** Each source once: the worst status seen across answers, with the latest update time. */
export function mergeSources(lists: readonly (readonly SourceStatus[] | undefined)[]): SourceView[] {
  const by = new Map<string, SourceView>();
  for (const list of lists) {
    for (const s of list ?? []) {
      const name = s.name?.trim() || 'unnamed source';
      const t = s.last_updated ? Date.parse(s.last_updated) : NaN;
      const view: SourceView = {
        name,
        status: s.status?.trim() || 'not reported',
        health: sourceHealth(s.status),
        lastUpdated: Number.isNaN(t) ? null : t,
        ...(s.notes ? { notes: s.notes } : {}),
      };
      const prev = by.get(name);
      if (!prev) {
        by.set(name, view);
        continue;
      }
      const worse = RANK[view.health] > RANK[prev.health] ? view : prev;
      const latest = Math.max(prev.lastUpdated ?? -Infinity, view.lastUpdated ?? -Infinity);
      by.set(name, { ...worse, lastUpdated: Number.isFinite(latest) ? latest : null });
    }
  }
  return [...by.values()].sort((a, b) => RANK[b.health] - RANK[a.health] || a.name.localeCompare(b.name));
}

/** True when a figure built from these sources may be missing something. */
export function isPartial(sources: readonly SourceStatus[] | undefined): boolean {
  return (sources ?? []).some((s) => sourceHealth(s.status) !== 'ok');
}

/** The sources that are not fine, worst first, for a warning. */
export function troubledSources(sources: readonly SourceView[]): SourceView[] {
  return sources.filter((s) => s.health !== 'ok');
}
