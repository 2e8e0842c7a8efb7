// Jobs as OSCAR lists them: `GET /system/logs/{service}` answers an object keyed by job name, in pages
// of about 70, with `next_page` (pass it back as `page`) and `remaining_jobs` (see
// ../shared/oscar-api/NOTES.md). These helpers turn pages into rows and walk the pages.
import type { JobInfo, JobsResponse } from '../../api/types';

export const JOB_STATUSES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobRow {
  name: string;
  service: string;
  status: JobStatus;
  /** Milliseconds since the epoch, when the server gave the time. */
  created?: number;
  started?: number;
  finished?: number;
}

export function normaliseStatus(s: string | undefined): JobStatus {
  const found = JOB_STATUSES.find((x) => x.toLowerCase() === (s ?? '').toLowerCase());
  return found ?? 'Unknown';
}

function time(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : undefined;
}

export function jobRow(service: string, name: string, info: JobInfo): JobRow {
  const row: JobRow = { name, service, status: normaliseStatus(info.status) };
  const created = time(info.creation_time);
  const started = time(info.start_time);
  const finished = time(info.finish_time);
  if (created !== undefined) row.created = created;
  if (started !== undefined) row.started = started;
  if (finished !== undefined) row.finished = finished;
  return row;
}

/** Merges pages by job name: a job listed twice (it moved between pages) counts once, the later page wins. */
export function mergeJobPages(service: string, pages: readonly JobsResponse[]): JobRow[] {
  const byName = new Map<string, JobRow>();
  for (const page of pages) {
    for (const [name, info] of Object.entries(page.jobs ?? {})) byName.set(name, jobRow(service, name, info ?? {}));
  }
  return [...byName.values()];
}

export type FetchJobsPage = (page: string | undefined, signal?: AbortSignal) => Promise<JobsResponse>;

export interface PagingProgress {
  pages: number;
  loaded: number;
  /** The server's count of jobs still to come, after the last page read. */
  remaining: number;
}

export interface FetchAllOptions {
  signal?: AbortSignal;
  onProgress?: (p: PagingProgress) => void;
  /** Stop early: return as soon as a page holds this job. */
  until?: (page: JobsResponse) => boolean;
  /** A guard against a server that never stops handing out pages. */
  maxPages?: number;
}

export interface AllJobs {
  jobs: JobRow[];
  pages: number;
  /** True when the walk stopped before the last page (`until`, or the guard). */
  partial: boolean;
}

/**
 * Reads every page of a service's jobs, following `next_page` until there is none. Each page becomes
 * rows as it arrives (merged by name), so 5,000 jobs cost 72 small steps rather than one big one.
 */
export async function fetchAllJobs(service: string, fetchPage: FetchJobsPage, options: FetchAllOptions = {}): Promise<AllJobs> {
  const byName = new Map<string, JobRow>();
  const seenTokens = new Set<string>();
  const max = options.maxPages ?? 10_000;
  let token: string | undefined;
  let pages = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await fetchPage(token, options.signal);
    pages++;
    for (const [name, info] of Object.entries(page.jobs ?? {})) byName.set(name, jobRow(service, name, info ?? {}));
    const next = page.next_page || undefined;
    options.onProgress?.({ pages, loaded: byName.size, remaining: next ? Math.max(0, page.remaining_jobs ?? 0) : 0 });
    const done = (partial: boolean): AllJobs => ({ jobs: [...byName.values()], pages, partial });
    if (options.until?.(page)) return done(next !== undefined);
    // A token seen before would loop forever (a server bug); stop with what was read.
    if (!next || seenTokens.has(next) || pages >= max) return done(next !== undefined);
    seenTokens.add(next);
    token = next;
  }
}

/** One job's row, reading pages only until it appears; null when no page has it. */
export async function findJob(service: string, name: string, fetchPage: FetchJobsPage, signal?: AbortSignal): Promise<JobRow | null> {
  const all = await fetchAllJobs(service, fetchPage, {
    ...(signal ? { signal } : {}),
    until: (page) => Object.hasOwn(page.jobs ?? {}, name),
  });
  return all.jobs.find((j) => j.name === name) ?? null;
}

/** Runs `tasks` with at most `limit` at a time, keeping their order in the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker() {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T, i);
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
