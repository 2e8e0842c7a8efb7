// The batch engine, with no React and no network of its own: everything it does to the cluster goes
// through `BatchDeps`, so tests drive it with fakes and fake timers. One round (`tick`) lists the next
// page of inputs, reads the service's jobs and links new ones to inputs by their log, re-reads the
// cluster's room now and then, and submits queued inputs up to the parallelism. State is saved after
// every change that matters, so a reload resumes without sending an input twice
// (docs/decisions/012-batch-runs.md).
import { mapLimit, type JobRow } from '../../../lib/jobs/paging';
import { parallelism, type Capacity } from './capacity';
import { isBatchInput } from './inputs';

export type InputState = 'queued' | 'sending' | 'checking' | 'submitted' | 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type BatchStatus = 'running' | 'paused' | 'cancelled' | 'done';

export interface BatchInput {
  key: string;
  size: number;
  state: InputState;
  job?: string;
  /** When its POST /job was sent (ms since the epoch). */
  sentAt?: number;
  startedAt?: number;
  finishedAt?: number;
  outputs?: string[];
  /** Why it failed, when that is known: the cluster's words on a refused call, or the job's status. */
  error?: string;
  attempts: number;
}

export interface BatchState {
  version: 1;
  service: string;
  bucket: string;
  prefix: string;
  suffixes: string[];
  cap: number | null;
  createdAt: number;
  status: BatchStatus;
  /** Where the listing goes on from; null once every page is read. */
  listing: { page: string | undefined } | null;
  inputs: BatchInput[];
  /** Jobs whose log named none of the inputs (not the batch's), never read again. */
  foreign: string[];
  capacity: Capacity | null;
  capacityAt: number | null;
  /** The batch's own active jobs when the capacity was read: jobs sent since then use up its room. */
  capacityActive: number;
  /** The last problem met (listing, jobs, status), in the server's words; cleared when that works again. */
  problem: string | null;
  updatedAt: number;
}

export interface BatchDeps {
  listPage(bucket: string, page: string | undefined): Promise<{ objects: { key: string; size: number }[]; next?: string }>;
  submit(input: { bucket: string; key: string; size: number }): Promise<void>;
  listJobs(): Promise<JobRow[]>;
  readLog(job: string): Promise<string>;
  capacity(): Promise<Capacity>;
  /** Deletes one of the service's jobs (`DELETE /system/logs/{service}/{job}`), for a cancel that deletes pending jobs. */
  deleteJob?(job: string): Promise<void>;
  /** Objects in the service's output paths written since `since`, for the board's Outputs column. */
  listOutputs?(since: number): Promise<{ key: string; modified: number }[]>;
  save(state: BatchState): Promise<void>;
  now(): number;
}

export const ROUND_MS = 2000;
export const CAPACITY_MS = 30_000;
/** A job created this long before the batch started cannot be one of its jobs. */
const CLOCK_SKEW_MS = 60_000;
/** How long an input sent before a reload waits for its job to show up before it is sent again. */
export const CHECK_GRACE_MS = 60_000;
const LOGS_PER_ROUND = 60;
const LOG_READS_AT_ONCE = 6;
/** A sent input whose job never showed up (deleted, or its pod never started) is given up after this long. */
export const LOST_MS = 10 * 60_000;

const ACTIVE: ReadonlySet<InputState> = new Set(['sending', 'checking', 'submitted', 'pending', 'running']);
export const isActive = (s: InputState) => ACTIVE.has(s);
export const isFinished = (s: InputState) => s === 'succeeded' || s === 'failed';

export function newBatch(options: { service: string; bucket: string; prefix: string; suffixes: string[]; cap: number | null; now: number }): BatchState {
  return {
    version: 1,
    service: options.service,
    bucket: options.bucket,
    prefix: options.prefix,
    suffixes: options.suffixes,
    cap: options.cap,
    createdAt: options.now,
    status: 'running',
    listing: { page: undefined },
    inputs: [],
    foreign: [],
    capacity: null,
    capacityAt: null,
    capacityActive: 0,
    problem: null,
    updatedAt: options.now,
  };
}

/**
 * A batch read back after a reload: inputs whose call may or may not have reached OSCAR are checked
 * against the service's jobs before being sent again.
 */
export function resumed(state: BatchState, now: number): BatchState {
  return {
    ...state,
    inputs: state.inputs.map((i) => (i.state === 'sending' ? { ...i, state: 'checking', sentAt: i.sentAt ?? now } : i)),
    capacityAt: null,
  };
}

/** "Downloading item from bucket 'B' with key 'K'": the supervisor's first line names the job's input. */
export function inputOfLog(log: string): { bucket: string; key: string } | null {
  const m = /Downloading item from bucket '([^']*)' with key '(.*)'\s*$/m.exec(log.split('\n').slice(0, 50).join('\n'));
  return m ? { bucket: m[1]!, key: m[2]! } : null;
}

function baseName(key: string): string {
  const file = key.slice(key.lastIndexOf('/') + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

export interface BatchCounts {
  total: number;
  queued: number;
  active: number;
  running: number;
  succeeded: number;
  failed: number;
}

export function countInputs(inputs: readonly BatchInput[]): BatchCounts {
  const c: BatchCounts = { total: inputs.length, queued: 0, active: 0, running: 0, succeeded: 0, failed: 0 };
  for (const i of inputs) {
    if (i.state === 'queued') c.queued++;
    else if (i.state === 'succeeded') c.succeeded++;
    else if (i.state === 'failed') c.failed++;
    if (isActive(i.state)) c.active++;
    if (i.state === 'running') c.running++;
  }
  return c;
}

/** Finished inputs a minute, over the last five minutes (or since the first one finished), and the time left. */
export function progressRate(state: BatchState, now: number): { perMinute: number | null; etaMs: number | null } {
  const window = 5 * 60_000;
  const finished = state.inputs.filter((i) => isFinished(i.state) && i.finishedAt !== undefined).map((i) => i.finishedAt!);
  const recent = finished.filter((t) => t >= now - window);
  if (recent.length === 0) return { perMinute: null, etaMs: null };
  const since = Math.max(now - window, Math.min(state.createdAt, ...recent));
  const minutes = Math.max((now - since) / 60_000, 1 / 60);
  const perMinute = recent.length / minutes;
  const left = state.inputs.filter((i) => !isFinished(i.state)).length + (state.listing ? 1 : 0);
  const etaMs = state.status === 'running' || state.status === 'paused' ? (left / perMinute) * 60_000 : null;
  return { perMinute, etaMs: left === 0 ? 0 : etaMs };
}

export class BatchRunner {
  private state: BatchState;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private busy = false;
  private inflight: Promise<void> = Promise.resolve();
  private stopped = true;
  private listeners = new Set<(s: BatchState) => void>();
  private byKey = new Map<string, number>();
  private lastOutputs = 0;

  constructor(
    state: BatchState,
    private deps: BatchDeps,
  ) {
    this.state = state;
    this.reindex();
  }

  get(): BatchState {
    return this.state;
  }

  subscribe(fn: (s: BatchState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Starts the rounds (the first one at once). */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the rounds without changing the batch (leaving the page). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  pause(): Promise<void> {
    return this.setStatus('paused');
  }

  resume(): Promise<void> {
    return this.setStatus('running');
  }

  /** The batch's jobs that OSCAR still lists as Pending (their log named the input): what a cancel can delete. */
  pendingJobs(): BatchInput[] {
    return this.state.inputs.filter((i) => i.state === 'pending' && i.job);
  }

  /**
   * Stops submitting: queued inputs are never sent; what was sent goes on and is still followed. With
   * `deletePending`, every job of the batch still Pending is deleted: its input becomes `cancelled`, or
   * keeps its state with the server's words when the deletion fails.
   */
  async cancel(options: { deletePending?: boolean } = {}): Promise<void> {
    // Waits for the round in flight and holds the next ones, so no round writes back a state read before.
    while (this.busy) await this.inflight.catch(() => undefined);
    this.busy = true;
    try {
      await this.update({ ...this.state, status: 'cancelled' });
      const remove = this.deps.deleteJob?.bind(this.deps);
      if (!options.deletePending || !remove) return;
      const pending = this.pendingJobs();
      const errors = await mapLimit(pending, LOG_READS_AT_ONCE, (i) =>
        remove(i.job!).then(
          () => null,
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        ),
      );
      let next = this.state;
      const inputs = next.inputs.slice();
      pending.forEach((p, at) => {
        const n = this.byKey.get(p.key);
        if (n === undefined) return;
        const why = errors[at];
        const { error: _e, ...rest } = inputs[n]!;
        inputs[n] = why ? { ...rest, error: `The job could not be deleted: ${why}` } : { ...rest, state: 'cancelled', finishedAt: this.deps.now() };
      });
      next = { ...next, inputs };
      await this.update(next);
    } finally {
      this.busy = false;
    }
  }

  setCap(cap: number | null): Promise<void> {
    return this.update({ ...this.state, cap });
  }

  /** Failed inputs go back in the queue, and the batch runs again. */
  async retryFailed(): Promise<void> {
    // The failed jobs' logs name their inputs too: once let go, they would be read again and taken back
    // for the inputs sent anew, so they are set aside as not the batch's.
    const old = this.state.inputs.flatMap((i) => (i.state === 'failed' && i.job ? [i.job] : []));
    const inputs = this.state.inputs.map((i) => {
      if (i.state !== 'failed') return i;
      const { job: _job, sentAt: _s, startedAt: _st, finishedAt: _f, error: _e, outputs: _o, ...rest } = i;
      return { ...rest, state: 'queued' as const };
    });
    await this.update({ ...this.state, inputs, foreign: [...this.state.foreign, ...old], status: 'running' });
    this.schedule(0);
  }

  private async setStatus(status: BatchStatus): Promise<void> {
    await this.update({ ...this.state, status });
    if (status === 'running') this.schedule(0);
  }

  private reindex(): void {
    this.byKey = new Map(this.state.inputs.map((i, n) => [i.key, n]));
  }

  private async update(next: BatchState): Promise<void> {
    this.state = { ...next, updatedAt: this.deps.now() };
    for (const fn of this.listeners) fn(this.state);
    await this.deps.save(this.state);
  }

  private patch(key: string, change: Partial<BatchInput>): BatchState {
    const n = this.byKey.get(key);
    if (n === undefined) return this.state;
    const inputs = this.state.inputs.slice();
    inputs[n] = { ...inputs[n]!, ...change };
    return { ...this.state, inputs };
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick().finally(() => {
        if (!this.stopped && !this.finishedFollowing()) this.schedule(ROUND_MS);
      });
    }, ms);
  }

  /** Nothing left to do: every input finished (or, cancelled, every sent one finished). */
  private finishedFollowing(): boolean {
    const s = this.state;
    if (s.listing && s.status !== 'cancelled') return false;
    const open = s.inputs.some((i) => isActive(i.state) || (i.state === 'queued' && s.status !== 'cancelled'));
    return !open && s.status !== 'paused' && !this.outputsPending();
  }

  private outputsPending(): boolean {
    return Boolean(this.deps.listOutputs) && this.state.inputs.some((i) => i.state === 'succeeded' && i.outputs === undefined);
  }

  /** One round. Public for tests; rounds never overlap. */
  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.inflight = this.round();
    await this.inflight;
  }

  private async round(): Promise<void> {
    try {
      await this.listNextPage();
      await this.followJobs();
      await this.readCapacity();
      await this.submit();
      await this.findOutputs();
      await this.settle();
    } finally {
      this.busy = false;
    }
  }

  private async problem(what: string, e: unknown): Promise<void> {
    const message = `${what}: ${e instanceof Error ? e.message : String(e)}`;
    if (this.state.problem !== message) await this.update({ ...this.state, problem: message });
  }

  private async listNextPage(): Promise<void> {
    const s = this.state;
    if (!s.listing || s.status === 'cancelled') return;
    let page: Awaited<ReturnType<BatchDeps['listPage']>>;
    try {
      page = await this.deps.listPage(s.bucket, s.listing.page);
    } catch (e) {
      return this.problem(`The objects of ${s.bucket} could not be listed`, e);
    }
    const fresh: BatchInput[] = [];
    for (const o of page.objects) {
      if (!isBatchInput(o.key, s.prefix, s.suffixes) || this.byKey.has(o.key)) continue;
      fresh.push({ key: o.key, size: o.size, state: 'queued', attempts: 0 });
      this.byKey.set(o.key, s.inputs.length + fresh.length - 1);
    }
    const next = page.next && page.next !== s.listing.page ? { page: page.next } : null;
    await this.update({ ...this.state, inputs: [...this.state.inputs, ...fresh], listing: next, problem: null });
  }

  private async followJobs(): Promise<void> {
    const s = this.state;
    const waiting = s.inputs.some((i) => isActive(i.state));
    if (!waiting) return;
    let jobs: JobRow[];
    try {
      jobs = await this.deps.listJobs();
    } catch (e) {
      return this.problem(`The jobs of ${s.service} could not be read`, e);
    }
    const mine = new Map<string, string>();
    for (const i of s.inputs) if (i.job) mine.set(i.job, i.key);
    const foreign = new Set(s.foreign);
    let next = this.state;
    const apply = (key: string, change: Partial<BatchInput>) => {
      const n = this.byKey.get(key);
      if (n === undefined) return;
      const inputs = next.inputs === this.state.inputs ? next.inputs.slice() : next.inputs;
      inputs[n] = { ...inputs[n]!, ...change };
      next = { ...next, inputs };
    };
    // Unknown jobs, newest first, read once each (a pending job's empty log is read again next round).
    const unknown = jobs
      .filter((j) => !mine.has(j.name) && !foreign.has(j.name) && (j.created ?? Infinity) >= s.createdAt - CLOCK_SKEW_MS)
      .sort((a, b) => (a.created ?? 0) - (b.created ?? 0))
      .slice(0, LOGS_PER_ROUND);
    // A few at a time: one request per new job, read once.
    const logs = await mapLimit(unknown, LOG_READS_AT_ONCE, (job) => this.deps.readLog(job.name).catch(() => null));
    for (const [at, job] of unknown.entries()) {
      const log = logs[at];
      if (log === null || log === undefined) continue;
      const named = inputOfLog(log);
      if (!named) {
        // Still empty, or only the supervisor's first lines: read again next round. A finished job, or
        // one well past its first lines, with no download: a call's job, not the batch's.
        const lines = log.split('\n').filter((l) => l.trim()).length;
        const finished = job.status === 'Succeeded' || job.status === 'Failed' || job.status === 'Unknown';
        if ((finished && lines > 0) || lines >= 8) foreign.add(job.name);
        continue;
      }
      const n = named.bucket === s.bucket ? this.byKey.get(named.key) : undefined;
      const input = n === undefined ? undefined : next.inputs[n];
      if (!input || input.job || !isActive(input.state)) {
        foreign.add(job.name);
        continue;
      }
      mine.set(job.name, input.key);
      apply(input.key, { job: job.name });
    }
    // The state of every job that is the batch's.
    for (const job of jobs) {
      const key = mine.get(job.name);
      if (key === undefined) continue;
      const input = next.inputs[this.byKey.get(key)!]!;
      if (input.job !== job.name || isFinished(input.state) || input.state === 'cancelled') continue;
      const state: InputState =
        job.status === 'Succeeded' ? 'succeeded' : job.status === 'Failed' || job.status === 'Unknown' ? 'failed' : job.status === 'Running' ? 'running' : 'pending';
      const change: Partial<BatchInput> = { state };
      if (job.started !== undefined) change.startedAt = job.started;
      if (isFinished(state)) change.finishedAt = job.finished ?? this.deps.now();
      if (state === 'failed') change.error = job.status === 'Unknown' ? 'The cluster lost the job (status Unknown).' : 'The job failed: its log says why.';
      apply(key, change);
    }
    // Inputs sent before a reload whose job did not show up: sent again once no job could still be theirs.
    const now = this.deps.now();
    const unread = unknown.some((j) => !foreign.has(j.name) && !mine.has(j.name));
    for (const i of next.inputs) {
      if (i.job) continue;
      if (i.state === 'checking') {
        if (unread && now - (i.sentAt ?? now) < CHECK_GRACE_MS) continue;
        apply(i.key, { state: 'queued' });
      } else if (i.state === 'submitted' && !unread && now - (i.sentAt ?? now) > LOST_MS) {
        apply(i.key, { state: 'failed', finishedAt: now, error: 'OSCAR accepted the call, but no job naming this object appeared in 10 minutes.' });
      }
    }
    next = { ...next, foreign: [...foreign], problem: null };
    await this.update(next);
  }

  private async readCapacity(): Promise<void> {
    const s = this.state;
    if (s.status !== 'running') return;
    if (s.capacityAt !== null && this.deps.now() - s.capacityAt < CAPACITY_MS) return;
    try {
      const capacity = await this.deps.capacity();
      await this.update({ ...this.state, capacity, capacityAt: this.deps.now(), capacityActive: countInputs(this.state.inputs).active });
    } catch (e) {
      // Without the cluster's figures the batch goes on at the cap (or a small default).
      await this.update({ ...this.state, capacityAt: this.deps.now() });
      await this.problem('The cluster status could not be read, so the batch runs at your cap', e);
    }
  }

  limit(): number {
    return parallelism(this.state.capacity, this.state.capacityActive, this.state.cap);
  }

  private async submit(): Promise<void> {
    // A batch resumed after a reload sends nothing until the inputs it may already have sent are settled.
    if (this.state.inputs.some((i) => i.state === 'checking')) return;
    let room = this.limit() - countInputs(this.state.inputs).active;
    while (room > 0 && this.state.status === 'running') {
      const next = this.state.inputs.find((i) => i.state === 'queued');
      if (!next) return;
      room--;
      await this.update(this.patch(next.key, { state: 'sending', sentAt: this.deps.now(), attempts: next.attempts + 1 }));
      try {
        await this.deps.submit({ bucket: this.state.bucket, key: next.key, size: next.size });
        await this.update(this.patch(next.key, { state: 'submitted' }));
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        await this.update(this.patch(next.key, { state: 'failed', error: `Not sent: ${why}`, finishedAt: this.deps.now() }));
      }
    }
  }

  private async findOutputs(): Promise<void> {
    if (!this.deps.listOutputs || !this.outputsPending()) return;
    const now = this.deps.now();
    if (now - this.lastOutputs < 10_000 && this.state.inputs.some((i) => isActive(i.state))) return;
    this.lastOutputs = now;
    let objects: { key: string; modified: number }[];
    try {
      objects = await this.deps.listOutputs(this.state.createdAt - 2000);
    } catch {
      return;
    }
    let next = this.state;
    const inputs = next.inputs.slice();
    let changed = false;
    inputs.forEach((i, n) => {
      if (i.state !== 'succeeded' || i.outputs !== undefined) return;
      const base = baseName(i.key);
      const from = (i.startedAt ?? i.sentAt ?? 0) - 2000;
      const to = (i.finishedAt ?? now) + 2000;
      const found = objects
        .filter((o) => o.modified >= from && o.modified <= to)
        .filter((o) => {
          const file = o.key.slice(o.key.lastIndexOf('/') + 1);
          return file === base || (file.startsWith(base) && /^[._\-\s]/.test(file.slice(base.length)));
        })
        .map((o) => o.key);
      // Written at most a few seconds after the end: until then, an empty answer is not final.
      if (found.length === 0 && now < to + 10_000) return;
      inputs[n] = { ...i, outputs: found };
      changed = true;
    });
    if (changed) {
      next = { ...next, inputs };
      await this.update(next);
    }
  }

  private async settle(): Promise<void> {
    const s = this.state;
    if (s.status === 'done' || s.status === 'paused') return;
    if (s.listing || s.inputs.some((i) => isActive(i.state) || (i.state === 'queued' && s.status === 'running'))) return;
    if (s.status === 'running') await this.update({ ...s, status: 'done' });
  }
}
