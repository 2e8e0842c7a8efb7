// The jobs list's view: filtering by status and text, sorting, counts and the figures shown in each
// row. Pure, so the list, its tests and a future CLI agree.
import { JOB_STATUSES, type JobRow, type JobStatus } from './paging';

export type JobSortKey = 'name' | 'service' | 'status' | 'created' | 'started' | 'finished' | 'duration';
export type SortDir = 'asc' | 'desc';

export interface JobsView {
  service: string;
  statuses: JobStatus[];
  q: string;
  sort: JobSortKey;
  dir: SortDir;
}

const SORT_KEYS: JobSortKey[] = ['name', 'service', 'status', 'created', 'started', 'finished', 'duration'];

/** Reads ?service=&status=Running,Failed&q=&sort=&dir= (unknown values fall back to the defaults). */
export function parseJobsParams(params: URLSearchParams): JobsView {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .map((s) => JOB_STATUSES.find((x) => x.toLowerCase() === s.trim().toLowerCase()))
    .filter((s): s is JobStatus => s !== undefined);
  const sort = SORT_KEYS.find((k) => k === params.get('sort')) ?? 'created';
  const dir = params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : sort === 'created' ? 'desc' : 'asc';
  return { service: params.get('service') ?? '', statuses: [...new Set(statuses)], q: params.get('q') ?? '', sort, dir };
}

/** Run time: finished − started; while running, up to `now`; none before it starts. */
export function jobDuration(j: JobRow, now: number): number | undefined {
  if (j.started === undefined) return undefined;
  if (j.finished !== undefined) return Math.max(0, j.finished - j.started);
  if (j.status === 'Running') return Math.max(0, now - j.started);
  return undefined;
}

const STATUS_ORDER: Record<JobStatus, number> = { Running: 0, Pending: 1, Failed: 2, Unknown: 3, Succeeded: 4 };

/** Text matches the job's name, its service's, or (when `inputName` knows it) its input file's name. */
export function filterJobs(rows: readonly JobRow[], view: Pick<JobsView, 'statuses' | 'q'>, inputName?: (j: JobRow) => string | undefined): JobRow[] {
  const q = view.q.trim().toLowerCase();
  const statuses = new Set(view.statuses);
  return rows.filter(
    (j) =>
      (statuses.size === 0 || statuses.has(j.status)) &&
      (!q || j.name.toLowerCase().includes(q) || j.service.toLowerCase().includes(q) || (inputName?.(j)?.toLowerCase().includes(q) ?? false)),
  );
}

export function sortJobs(rows: readonly JobRow[], sort: JobSortKey, dir: SortDir, now: number): JobRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const num = (v: number | undefined) => (v === undefined ? Number.NEGATIVE_INFINITY : v);
  const value = (j: JobRow): number | string => {
    switch (sort) {
      case 'name':
        return j.name;
      case 'service':
        return j.service;
      case 'status':
        return STATUS_ORDER[j.status];
      case 'created':
        return num(j.created);
      case 'started':
        return num(j.started);
      case 'finished':
        return num(j.finished);
      case 'duration':
        return num(jobDuration(j, now));
    }
  };
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = typeof va === 'string' || typeof vb === 'string' ? String(va).localeCompare(String(vb)) : va - vb;
    // Ties keep a stable, useful order: newest first, then by name.
    return c * sign || num(b.created) - num(a.created) || a.name.localeCompare(b.name);
  });
}

export function countByStatus(rows: readonly JobRow[]): Record<JobStatus, number> {
  const counts: Record<JobStatus, number> = { Pending: 0, Running: 0, Succeeded: 0, Failed: 0, Unknown: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}

/** OSCAR's "delete completed jobs" removes the jobs that succeeded (the server selects status.successful). */
export function isDeletedAsCompleted(j: JobRow): boolean {
  return j.status === 'Succeeded';
}

/** "850 ms", "42 s", "3 min 05 s", "2 h 04 min", "3 d 4 h". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

// Compact enough for a table cell: "2 Jun, 10:00:03", with the year only when it is not this one.
const TIME = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const;
const thisYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', ...TIME });
const otherYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', ...TIME });
const CURRENT_YEAR = new Date().getFullYear();

export function formatTime(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return (new Date(ms).getFullYear() === CURRENT_YEAR ? thisYear : otherYear).format(ms);
}

/** "just now", "5 s ago", "3 min ago" — for "updated …" lines. */
export function formatAgo(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 2) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.floor(m / 60)} h ago`;
}
