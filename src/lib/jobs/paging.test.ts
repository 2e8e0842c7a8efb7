import { describe, expect, it, vi } from 'vitest';
import type { JobsResponse } from '../../api/types';
import { fetchAllJobs, findJob, jobRow, mapLimit, mergeJobPages, normaliseStatus } from './paging';

/** A server holding `n` jobs, answering pages of `size` like OSCAR (keyed by name, next_page, remaining_jobs). */
function server(n: number, size = 70) {
  const names = Array.from({ length: n }, (_, i) => `svc-${String(i).padStart(5, '0')}`);
  const calls: (string | undefined)[] = [];
  const fetchPage = vi.fn(async (page: string | undefined): Promise<JobsResponse> => {
    calls.push(page);
    const start = page ? names.indexOf(atob(page)) + 1 : 0;
    const slice = names.slice(start, start + size);
    const jobs: NonNullable<JobsResponse['jobs']> = {};
    for (const name of slice) jobs[name] = { status: 'Succeeded', creation_time: '2025-06-02T10:00:00Z', start_time: '2025-06-02T10:00:03Z', finish_time: '2025-06-02T10:00:20Z' };
    const remaining = n - start - slice.length;
    return { jobs, ...(remaining > 0 ? { next_page: btoa(slice[slice.length - 1] ?? ''), remaining_jobs: remaining } : {}) };
  });
  return { fetchPage, calls, names };
}

describe('jobRow and mergeJobPages', () => {
  it('reads times and statuses, unknown words become Unknown', () => {
    expect(jobRow('s', 'j', { status: 'Running', creation_time: '2025-06-02T10:00:00Z', start_time: '2025-06-02T10:00:03Z' })).toEqual({
      name: 'j',
      service: 's',
      status: 'Running',
      created: Date.UTC(2025, 5, 2, 10, 0, 0),
      started: Date.UTC(2025, 5, 2, 10, 0, 3),
    });
    expect(normaliseStatus('succeeded')).toBe('Succeeded');
    expect(normaliseStatus('Evicted')).toBe('Unknown');
    expect(normaliseStatus(undefined)).toBe('Unknown');
    expect(jobRow('s', 'j', { creation_time: 'not a date' })).toEqual({ name: 'j', service: 's', status: 'Unknown' });
  });

  it('merges pages keyed by name: a job on two pages counts once, with its latest state', () => {
    const rows = mergeJobPages('s', [
      { jobs: { a: { status: 'Running' }, b: { status: 'Pending' } }, next_page: 'x', remaining_jobs: 1 },
      { jobs: { b: { status: 'Running' }, c: { status: 'Failed' } } },
      { jobs: undefined },
    ]);
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['a', 'Running'],
      ['b', 'Running'],
      ['c', 'Failed'],
    ]);
  });
});

describe('fetchAllJobs', () => {
  it('follows next_page until the last page and reports progress with remaining_jobs', async () => {
    const s = server(5000);
    const progress: number[][] = [];
    const all = await fetchAllJobs('svc', s.fetchPage, { onProgress: (p) => progress.push([p.pages, p.loaded, p.remaining]) });
    expect(all.jobs).toHaveLength(5000);
    expect(all.pages).toBe(Math.ceil(5000 / 70));
    expect(all.partial).toBe(false);
    expect(s.calls[0]).toBeUndefined();
    expect(s.calls[1]).toBe(btoa('svc-00069'));
    expect(progress[0]).toEqual([1, 70, 4930]);
    expect(progress.at(-1)).toEqual([72, 5000, 0]);
    expect(new Set(all.jobs.map((j) => j.name)).size).toBe(5000);
  });

  it('reads one page when there is no next_page, and none is empty', async () => {
    const s = server(0);
    expect((await fetchAllJobs('svc', s.fetchPage)).jobs).toEqual([]);
    expect(s.fetchPage).toHaveBeenCalledTimes(1);
  });

  it('stops on a next_page token seen before instead of looping forever', async () => {
    const fetchPage = vi.fn(async () => ({ jobs: { a: { status: 'Running' } }, next_page: 'same', remaining_jobs: 3 }));
    const all = await fetchAllJobs('svc', fetchPage);
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(all.partial).toBe(true);
    expect(all.jobs).toHaveLength(1);
  });

  it('can be cancelled between pages', async () => {
    const s = server(1000);
    const ctl = new AbortController();
    const p = fetchAllJobs('svc', s.fetchPage, { signal: ctl.signal, onProgress: (pr) => pr.pages === 2 && ctl.abort() });
    await expect(p).rejects.toThrow();
    expect(s.fetchPage).toHaveBeenCalledTimes(2);
  });

  it('passes a failing page’s error on', async () => {
    const fetchPage = vi.fn().mockResolvedValueOnce({ jobs: { a: {} }, next_page: 'n', remaining_jobs: 1 }).mockRejectedValueOnce(new Error('500'));
    await expect(fetchAllJobs('svc', fetchPage)).rejects.toThrow('500');
  });
});

describe('findJob', () => {
  it('reads pages only until the job appears', async () => {
    const s = server(1000);
    const job = await findJob('svc', 'svc-00150', s.fetchPage);
    expect(job?.name).toBe('svc-00150');
    expect(s.fetchPage).toHaveBeenCalledTimes(3);
    expect(await findJob('svc', 'nope', s.fetchPage)).toBeNull();
  });
});

describe('mapLimit', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5 * (8 - n)));
      running--;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(peak).toBe(3);
  });
});
