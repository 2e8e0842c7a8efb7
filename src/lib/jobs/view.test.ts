import { describe, expect, it } from 'vitest';
import type { JobRow } from './paging';
import { countByStatus, filterJobs, formatAgo, formatDuration, formatTime, jobDuration, parseJobsParams, sortJobs } from './view';
import { pollDelay, pollReason } from './polling';

const rows: JobRow[] = [
  { name: 'gray-a', service: 'grayify', status: 'Succeeded', created: 1000, started: 4000, finished: 20_000 },
  { name: 'gray-b', service: 'grayify', status: 'Running', created: 5000, started: 8000 },
  { name: 'fish-c', service: 'fish', status: 'Failed', created: 3000, started: 6000, finished: 7000 },
  { name: 'fish-d', service: 'fish', status: 'Pending', created: 9000 },
];

describe('jobs view', () => {
  it('reads filters and sort from the URL, ignoring what it does not know', () => {
    expect(parseJobsParams(new URLSearchParams('service=fish&status=running,Failed,bogus&q=x&sort=duration&dir=desc'))).toEqual({
      service: 'fish',
      statuses: ['Running', 'Failed'],
      q: 'x',
      sort: 'duration',
      dir: 'desc',
    });
    expect(parseJobsParams(new URLSearchParams(''))).toMatchObject({ sort: 'created', dir: 'desc', statuses: [] });
  });

  it('filters by status and by text in the name or service', () => {
    expect(filterJobs(rows, { statuses: ['Running', 'Pending'], q: '' }).map((r) => r.name)).toEqual(['gray-b', 'fish-d']);
    expect(filterJobs(rows, { statuses: [], q: 'FISH' }).map((r) => r.name)).toEqual(['fish-c', 'fish-d']);
    // The input file's name, where it is known.
    const inputs = new Map([[rows[0]!, 'reef-04.jpg'], [rows[2]!, 'plot-b7.jpg']]);
    expect(filterJobs(rows, { statuses: [], q: 'Reef' }, (j) => inputs.get(j)).map((r) => r.name)).toEqual(['gray-a']);
    expect(filterJobs(rows, { statuses: ['Succeeded'], q: 'jpg' }, (j) => inputs.get(j)).map((r) => r.name)).toEqual(['gray-a']);
  });

  it('sorts by each column; a time not reached yet sorts as the earliest', () => {
    const now = 30_000;
    expect(sortJobs(rows, 'created', 'desc', now).map((r) => r.name)).toEqual(['fish-d', 'gray-b', 'fish-c', 'gray-a']);
    expect(sortJobs(rows, 'duration', 'desc', now).map((r) => r.name)).toEqual(['gray-b', 'gray-a', 'fish-c', 'fish-d']);
    expect(sortJobs(rows, 'finished', 'asc', now).map((r) => r.name)).toEqual(['fish-d', 'gray-b', 'fish-c', 'gray-a']);
    expect(sortJobs(rows, 'status', 'asc', now).map((r) => r.status)).toEqual(['Running', 'Pending', 'Failed', 'Succeeded']);
    expect(sortJobs(rows, 'name', 'asc', now).map((r) => r.name)).toEqual(['fish-c', 'fish-d', 'gray-a', 'gray-b']);
  });

  it('computes durations and counts', () => {
    expect(jobDuration(rows[0]!, 0)).toBe(16_000);
    expect(jobDuration(rows[1]!, 10_000)).toBe(2000);
    expect(jobDuration(rows[3]!, 10_000)).toBeUndefined();
    expect(countByStatus(rows)).toEqual({ Pending: 1, Running: 1, Succeeded: 1, Failed: 1, Unknown: 0 });
  });

  it('formats durations and ages for people', () => {
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(2 * 3600_000 + 4 * 60_000)).toBe('2 h 04 min');
    expect(formatDuration(76 * 3600_000)).toBe('3 d 4 h');
    expect(formatTime(undefined)).toBe('—');
    const now = new Date();
    expect(formatTime(now.getTime())).not.toContain(String(now.getFullYear()));
    expect(formatTime(Date.UTC(2001, 0, 1, 12))).toContain('2001');
    expect(formatAgo(0, 1000)).toBe('just now');
    expect(formatAgo(0, 12_000)).toBe('12 s ago');
  });
});

describe('pollDelay', () => {
  it('waits the base time when all is well', () => {
    expect(pollDelay({ base: 5000, failures: 0 })).toBe(5000);
    expect(pollReason({ base: 5000, failures: 0, lastDurationMs: 200 })).toBeNull();
  });

  it('doubles with each failure in a row, up to the ceiling', () => {
    expect([1, 2, 3, 10].map((failures) => pollDelay({ base: 2000, failures, max: 60_000 }))).toEqual([4000, 8000, 16_000, 60_000]);
    expect(pollReason({ base: 2000, failures: 1 })).toBe('failing');
  });

  it('stretches when the cluster answers slowly', () => {
    expect(pollDelay({ base: 5000, failures: 0, lastDurationMs: 4000 })).toBe(12_000);
    expect(pollReason({ base: 5000, failures: 0, lastDurationMs: 4000 })).toBe('slow');
  });
});
