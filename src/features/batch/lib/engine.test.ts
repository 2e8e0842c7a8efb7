import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobRow } from '../../../lib/jobs/paging';
import { BatchRunner, CHECK_GRACE_MS, FAILURES_BEFORE_PAUSE, LOST_MS, waitingToStart, inputOfLog, newBatch, progressRate, resumed, type BatchDeps, type BatchState } from './engine';
import { capacityFrom, parallelism } from './capacity';
import { manifestCsv, manifestJson } from './manifest';
import { outputZipEntries } from './outputs-zip';

const T0 = Date.parse('2026-01-01T10:00:00Z');

/** A small cluster: objects in pages of `pageSize`, jobs that run when told to. */
function fakeCluster(keys: string[], pageSize = 3) {
  const jobs = new Map<string, JobRow & { key: string }>();
  let n = 0;
  const sent: string[] = [];
  let saved: BatchState | null = null;
  const deps: BatchDeps = {
    listPage: vi.fn(async (_bucket: string, page: string | undefined) => {
      const from = page ? Number(page) : 0;
      const objects = keys.slice(from, from + pageSize).map((key) => ({ key, size: 1 }));
      return from + pageSize < keys.length ? { objects, next: String(from + pageSize) } : { objects };
    }),
    submit: vi.fn(async ({ key }: { key: string }) => {
      sent.push(key);
      const name = `svc-${++n}`;
      jobs.set(name, { name, service: 'svc', status: 'Pending', created: Date.now(), key });
    }),
    listJobs: vi.fn(async () => [...jobs.values()].map(({ key: _k, ...row }) => row)),
    readLog: vi.fn(async (name: string) => {
      const j = jobs.get(name)!;
      return j.status === 'Pending' ? '' : `[supervisor] Downloading item from bucket 'data' with key '${j.key}'\nok\n`;
    }),
    capacity: vi.fn(async () => ({ fits: 2, freeCores: 2, freeBytes: 2e9, cpu: 1, memory: 1e9, nodes: 1 })),
    save: vi.fn(async (s: BatchState) => {
      saved = s;
    }),
    now: () => Date.now(),
  };
  const finish = (status: 'Running' | 'Succeeded' | 'Failed') => {
    for (const j of jobs.values()) {
      if (j.status === 'Succeeded' || j.status === 'Failed') continue;
      if (status === 'Running' && j.status === 'Pending') Object.assign(j, { status, started: Date.now() });
      else if (status !== 'Running' && j.status === 'Running') Object.assign(j, { status, finished: Date.now() });
    }
  };
  return { deps, jobs, sent, finish, saved: () => saved };
}

const start = (suffixes: string[] = ['.jpg'], cap: number | null = null) =>
  newBatch({ service: 'svc', bucket: 'data', prefix: 'in/', suffixes, cap, now: Date.now() });

describe('the batch engine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('lists page by page, keeps what the prefix and suffixes select, and submits up to the parallelism', async () => {
    const c = fakeCluster(['in/a.jpg', 'in/b.JPG', 'in/notes.txt', 'in/', 'other/c.jpg', 'in/d.jpg', 'in/e.jpg']);
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    // Three pages of 3 objects in one round: the .jpg under in/ are kept; the cluster has room for 2.
    expect(vi.mocked(c.deps.listPage).mock.calls.map(([, page]) => page)).toEqual([undefined, '3', '6']);
    expect(r.get().inputs.map((i) => i.key)).toEqual(['in/a.jpg', 'in/b.JPG', 'in/d.jpg', 'in/e.jpg']);
    expect(r.get().listing).toBeNull();
    expect(c.sent).toEqual(['in/a.jpg', 'in/b.JPG']);
    await r.tick();
    // Two jobs pending: no room until they run or end (fits is re-read only every 30 s).
    expect(c.sent).toHaveLength(2);
    c.finish('Running');
    await r.tick();
    expect(r.get().inputs.filter((i) => i.job).map((i) => [i.key, i.job, i.state])).toEqual([
      ['in/a.jpg', 'svc-1', 'running'],
      ['in/b.JPG', 'svc-2', 'running'],
    ]);
    c.finish('Succeeded');
    await vi.advanceTimersByTimeAsync(5000);
    await r.tick();
    expect(c.sent).toEqual(['in/a.jpg', 'in/b.JPG', 'in/d.jpg', 'in/e.jpg']);
    c.finish('Running');
    c.finish('Failed');
    await r.tick();
    expect(r.get().inputs.map((i) => i.state)).toEqual(['succeeded', 'succeeded', 'failed', 'failed']);
    expect(r.get().status).toBe('done');
    expect(c.saved()?.status).toBe('done');
  });

  it('cancels deleting the jobs still Pending: deleted ones read "cancelled", a refused deletion keeps the server\'s words', async () => {
    const c = fakeCluster(['in/a.jpg', 'in/b.jpg', 'in/c.jpg', 'in/d.jpg'], 10);
    // Logs that name their input while the job is still Pending (the supervisor has begun, the pod is not Running).
    c.deps.readLog = vi.fn(async (name: string) => `[supervisor] Downloading item from bucket 'data' with key '${c.jobs.get(name)!.key}'\n`);
    const deleted: string[] = [];
    c.deps.deleteJob = vi.fn(async (job: string) => {
      if (job === 'svc-2') throw new Error('Kubernetes says: jobs.batch "svc-2" is forbidden');
      deleted.push(job);
      c.jobs.delete(job);
    });
    c.deps.capacity = vi.fn(async () => ({ fits: 3, freeCores: 3, freeBytes: 3e9, cpu: 1, memory: 1e9, nodes: 1 }));
    const r = new BatchRunner(start(['.jpg'], 3), c.deps);
    await r.tick();
    await r.tick();
    c.jobs.get('svc-3')!.status = 'Running';
    await r.tick();
    expect(r.get().inputs.map((i) => [i.key, i.job, i.state])).toEqual([
      ['in/a.jpg', 'svc-1', 'pending'],
      ['in/b.jpg', 'svc-2', 'pending'],
      ['in/c.jpg', 'svc-3', 'running'],
      ['in/d.jpg', undefined, 'queued'],
    ]);
    expect(r.pendingJobs().map((i) => i.job)).toEqual(['svc-1', 'svc-2']);
    await r.cancel({ deletePending: true });
    expect(deleted).toEqual(['svc-1']);
    expect(c.deps.deleteJob).toHaveBeenCalledTimes(2);
    const [a, b, cc, d] = r.get().inputs;
    expect(r.get().status).toBe('cancelled');
    expect(a).toMatchObject({ state: 'cancelled' });
    expect(b).toMatchObject({ state: 'pending', error: 'The job could not be deleted: Kubernetes says: jobs.batch "svc-2" is forbidden' });
    expect(cc!.state).toBe('running');
    expect(d!.state).toBe('queued');
    expect(c.saved()?.inputs[0]?.state).toBe('cancelled');
    // Later rounds neither send the queued input nor bring the deleted one back.
    await r.tick();
    expect(c.sent).toEqual(['in/a.jpg', 'in/b.jpg', 'in/c.jpg']);
    expect(r.get().inputs[0]!.state).toBe('cancelled');
  });

  it('cancels deleting the jobs of inputs just sent, found by time since a waiting job has no log, and leaves older and others\' jobs', async () => {
    const c = fakeCluster(['in/a.jpg', 'in/b.jpg', 'in/c.jpg'], 10);
    c.deps.capacity = vi.fn(async () => ({ fits: 2, freeCores: 2, freeBytes: 2e9, cpu: 1, memory: 1e9, nodes: 1 }));
    // Someone's Pending job from before the batch, and a job whose log already gave it to someone else.
    c.jobs.set('old', { name: 'old', service: 'svc', status: 'Pending', created: T0 - 60_000, key: 'x' });
    const deleted: string[] = [];
    c.deps.deleteJob = vi.fn(async (job: string) => {
      deleted.push(job);
      c.jobs.delete(job);
    });
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    expect(r.get().inputs.map((i) => i.state)).toEqual(['submitted', 'submitted', 'queued']);
    expect(waitingToStart(r.get().inputs)).toBe(2);
    await r.cancel({ deletePending: true });
    expect(deleted.sort()).toEqual(['svc-1', 'svc-2']);
    expect(r.get().inputs.map((i) => i.state)).toEqual(['cancelled', 'cancelled', 'queued']);
    expect(c.jobs.has('old')).toBe(true);
    await r.tick();
    expect(c.sent).toEqual(['in/a.jpg', 'in/b.jpg']);
    expect(r.get().inputs.map((i) => i.state)).toEqual(['cancelled', 'cancelled', 'queued']);
  });

  it('when fewer jobs wait than inputs were sent, deletes those and marks cancelled only the inputs no job left names', async () => {
    const c = fakeCluster(['in/a.jpg', 'in/b.jpg'], 10);
    c.deps.deleteJob = vi.fn(async (job: string) => void c.jobs.delete(job));
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    // a's job has started (its log is not read yet); b's still waits.
    c.jobs.get('svc-1')!.status = 'Running';
    await r.cancel({ deletePending: true });
    expect(c.deps.deleteJob).toHaveBeenCalledWith('svc-2');
    expect(c.deps.deleteJob).toHaveBeenCalledTimes(1);
    expect(r.get().inputs.map((i) => i.state)).toEqual(['submitted', 'submitted']);
    await r.tick();
    expect(r.get().inputs.map((i) => [i.state, i.job])).toEqual([
      ['running', 'svc-1'],
      ['cancelled', undefined],
    ]);
  });

  it('does not pause for calls cut while the page goes away', async () => {
    const c = fakeCluster(['in/a.jpg', 'in/b.jpg'], 10);
    c.deps.submit = vi.fn(async () => {
      throw Object.assign(new Error('Failed to fetch'), { status: 0 });
    });
    c.deps.leaving = () => true;
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    expect(r.get().status).toBe('running');
    expect(r.get().inputs.map((i) => [i.state, i.error])).toEqual([
      ['checking', undefined],
      ['checking', undefined],
    ]);
  });

  it('checks an input whose call was aborted as the page went away, instead of failing it', async () => {
    const c = fakeCluster(['in/a.jpg'], 10);
    vi.mocked(c.deps.submit).mockRejectedValueOnce(new DOMException('The user aborted a request.', 'AbortError'));
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    expect(r.get().inputs[0]!.state).toBe('checking');
    expect(r.get().inputs[0]!.error).toBeUndefined();
    expect(r.get().status).toBe('running');
    // No job names it once the jobs are read: it is sent again, once.
    await r.tick();
    await r.tick();
    expect(c.sent).toEqual(['in/a.jpg']);
    expect(r.get().inputs[0]!.state).toBe('submitted');
  });

  it('cancels without deleting anything unless asked', async () => {
    const c = fakeCluster(['in/a.jpg'], 10);
    c.deps.readLog = vi.fn(async () => `Downloading item from bucket 'data' with key 'in/a.jpg'\n`);
    c.deps.deleteJob = vi.fn(async () => undefined);
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    await r.tick();
    expect(r.get().inputs[0]!.state).toBe('pending');
    await r.cancel();
    expect(c.deps.deleteJob).not.toHaveBeenCalled();
    expect(r.get().inputs[0]!.state).toBe('pending');
  });

  it('pauses, resumes, cancels (nothing more is sent) and retries what failed', async () => {
    const c = fakeCluster(['in/a.jpg', 'in/b.jpg', 'in/c.jpg'], 10);
    const r = new BatchRunner(start(['.jpg'], 1), c.deps);
    await r.pause();
    await r.tick();
    expect(c.sent).toEqual([]);
    await r.resume();
    await r.tick();
    expect(c.sent).toEqual(['in/a.jpg']);
    c.finish('Running');
    c.finish('Failed');
    await r.tick();
    expect(c.sent).toEqual(['in/a.jpg', 'in/b.jpg']);
    await r.cancel();
    c.finish('Running');
    c.finish('Succeeded');
    await r.tick();
    expect(c.sent).toEqual(['in/a.jpg', 'in/b.jpg']);
    expect(r.get().inputs.map((i) => i.state)).toEqual(['failed', 'succeeded', 'queued']);
    await r.retryFailed();
    expect(r.get().status).toBe('running');
    await r.tick();
    expect(c.sent).toEqual(['in/a.jpg', 'in/b.jpg', 'in/a.jpg']);
    expect(r.get().inputs[0]).toMatchObject({ state: 'submitted', attempts: 2 });
    expect(r.get().inputs[0]!.job).toBeUndefined();
  });

  it('follows the new job of a retried input, never its old failed one again', async () => {
    const c = fakeCluster(['in/a.jpg'], 10);
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    c.finish('Running');
    c.finish('Failed');
    await r.tick();
    expect(r.get().inputs[0]).toMatchObject({ state: 'failed', job: 'svc-1' });
    await r.retryFailed();
    await r.tick();
    expect(c.sent).toEqual(['in/a.jpg', 'in/a.jpg']);
    c.finish('Running');
    await r.tick();
    // The old job's log names the input too: it is not taken back for it.
    expect(r.get().inputs[0]).toMatchObject({ state: 'running', job: 'svc-2' });
    c.finish('Succeeded');
    await r.tick();
    expect(r.get().inputs[0]).toMatchObject({ state: 'succeeded', job: 'svc-2' });
  });

  it('runs the rounds on its own timer and stops when asked', async () => {
    const c = fakeCluster(['in/a.jpg'], 10);
    const r = new BatchRunner(start(), c.deps);
    r.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.sent).toEqual(['in/a.jpg']);
    c.finish('Running');
    c.finish('Succeeded');
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.get().status).toBe('done');
    const calls = vi.mocked(c.deps.listJobs).mock.calls.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(vi.mocked(c.deps.listJobs).mock.calls.length).toBe(calls);
    r.stop();
  });

  it('after a reload, adopts the job of an input whose call was in flight instead of sending it again', async () => {
    const c = fakeCluster(['in/a.jpg', 'in/b.jpg'], 10);
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    expect(c.sent).toEqual(['in/a.jpg', 'in/b.jpg']);
    // The page went away while both calls were out: the store says "sending" for both.
    const stored: BatchState = { ...r.get(), inputs: r.get().inputs.map((i) => ({ ...i, state: 'sending' as const })) };
    c.jobs.delete('svc-2'); // b's call never reached the cluster
    const again = new BatchRunner(resumed(stored, Date.now()), c.deps);
    expect(again.get().inputs.map((i) => i.state)).toEqual(['checking', 'checking']);
    await again.tick();
    // a's job is pending (empty log): nothing is sent while it could still be a's or b's.
    expect(c.sent).toHaveLength(2);
    c.finish('Running');
    await again.tick();
    expect(again.get().inputs.map((i) => [i.state, i.job])).toEqual([
      ['running', 'svc-1'],
      ['submitted', undefined],
    ]);
    expect(c.sent).toEqual(['in/a.jpg', 'in/b.jpg', 'in/b.jpg']);
  });

  it('sends an in-flight input again after the grace when an unknown job stays silent', async () => {
    const c = fakeCluster(['in/a.jpg'], 10);
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    const stored: BatchState = { ...r.get(), inputs: r.get().inputs.map((i) => ({ ...i, state: 'sending' as const })) };
    c.jobs.get('svc-1')!.key = 'in/zzz.jpg'; // someone else's pending job
    const again = new BatchRunner(resumed(stored, Date.now()), c.deps);
    await again.tick();
    expect(again.get().inputs[0]!.state).toBe('checking');
    await vi.advanceTimersByTimeAsync(CHECK_GRACE_MS);
    await again.tick();
    await again.tick();
    expect(c.sent).toEqual(['in/a.jpg', 'in/a.jpg']);
  });

  it('gives up on a sent input whose job never shows up, and it can be retried', async () => {
    const c = fakeCluster(['in/a.jpg'], 10);
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    c.jobs.clear(); // the job was deleted before anyone read its log
    await vi.advanceTimersByTimeAsync(LOST_MS - 1000);
    await r.tick();
    expect(r.get().inputs[0]!.state).toBe('submitted');
    await vi.advanceTimersByTimeAsync(2000);
    await r.tick();
    expect(r.get().inputs[0]).toMatchObject({ state: 'failed', error: expect.stringMatching(/no job naming this object/) });
    expect(r.get().status).toBe('done');
  });

  it('says why a call was refused, in the cluster\'s words, and goes on with the others', async () => {
    const c = fakeCluster(['in/a.jpg', 'in/b.jpg'], 10);
    vi.mocked(c.deps.submit).mockRejectedValueOnce(Object.assign(new Error('key refused'), { status: 400 }));
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    expect(r.get().inputs[0]).toMatchObject({ state: 'failed', error: 'Not sent: key refused' });
    expect(r.get().inputs[1]!.state).toBe('submitted');
  });

  it('marks a round\'s inputs "sending" in one save before any call leaves, then sends them six at a time', async () => {
    const keys = Array.from({ length: 20 }, (_, n) => `in/${n}.jpg`);
    const c = fakeCluster(keys, 100);
    c.deps.capacity = vi.fn(async () => ({ fits: 20, freeCores: 20, freeBytes: 2e10, cpu: 1, memory: 1e9, nodes: 1 }));
    let inFlight = 0;
    let most = 0;
    const submitted = c.deps.submit;
    const savesBeforeFirstCall: BatchState[] = [];
    c.deps.submit = vi.fn(async (input) => {
      if (vi.mocked(c.deps.submit).mock.calls.length === 1) savesBeforeFirstCall.push(c.saved()!);
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 10));
      await submitted(input);
      inFlight--;
    });
    const r = new BatchRunner(start(), c.deps);
    const round = r.tick();
    await vi.advanceTimersByTimeAsync(100);
    await round;
    expect(savesBeforeFirstCall[0]!.inputs.every((i) => i.state === 'sending')).toBe(true);
    expect(most).toBe(6);
    expect(c.sent).toHaveLength(20);
    expect(r.get().inputs.every((i) => i.state === 'submitted' && i.attempts === 1)).toBe(true);
  });

  it('pauses when OSCAR refuses the token, puts the input back in the queue with the words, and sends it again on resume', async () => {
    const c = fakeCluster(['in/a.jpg', 'in/b.jpg', 'in/c.jpg'], 10);
    c.deps.capacity = vi.fn(async () => ({ fits: 1, freeCores: 1, freeBytes: 1e9, cpu: 1, memory: 1e9, nodes: 1 }));
    vi.mocked(c.deps.submit).mockRejectedValueOnce(Object.assign(new Error('invalid token'), { status: 401 }));
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    expect(r.get().status).toBe('paused');
    expect(r.get().pausedBecause).toBe('OSCAR refused to start a job (401): invalid token. The batch is paused; nothing more is sent until you resume.');
    expect(r.get().inputs[0]).toMatchObject({ state: 'queued', attempts: 0, error: 'Not sent: invalid token' });
    await r.tick();
    expect(c.sent).toEqual([]);
    await r.resume();
    expect(r.get().pausedBecause).toBeNull();
    await r.tick();
    expect(c.sent).toEqual(['in/a.jpg']);
    expect(r.get().inputs[0]).toMatchObject({ state: 'submitted', attempts: 1 });
    expect(r.get().inputs[0]!.error).toBeUndefined();
  });

  it('pauses on a quota refusal, in the cluster\'s words', async () => {
    const c = fakeCluster(['in/a.jpg'], 10);
    vi.mocked(c.deps.submit).mockRejectedValueOnce(Object.assign(new Error('user ana exceeded the CPU quota (4 cores)'), { status: 400 }));
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    expect(r.get()).toMatchObject({ status: 'paused', pausedBecause: expect.stringContaining('exceeded the CPU quota (4 cores)') });
    expect(r.get().inputs[0]!.state).toBe('queued');
  });

  it('when the network drops during a call, checks the jobs before sending again: one that arrived is adopted, one that did not is sent again', async () => {
    const c = fakeCluster(['in/a.jpg', 'in/b.jpg'], 10);
    const real = c.deps.submit;
    c.deps.submit = vi.fn(async (input) => {
      // a's call reaches the cluster but its answer is lost; b's never leaves.
      if (input.key === 'in/a.jpg') await real(input);
      throw Object.assign(new Error('Failed to fetch'), { status: 0 });
    });
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    expect(r.get().status).toBe('paused');
    expect(r.get().pausedBecause).toMatch(/^The cluster could not be reached to start a job \(Failed to fetch\)/);
    expect(r.get().inputs.map((i) => i.state)).toEqual(['checking', 'checking']);
    // A page loaded next goes on by itself (the cut may have been its own reload); a pause for a refusal,
    // or the user's, stays.
    expect(resumed(r.get(), Date.now())).toMatchObject({ status: 'running', pausedBecause: null });
    expect(resumed({ ...r.get(), pausedUnreachable: false }, Date.now()).status).toBe('paused');
    c.deps.submit = real;
    await r.resume();
    c.finish('Running');
    await r.tick();
    await r.tick();
    expect(r.get().inputs.map((i) => [i.key, i.state, i.job])).toEqual([
      ['in/a.jpg', 'running', 'svc-1'],
      ['in/b.jpg', 'submitted', undefined],
    ]);
    expect(r.get().inputs[0]!.error).toBeUndefined();
    expect(c.sent).toEqual(['in/a.jpg', 'in/b.jpg']);
  });

  it('fails an object OSCAR refuses and goes on, but pauses after three refused in a row', async () => {
    const c = fakeCluster(['in/a.jpg', 'in/b.jpg', 'in/c.jpg', 'in/d.jpg', 'in/e.jpg'], 10);
    c.deps.capacity = vi.fn(async () => ({ fits: 1, freeCores: 1, freeBytes: 1e9, cpu: 1, memory: 1e9, nodes: 1 }));
    const refuse = () => Object.assign(new Error('bad key'), { status: 400 });
    vi.mocked(c.deps.submit).mockRejectedValueOnce(refuse()).mockRejectedValueOnce(refuse()).mockRejectedValueOnce(refuse());
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    expect(r.get().inputs[0]).toMatchObject({ state: 'failed', error: 'Not sent: bad key' });
    expect(r.get().status).toBe('running');
    await r.tick();
    await r.tick();
    expect(r.get().inputs.slice(0, 3).map((i) => i.state)).toEqual(['failed', 'failed', 'failed']);
    expect(r.get()).toMatchObject({ status: 'paused', pausedBecause: 'OSCAR refused 3 inputs in a row, the last one with: bad key. The batch is paused.' });
  });

  it('pauses when the listing keeps failing, at once when the bucket is not there, and keeps the pages it read', async () => {
    const keys = Array.from({ length: 30 }, (_, n) => `in/${n}.jpg`);
    const c = fakeCluster(keys, 10);
    const listPage = c.deps.listPage;
    c.deps.listPage = vi.fn(async (bucket: string, page: string | undefined) => {
      if (page === '10') throw Object.assign(new Error('The cluster had an internal error'), { status: 500 });
      return listPage(bucket, page);
    });
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    expect(r.get().inputs).toHaveLength(10);
    expect(r.get().listing).toEqual({ page: '10' });
    expect(r.get().problem).toBe('The objects of data could not be listed: The cluster had an internal error');
    for (let n = 1; n < FAILURES_BEFORE_PAUSE; n++) {
      expect(r.get().status).toBe('running');
      await r.tick();
    }
    expect(r.get()).toMatchObject({ status: 'paused', pausedBecause: 'The objects of data could not be listed: The cluster had an internal error' });

    const gone = fakeCluster([], 10);
    gone.deps.listPage = vi.fn(async () => {
      throw Object.assign(new Error('bucket data not found'), { status: 404 });
    });
    const r2 = new BatchRunner(start(), gone.deps);
    await r2.tick();
    expect(r2.get()).toMatchObject({ status: 'paused', pausedBecause: 'The objects of data could not be listed: bucket data not found' });
  });

  it('ends at once, with nothing sent, when no object matches', async () => {
    const c = fakeCluster(['in/notes.txt', 'other/a.jpg'], 10);
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    expect(r.get()).toMatchObject({ status: 'done', inputs: [], listing: null });
    expect(c.sent).toEqual([]);
  });

  it('reads a long job list less often: a service with 700 old jobs is listed every few rounds, not every round', async () => {
    const c = fakeCluster(['in/a.jpg'], 10);
    for (let n = 0; n < 700; n++) c.jobs.set(`old-${n}`, { name: `old-${n}`, service: 'svc', status: 'Succeeded', created: T0 - 86_400_000, key: 'x' });
    const r = new BatchRunner(start(), c.deps);
    r.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.sent).toEqual(['in/a.jpg']);
    // 10 pages × 250 ms: at most one listing every 2.5 s (a round is 2 s).
    await vi.advanceTimersByTimeAsync(20_000);
    const calls = vi.mocked(c.deps.listJobs).mock.calls.length;
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(calls).toBeLessThanOrEqual(9);
    // No log of the old jobs was read.
    expect(vi.mocked(c.deps.readLog).mock.calls.every(([name]) => !name.startsWith('old-'))).toBe(true);
    c.finish('Running');
    c.finish('Succeeded');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.get().status).toBe('done');
    r.stop();
  });

  it('reads again a job whose log has only the supervisor\'s first lines', async () => {
    const c = fakeCluster(['in/a.jpg'], 10);
    const r = new BatchRunner(start(), c.deps);
    await r.tick();
    c.finish('Running');
    vi.mocked(c.deps.readLog).mockResolvedValueOnce("[supervisor] Reading 'STORAGE_AUTH' environment variables\n");
    await r.tick();
    expect(r.get().foreign).toEqual([]);
    await r.tick();
    expect(r.get().inputs[0]).toMatchObject({ job: 'svc-1', state: 'running' });
  });

  it('never claims a job whose log names another object', async () => {
    const c = fakeCluster(['in/a.jpg'], 10);
    const r = new BatchRunner(start(), c.deps);
    await c.deps.submit({ bucket: 'data', key: 'in/elsewhere.jpg', size: 1 });
    await r.tick();
    c.finish('Running');
    await r.tick();
    expect(r.get().inputs[0]!.job).toBe('svc-2');
    expect(r.get().foreign).toEqual(['svc-1']);
  });
});

describe('parallelism', () => {
  it('fits jobs node by node, skips virtual and not-ready nodes, and respects the cap', () => {
    const gib = 1024 ** 3;
    const node = (cores: number, req: number, mem: number, reqMem: number, extra = {}) => ({
      cpu: { capacity_cores: cores, request_cores: req },
      memory: { capacity_bytes: mem * gib, request_bytes: reqMem * gib },
      status: 'Ready',
      ...extra,
    });
    const status = { cluster: { nodes: [node(8, 3, 32, 9), node(16, 9, 64, 60), node(128, 0, 256, 0, { is_interlink: true }), node(8, 0, 8, 0, { status: 'NotReady' })] } };
    const cap = capacityFrom(status, { cpu: '2', memory: '2Gi' });
    // Node 1: min(⌊5/2⌋, ⌊23/2⌋) = 2; node 2: min(⌊7/2⌋, ⌊4/2⌋) = 2.
    expect(cap).toMatchObject({ fits: 4, freeCores: 12, nodes: 2 });
    expect(parallelism(cap, 3, null)).toBe(7);
    expect(parallelism(cap, 3, 5)).toBe(5);
    expect(parallelism({ ...cap, fits: 0 }, 0, null)).toBe(1);
    expect(capacityFrom({ cluster: { metrics: { cpu: { total_free_cores: 3 }, memory: { total_free_bytes: 10 * gib } } } }, { cpu: '500m', memory: '1Gi' }).fits).toBe(6);
  });
});

describe('reading the batch', () => {
  it('finds the input in the supervisor log', () => {
    expect(inputOfLog("x\n[INFO] Downloading item from bucket 'b' with key 'in/a b.jpg'\n")).toEqual({ bucket: 'b', key: 'in/a b.jpg' });
    expect(inputOfLog('hello')).toBeNull();
  });

  it('counts throughput over recent minutes and the time left', () => {
    const s = { ...start(), createdAt: T0 };
    s.inputs = [
      { key: 'a', size: 1, state: 'succeeded', attempts: 1, finishedAt: T0 + 60_000 },
      { key: 'b', size: 1, state: 'failed', attempts: 1, finishedAt: T0 + 120_000 },
      { key: 'c', size: 1, state: 'queued', attempts: 0 },
      { key: 'd', size: 1, state: 'running', attempts: 1 },
    ];
    s.listing = null;
    const r = progressRate(s, T0 + 120_000);
    expect(r.perMinute).toBe(1);
    expect(r.etaMs).toBe(120_000);
  });

  it('names zip entries <input>/<output file>, the bucket telling apart two outputs of one name', () => {
    const s = start();
    s.inputs = [
      { key: 'in/x/a.jpg', size: 1, state: 'succeeded', attempts: 1, outputs: ['out/a.png', 'copy/deep/a.png'] },
      { key: 'in/b.jpg', size: 1, state: 'failed', attempts: 1 },
    ];
    expect(outputZipEntries(s)).toEqual([
      { bucket: 'out', key: 'a.png', name: 'x/a.jpg/a.png' },
      { bucket: 'copy', key: 'deep/a.png', name: 'x/a.jpg/copy-a.png' },
    ]);
  });

  it('writes the manifest as CSV and JSON', () => {
    const s = start();
    s.inputs = [
      { key: 'in/a,"b".jpg', size: 1, state: 'succeeded', attempts: 1, job: 'svc-1', sentAt: T0, startedAt: T0 + 3000, finishedAt: T0 + 13_000, outputs: ['out/a.png', 'out/a.json'] },
      { key: 'in/c.jpg', size: 1, state: 'queued', attempts: 0 },
    ];
    const csv = manifestCsv(s).split('\r\n');
    expect(csv[0]).toBe('input,job,status,sent,started,finished,duration_s,outputs,error');
    expect(csv[1]).toBe('"data/in/a,""b"".jpg",svc-1,succeeded,2026-01-01T10:00:00.000Z,2026-01-01T10:00:03.000Z,2026-01-01T10:00:13.000Z,10,out/a.png out/a.json,');
    expect(csv[2]).toBe('data/in/c.jpg,,queued,,,,,,');
    const json = JSON.parse(manifestJson(s)) as { inputs: { input: string; outputs: string[] }[] };
    expect(json.inputs[0]).toMatchObject({ input: 'data/in/a,"b".jpg', job: 'svc-1', outputs: ['out/a.png', 'out/a.json'], duration_s: 10 });
  });
});
