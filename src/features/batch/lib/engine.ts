// The batch engine, with no React and no network of its own: everything it does to the cluster goes
// through `BatchDeps`, so tests drive it with fakes and fake timers. One round (`tick`) lists the next
// page of inputs, reads the service's jobs and links new ones to inputs by their log, re-reads the
// cluster's room now and then, and submits queued inputs up to the parallelism. State is saved after
// every change that matters, so a reload resumes without sending an input twice
// (docs/decisions/012-batch-runs.md).
import { mapLimit, type JobRow } from '../../../lib/jobs/paging';
import { parallelism, type Capacity } from './capacity';
import { isBatchInput } from './inputs';

export type InputState = 'queued' | 'sending' | 'checking' | 'submitted' | 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled'
  /** A dropped file still uploading: its upload starts its job, so it is never sent. */
  | 'uploading';
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
  /** A dropped file whose upload failed (or was cut by a reload): not stored, so never sent by "Retry failed". */
  uploadFailed?: boolean;
}

export interface BatchState {
  version: 1;
  /** Where the inputs come from: objects already stored (absent) or files dropped now, whose uploads start their jobs. */
  source?: 'stored' | 'dropped';
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
  /** Why the batch paused itself (a refused or lost call, a listing that keeps failing); cleared on resume. */
  pausedBecause?: string | null;
  /** The batch paused itself because a call got no answer (the next page load resumes it: see `resumed`). */
  pausedUnreachable?: boolean;
  /** When a cancel deleted the jobs waiting to start: inputs sent before whose job no log names were among them. */
  deletedAt?: number;
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
  /** True once the page is going away: calls it cuts are not the cluster's doing. */
  leaving?(): boolean;
}

export const ROUND_MS = 2000;
export const CAPACITY_MS = 30_000;
/** A job created this long before the batch started cannot be one of its jobs. */
const CLOCK_SKEW_MS = 60_000;
/** How long an input sent before a reload waits for its job to show up before it is sent again. */
export const CHECK_GRACE_MS = 60_000;
const LOGS_PER_ROUND = 60;
const LOG_READS_AT_ONCE = 6;
/** `POST /job` calls in flight at once, and at most this many sent in one round. */
export const SENDS_AT_ONCE = 6;
export const SENDS_PER_ROUND = 120;
/** Pages of the bucket listing read in one round (OSCAR's pages hold 1000 objects). */
export const LIST_PAGES_PER_ROUND = 10;
/**
 * OSCAR lists a service's jobs in pages of about 70, in no useful order, so following the batch means
 * reading every page. For a service with thousands of old jobs, the list is read no more often than
 * one page per this many ms on average (70 pages: every 17.5 s), instead of every round.
 */
export const JOBS_MS_PER_PAGE = 250;
const JOBS_PAGE = 70;
/** Consecutive failed rounds (listing, jobs) before the batch pauses itself instead of trying forever. */
export const FAILURES_BEFORE_PAUSE = 3;
/** Inputs refused one after another (a 4xx naming no reason to stop) before the batch pauses itself. */
export const REFUSALS_BEFORE_PAUSE = 3;
/** A sent input whose job never showed up (deleted, or its pod never started) is given up after this long. */
export const LOST_MS = 10 * 60_000;
/** A job created this long before its input's call was sent (clocks apart) can still be its job. */
const SEND_SKEW_MS = 5000;

const ACTIVE: ReadonlySet<InputState> = new Set(['sending', 'checking', 'submitted', 'pending', 'running', 'uploading']);
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
  // A pause for a call with no answer may be the reload itself cutting the call: the page that loads
  // goes on (what was in flight is checked before anything is sent again).
  const unpause = state.status === 'paused' && state.pausedUnreachable;
  return {
    ...state,
    ...(unpause ? { status: 'running' as const, pausedBecause: null, pausedUnreachable: false } : {}),
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

/** How many jobs a cancel with deletion would delete: the known Pending ones, and one per input sent whose job is not known yet. */
export function waitingToStart(inputs: readonly BatchInput[]): number {
  let n = 0;
  for (const i of inputs) if ((i.state === 'pending' && i.job) || (i.state === 'submitted' && !i.job)) n++;
  return n;
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
  let first = state.createdAt;
  for (const t of recent) if (t < first) first = t;
  const since = Math.max(now - window, first);
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
  /** When the service's jobs may be listed again (see JOBS_MS_PER_PAGE). */
  private nextJobsAt = 0;
  /** Consecutive rounds whose listing, or whose job reading, failed. */
  private failures = { list: 0, jobs: 0 };
  private refusals = 0;

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

  /** The batch's jobs that OSCAR still lists as Pending (their log named the input). */
  pendingJobs(): BatchInput[] {
    return this.state.inputs.filter((i) => i.state === 'pending' && i.job);
  }

  /**
   * Stops submitting: queued inputs are never sent; what was sent goes on and is still followed. With
   * `deletePending`, the batch's jobs still waiting to start are deleted (see `waitingToStart`: those known by name, and those found by time): their
   * inputs become `cancelled`; a deletion OSCAR refuses is said on its input in the server's words.
   */
  async cancel(options: { deletePending?: boolean } = {}): Promise<void> {
    // Waits for the round in flight and holds the next ones, so no round writes back a state read before.
    while (this.busy) await this.inflight.catch(() => undefined);
    this.busy = true;
    try {
      await this.update({ ...this.state, status: 'cancelled', pausedBecause: null });
      const remove = this.deps.deleteJob?.bind(this.deps);
      if (!options.deletePending || !remove) return;
      const linked = this.pendingJobs();
      // A job waiting to start has no log yet, so the job of an input just sent is not known by name.
      // Those are the service's Pending jobs created since the first such input was sent that no log
      // gave to anyone else: at most one per such input, the oldest first.
      const unlinked = this.state.inputs.filter((i) => i.state === 'submitted' && !i.job);
      let byTime: string[] = [];
      let listProblem: string | null = null;
      if (unlinked.length > 0) {
        let since = Infinity;
        for (const i of unlinked) since = Math.min(since, i.sentAt ?? this.deps.now());
        const known = new Set([...this.state.foreign, ...this.state.inputs.flatMap((i) => (i.job ? [i.job] : []))]);
        try {
          byTime = (await this.deps.listJobs())
            .filter((j) => j.status === 'Pending' && !known.has(j.name) && (j.created ?? 0) >= since - SEND_SKEW_MS)
            .sort((x, y) => (x.created ?? 0) - (y.created ?? 0))
            .slice(0, unlinked.length)
            .map((j) => j.name);
        } catch (e) {
          listProblem = `The jobs of ${this.state.service} could not be read to find the ones waiting: ${messageOf(e)}`;
        }
      }
      const names = [...linked.map((i) => i.job!), ...byTime];
      const errors = await mapLimit(names, LOG_READS_AT_ONCE, (job) =>
        remove(job).then(
          () => null,
          (e: unknown) => messageOf(e),
        ),
      );
      const inputs = this.state.inputs.slice();
      const now = this.deps.now();
      linked.forEach((p, at) => {
        const n = this.byKey.get(p.key);
        if (n === undefined) return;
        const why = errors[at];
        const { error: _e, ...rest } = inputs[n]!;
        inputs[n] = why ? { ...rest, error: `The job could not be deleted: ${why}` } : { ...rest, state: 'cancelled', finishedAt: now };
      });
      const byTimeErrors = errors.slice(linked.length).filter(Boolean);
      if (byTime.length === unlinked.length && byTimeErrors.length === 0) {
        // As many waiting jobs as inputs without a known job, all deleted: each of those inputs lost its job.
        for (const u of unlinked) {
          const n = this.byKey.get(u.key);
          if (n !== undefined) inputs[n] = { ...inputs[n]!, state: 'cancelled', finishedAt: now };
        }
      }
      // Otherwise the rounds go on reading the jobs that are left; an input none of them names had its job
      // deleted, and followJobs marks it cancelled (the batch remembers when the deletion ran).
      const problem = listProblem ?? (byTimeErrors.length ? `${byTimeErrors.length} waiting job(s) could not be deleted: ${byTimeErrors[0]}` : this.state.problem);
      await this.update({ ...this.state, inputs, deletedAt: now, problem });
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
      if (i.state !== 'failed' || i.uploadFailed) return i;
      const { job: _job, sentAt: _s, startedAt: _st, finishedAt: _f, error: _e, outputs: _o, ...rest } = i;
      return { ...rest, state: 'queued' as const };
    });
    await this.update({ ...this.state, inputs, foreign: [...this.state.foreign, ...old], status: 'running' });
    this.schedule(0);
  }

  private async setStatus(status: BatchStatus): Promise<void> {
    if (status === 'running') {
      this.failures = { list: 0, jobs: 0 };
      this.refusals = 0;
      this.nextJobsAt = 0;
    }
    await this.update({ ...this.state, status, pausedBecause: null, pausedUnreachable: false });
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

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick().finally(() => {
        // After failed rounds, the next ones come slower (4, 8, then every 16 s), not every 2 s.
        const failures = Math.max(this.failures.list, this.failures.jobs);
        if (!this.stopped && !this.finishedFollowing()) this.schedule(failures > 0 ? Math.min(ROUND_MS * 2 ** failures, 16_000) : ROUND_MS);
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
      await this.applyUploads();
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
    const message = `${what}: ${messageOf(e)}`;
    if (this.state.problem !== message) await this.update({ ...this.state, problem: message });
  }

  /**
   * A listing or a job reading failed: said at once; the batch pauses itself when the failure cannot pass
   * on its own (refused, not found) or after FAILURES_BEFORE_PAUSE rounds in a row.
   */
  private async failed(kind: 'list' | 'jobs', what: string, e: unknown): Promise<void> {
    const failures = ++this.failures[kind];
    await this.problem(what, e);
    const status = statusOf(e);
    const lasting = status === 401 || status === 403 || status === 404;
    if (this.state.status === 'running' && (lasting || failures >= FAILURES_BEFORE_PAUSE)) {
      await this.autoPause(`${what}: ${messageOf(e)}`);
    }
  }

  private async autoPause(why: string, base: BatchState = this.state, unreachable = false): Promise<void> {
    await this.update({ ...base, status: base.status === 'running' ? 'paused' : base.status, pausedBecause: why, pausedUnreachable: unreachable });
  }

  /**
   * Reads up to LIST_PAGES_PER_ROUND pages of the bucket, keeping the inputs each selects; each page's
   * listing is dropped once read, so only the plan (one small record per input) stays in memory.
   */
  private async listNextPage(): Promise<void> {
    const s = this.state;
    if (!s.listing || s.status === 'cancelled') return;
    const fresh: BatchInput[] = [];
    let listing: BatchState['listing'] = s.listing;
    let error: unknown = null;
    for (let n = 0; n < LIST_PAGES_PER_ROUND && listing; n++) {
      let page: Awaited<ReturnType<BatchDeps['listPage']>>;
      try {
        page = await this.deps.listPage(s.bucket, listing.page);
      } catch (e) {
        error = e;
        break;
      }
      for (const o of page.objects) {
        if (!isBatchInput(o.key, s.prefix, s.suffixes) || this.byKey.has(o.key)) continue;
        this.byKey.set(o.key, s.inputs.length + fresh.length);
        fresh.push({ key: o.key, size: o.size, state: 'queued', attempts: 0 });
      }
      listing = page.next && page.next !== listing.page ? { page: page.next } : null;
    }
    if (fresh.length > 0 || listing !== s.listing) {
      await this.update({ ...this.state, inputs: fresh.length ? [...this.state.inputs, ...fresh] : this.state.inputs, listing, problem: error ? this.state.problem : null });
    }
    if (error) return this.failed('list', `The objects of ${s.bucket} could not be listed`, error);
    this.failures.list = 0;
  }

  private async followJobs(): Promise<void> {
    const s = this.state;
    const waiting = s.inputs.some((i) => isActive(i.state));
    if (!waiting) return;
    const started = this.deps.now();
    if (started < this.nextJobsAt) return;
    let jobs: JobRow[];
    try {
      jobs = await this.deps.listJobs();
    } catch (e) {
      return this.failed('jobs', `The jobs of ${s.service} could not be read`, e);
    }
    this.failures.jobs = 0;
    // Up to 8 pages, every round; beyond, one page per JOBS_MS_PER_PAGE (less 100 ms for the timer's slack).
    const spread = Math.ceil(jobs.length / JOBS_PAGE) * JOBS_MS_PER_PAGE;
    this.nextJobsAt = spread > ROUND_MS ? started + spread - 100 : 0;
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
      // Its job is found: a "no answer" note from a dropped call no longer holds.
      apply(input.key, input.state === 'checking' ? { job: job.name, error: undefined } : { job: job.name });
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
      } else if (i.state === 'submitted' && !unread && next.deletedAt !== undefined && (i.sentAt ?? now) <= next.deletedAt) {
        // Sent before a cancel deleted the waiting jobs, and no job left names it: its job was deleted.
        apply(i.key, { state: 'cancelled', finishedAt: now });
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

  /**
   * Sends queued inputs up to the parallelism: they are marked `sending` and saved together before any
   * call leaves (a reload then checks them before sending again), sent SENDS_AT_ONCE at a time, and
   * written back in one update. How a refused call is handled:
   * - 401, 403, 429, a quota, 5xx: the call itself was refused, not the object; the input goes back in
   *   the queue and the batch pauses with the cluster's words (sending the rest would fail the same way).
   * - no answer (the network dropped, or an error with no HTTP status): the call may have reached OSCAR,
   *   so the input is `checking`, as after a reload: on resume it is matched against the service's jobs
   *   before being sent again. A call aborted as the page goes away is checked too, without a pause.
   * - another 4xx: this object was refused; it fails with the cluster's words and the batch goes on,
   *   unless REFUSALS_BEFORE_PAUSE inputs in a row are refused.
   */
  private async submit(): Promise<void> {
    // A batch resumed after a reload sends nothing until the inputs it may already have sent are settled.
    if (this.state.status !== 'running' || this.state.inputs.some((i) => i.state === 'checking')) return;
    const room = Math.min(this.limit() - countInputs(this.state.inputs).active, SENDS_PER_ROUND);
    if (room <= 0) return;
    const picked: number[] = [];
    this.state.inputs.forEach((i, n) => {
      if (picked.length < room && i.state === 'queued') picked.push(n);
    });
    if (picked.length === 0) return;
    const sentAt = this.deps.now();
    const marked = this.state.inputs.slice();
    for (const n of picked) {
      const { error: _e, ...rest } = marked[n]!;
      marked[n] = { ...rest, state: 'sending', sentAt, attempts: rest.attempts + 1 };
    }
    await this.update({ ...this.state, inputs: marked });
    const bucket = this.state.bucket;
    const results = await mapLimit(picked, SENDS_AT_ONCE, (n) => {
      const input = marked[n]!;
      return this.deps.submit({ bucket, key: input.key, size: input.size }).then(
        () => null,
        (e: unknown) => e ?? new Error('The call failed'),
      );
    });
    const inputs = this.state.inputs.slice();
    let pause: string | null = null;
    let unreachable = false;
    // Calls cut because the page is going away (a reload, a closed tab) say nothing about the cluster.
    const leaving = this.deps.leaving?.() ?? false;
    picked.forEach((n, at) => {
      const e = results[at];
      const input = inputs[n]!;
      if (input.state !== 'sending') return;
      if (e === null || e === undefined) {
        this.refusals = 0;
        inputs[n] = { ...input, state: 'submitted' };
        return;
      }
      const status = statusOf(e);
      const words = messageOf(e);
      if (leaving || (e instanceof DOMException && e.name === 'AbortError')) {
        // The page is going away with the call out: whether it arrived is not known, so it is checked.
        inputs[n] = { ...input, state: 'checking' };
        return;
      }
      if (status === 0 || status === undefined) {
        inputs[n] = { ...input, state: 'checking', error: `No answer from the cluster: ${words}` };
        unreachable = true;
        pause ??= `The cluster could not be reached to start a job (${words}). The batch is paused; what was sent is checked against the service's jobs before anything is sent again.`;
      } else if (status === 401 || status === 403 || status === 429 || (status !== undefined && status >= 500) || /quota/i.test(words)) {
        inputs[n] = { ...input, state: 'queued', attempts: input.attempts - 1, error: `Not sent: ${words}` };
        pause ??= `OSCAR refused to start a job${status ? ` (${status})` : ''}: ${words}. The batch is paused; nothing more is sent until you resume.`;
      } else {
        this.refusals++;
        inputs[n] = { ...input, state: 'failed', error: `Not sent: ${words}`, finishedAt: this.deps.now() };
        if (this.refusals >= REFUSALS_BEFORE_PAUSE) pause ??= `OSCAR refused ${this.refusals} inputs in a row, the last one with: ${words}. The batch is paused.`;
      }
    });
    const next = { ...this.state, inputs };
    if (pause) await this.autoPause(pause, next, unreachable);
    else await this.update(next);
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

  // ------------------------------------------------------------------ dropped files
  // A batch of files dropped now: the upload engine uploads them into the service's input path, and each
  // upload starts its job (MinIO's webhook), so these inputs are never POSTed. What the uploads do is
  // noted here at any time and applied at the start of the next round, so no round writes back over it.

  private uploads = new Map<string, UploadChange>();

  /** A dropped file's upload changed: started again, finished (its job is starting), or failed. */
  noteUpload(key: string, change: UploadChange): void {
    this.uploads.set(key, change);
    if (!this.stopped && !this.busy) this.schedule(0);
  }

  /** A dropped file finished uploading at `at`: its job was started by the upload and is linked by its log. */
  addUploaded(input: { key: string; size: number; at: number }): void {
    this.noteUpload(input.key, { state: 'uploaded', at: input.at, size: input.size });
  }

  private async applyUploads(): Promise<void> {
    if (!this.uploads.size) return;
    const changes = [...this.uploads];
    this.uploads.clear();
    const inputs = this.state.inputs.slice();
    let status = this.state.status;
    for (const [key, change] of changes) {
      let n = this.byKey.get(key);
      if (n === undefined) {
        if (change.state !== 'uploaded') continue;
        n = inputs.push({ key, size: change.size ?? 0, state: 'uploading', attempts: 0 }) - 1;
        this.byKey.set(key, n);
      }
      const i = inputs[n]!;
      if (change.state === 'uploaded' && i.job) {
        // Its job was linked (its log read) before the upload's answer came back.
        if (i.sentAt === undefined) inputs[n] = { ...i, sentAt: change.at };
        continue;
      }
      const open = i.state === 'uploading' || (i.state === 'failed' && i.uploadFailed);
      if (!open) continue;
      const { error: _e, finishedAt: _f, uploadFailed: _u, ...rest } = i;
      if (change.state === 'uploading') {
        inputs[n] = { ...rest, state: 'uploading' };
        if (status === 'done') status = 'running';
      } else if (change.state === 'uploaded') {
        inputs[n] = { ...rest, state: 'submitted', sentAt: change.at, attempts: i.attempts + 1 };
      } else if (i.state === 'uploading') {
        inputs[n] = { ...i, state: 'failed', uploadFailed: true, error: change.error, finishedAt: this.deps.now() };
      }
    }
    await this.update({ ...this.state, inputs, status });
  }
}

function statusOf(e: unknown): number | undefined {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export type UploadChange = { state: 'uploading' } | { state: 'uploaded'; at: number; size?: number } | { state: 'failed'; error: string };
