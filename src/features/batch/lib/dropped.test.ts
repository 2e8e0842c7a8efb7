import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobRow } from '../../../lib/jobs/paging';
import type { UploadFileView } from '../../../lib/uploads/requests';
import { BatchRunner, countInputs, newBatch, type BatchDeps, type BatchState } from './engine';
import { filesByKey, INTERRUPTED, uploadChanges } from './dropped';

const T0 = Date.parse('2026-01-01T10:00:00Z');

/** A cluster where uploads start jobs (MinIO's webhook), and POST /job is counted. */
function fakeCluster() {
  const jobs = new Map<string, JobRow & { key: string }>();
  let n = 0;
  const deps: BatchDeps = {
    listPage: vi.fn(async () => ({ objects: [] })),
    submit: vi.fn(async () => undefined),
    listJobs: vi.fn(async () => [...jobs.values()].map(({ key: _k, ...row }) => row)),
    readLog: vi.fn(async (name: string) => {
      const j = jobs.get(name)!;
      return j.status === 'Pending' ? '' : `[supervisor] Downloading item from bucket 'data' with key '${j.key}'\nok\n`;
    }),
    capacity: vi.fn(async () => ({ fits: 2, freeCores: 2, freeBytes: 2e9, cpu: 1, memory: 1e9, nodes: 1 })),
    save: vi.fn(async () => undefined),
    now: () => Date.now(),
  };
  /** The object landed: the webhook starts its job. */
  const upload = (key: string) => {
    const name = `svc-${++n}`;
    jobs.set(name, { name, service: 'svc', status: 'Running', created: Date.now(), started: Date.now(), key });
  };
  const finish = (status: 'Succeeded' | 'Failed') => {
    for (const j of jobs.values()) if (j.status === 'Running') Object.assign(j, { status, finished: Date.now() });
  };
  return { deps, jobs, upload, finish };
}

function dropped(keys: string[]): BatchState {
  return {
    ...newBatch({ service: 'svc', bucket: 'data', prefix: 'in/', suffixes: [], cap: null, now: Date.now() }),
    source: 'dropped',
    listing: null,
    inputs: keys.map((key) => ({ key, size: 10, state: 'uploading' as const, attempts: 0 })),
  };
}

const state = (r: BatchRunner, key: string) => r.get().inputs.find((i) => i.key === key)!;

describe('a batch of dropped files', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('never POSTs an uploaded input: each upload started its job, which is linked by its log, and the counts follow', async () => {
    const c = fakeCluster();
    const r = new BatchRunner(dropped(['in/a.jpg', 'in/b.jpg', 'in/c.jpg']), c.deps);
    await r.tick();
    // Still uploading: nothing sent, the batch is not done, the inputs count as going.
    expect(c.deps.submit).not.toHaveBeenCalled();
    expect(r.get().status).toBe('running');
    expect(countInputs(r.get().inputs)).toMatchObject({ total: 3, queued: 0, active: 3, succeeded: 0, failed: 0 });

    vi.setSystemTime(T0 + 5000);
    c.upload('in/a.jpg');
    r.addUploaded({ key: 'in/a.jpg', size: 10, at: T0 + 5000 });
    r.noteUpload('in/b.jpg', { state: 'failed', error: 'The upload failed: quota exceeded' });
    await r.tick();
    expect(state(r, 'in/a.jpg')).toMatchObject({ state: 'running', job: 'svc-1', sentAt: T0 + 5000, attempts: 1 });
    expect(state(r, 'in/b.jpg')).toMatchObject({ state: 'failed', uploadFailed: true, error: 'The upload failed: quota exceeded' });
    expect(state(r, 'in/c.jpg').state).toBe('uploading');

    // "Retry failed" never sends a file that was not stored.
    await r.retryFailed();
    await r.tick();
    expect(state(r, 'in/b.jpg').state).toBe('failed');

    c.upload('in/c.jpg');
    r.addUploaded({ key: 'in/c.jpg', size: 10, at: Date.now() });
    await r.tick();
    c.finish('Succeeded');
    await r.tick();
    expect(r.get().status).toBe('done');
    expect(countInputs(r.get().inputs)).toMatchObject({ total: 3, active: 0, succeeded: 2, failed: 1 });

    // The upload is retried in the upload engine: the input goes on, and the batch runs again.
    r.noteUpload('in/b.jpg', { state: 'uploading' });
    await r.tick();
    expect(state(r, 'in/b.jpg')).toMatchObject({ state: 'uploading' });
    expect(state(r, 'in/b.jpg').error).toBeUndefined();
    expect(r.get().status).toBe('running');
    c.upload('in/b.jpg');
    r.addUploaded({ key: 'in/b.jpg', size: 10, at: Date.now() });
    await r.tick();
    c.finish('Succeeded');
    await r.tick();
    expect(r.get().status).toBe('done');
    expect(countInputs(r.get().inputs)).toMatchObject({ total: 3, succeeded: 3, failed: 0 });
    expect(new Set(r.get().inputs.map((i) => i.job)).size).toBe(3);
    expect(c.deps.submit).not.toHaveBeenCalled();
  });

  it('keeps a job linked before its upload answered, and a job that someone else started is never claimed', async () => {
    const c = fakeCluster();
    const r = new BatchRunner(dropped(['in/a.jpg']), c.deps);
    // The webhook ran before the browser heard the upload finish.
    c.upload('in/a.jpg');
    c.upload('in/other.jpg');
    await r.tick();
    expect(state(r, 'in/a.jpg')).toMatchObject({ state: 'running', job: 'svc-1' });
    expect(r.get().foreign).toEqual(['svc-2']);
    r.addUploaded({ key: 'in/a.jpg', size: 10, at: Date.now() });
    await r.tick();
    expect(state(r, 'in/a.jpg')).toMatchObject({ state: 'running', job: 'svc-1', sentAt: Date.now() });
    expect(c.deps.submit).not.toHaveBeenCalled();
  });
});

describe('the uploads against the batch', () => {
  const file = (key: string, state: UploadFileView['state'], more: Partial<UploadFileView> = {}): UploadFileView => ({ id: key, bucket: 'data', key, size: 10, loaded: 0, state, ...more });

  it('fails an input still uploading whose file the queue no longer has (a reload), and reads the others', () => {
    const s = dropped(['in/a.jpg', 'in/b.jpg', 'in/c.jpg', 'in/d.jpg', 'in/e.jpg']);
    s.inputs[4] = { ...s.inputs[4]!, state: 'failed', uploadFailed: true, error: 'x' };
    const files = filesByKey(
      [file('in/b.jpg', 'done', { finishedAt: 123 }), file('in/c.jpg', 'failed', { error: { message: 'quota' } }), file('in/d.jpg', 'uploading'), file('in/e.jpg', 'queued'), file('in/a.jpg', 'done', { bucket: 'other' })],
      'data',
    );
    expect(uploadChanges(s, files)).toEqual([
      ['in/a.jpg', { state: 'failed', error: INTERRUPTED }],
      ['in/b.jpg', { state: 'uploaded', at: 123 }],
      ['in/c.jpg', { state: 'failed', error: 'The upload failed: quota' }],
      ['in/e.jpg', { state: 'uploading' }],
    ]);
    expect(uploadChanges({ ...s, source: undefined }, files)).toEqual([]);
  });

  it('after a reload, the board says the interrupted uploads failed and follows the uploaded ones', async () => {
    const c = fakeCluster();
    const s = dropped(['in/a.jpg', 'in/b.jpg']);
    s.inputs[0] = { ...s.inputs[0]!, state: 'submitted', sentAt: Date.now(), attempts: 1 };
    c.upload('in/a.jpg');
    const r = new BatchRunner(s, c.deps);
    for (const [key, change] of uploadChanges(r.get(), new Map())) r.noteUpload(key, change);
    await r.tick();
    expect(state(r, 'in/a.jpg')).toMatchObject({ state: 'running', job: 'svc-1' });
    expect(state(r, 'in/b.jpg')).toMatchObject({ state: 'failed', uploadFailed: true, error: INTERRUPTED });
    c.finish('Succeeded');
    await r.tick();
    expect(r.get().status).toBe('done');
    expect(c.deps.submit).not.toHaveBeenCalled();
  });
});
