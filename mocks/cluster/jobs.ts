// Jobs: the asynchronous invocations, on a clock (Pending for PENDING_MS, then Running, then Succeeded or
// Failed), their logs as they grow, and what a finished job does (writes its output, counts as an
// execution). What a job prints and writes is in ./job-logs.ts. Served by ../handlers/jobs.ts and the
// /job route of ../handlers/invoke.ts.
import type { JobInfo, Service } from '../../src/api/types';
import type { Principal } from '../auth';
import type { Cluster } from '../cluster';
import { createRng, hashString } from '../prng';
import { ClusterError, iso, isDefaultMinio, rules, splitPath } from './common';
import { buildJobLog, outputFor } from './job-logs';

export const JOBS_PAGE_SIZE = 70;
export const PENDING_MS = 3000;

export type JobStatus = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface LogLine {
  /** Milliseconds after the job started running. */
  at: number;
  text: string;
}

export interface StoredJob {
  name: string;
  service: string;
  owner: string;
  createdAt: number;
  startAt: number;
  finishAt: number;
  outcome: 'Succeeded' | 'Failed';
  /** Forces a status regardless of the clock (seeded Unknown jobs: the pod is gone). */
  fixedStatus?: JobStatus;
  input?: { bucket: string; key: string };
  log: LogLine[];
  settled: boolean;
  /** Part of the seed: its requests are already in the nodes' figures (`GET /system/status`). */
  seeded?: boolean;
}

export interface JobsPage {
  jobs: Record<string, JobInfo>;
  next_page?: string;
  remaining_jobs?: number;
}

export const jobRules = rules({
  jobStatus(job: StoredJob, now?: number): JobStatus {
    now ??= this.now();
    if (job.fixedStatus) return job.fixedStatus;
    if (now < job.startAt) return 'Pending';
    if (now < job.finishAt) return 'Running';
    return job.outcome;
  },

  jobInfo(job: StoredJob, now?: number): JobInfo {
    now ??= this.now();
    const status = this.jobStatus(job, now);
    const info: JobInfo = { status, creation_time: iso(job.createdAt) };
    if (status === 'Unknown') return info;
    if (now >= job.startAt) info.start_time = iso(job.startAt);
    if (now >= job.finishAt && status !== 'Running' && status !== 'Pending') info.finish_time = iso(job.finishAt);
    return info;
  },

  newJobName(service: string): string {
    const jobs = this.jobs.get(service);
    for (;;) {
      const name = `${service}-${this.rng.alnum(5)}`;
      if (!jobs?.has(name)) return name;
    }
  },

  /** Starts an async job (POST /job, or an upload into an input path). Returns its name. */
  createJob(
    service: string,
    owner: string,
    options: {
      input?: { bucket: string; key: string };
      at?: number;
      outcome?: 'Succeeded' | 'Failed';
      runMs?: number;
      fixedStatus?: JobStatus;
      name?: string;
    } = {},
  ): StoredJob {
    const svc = this.requireService(service);
    const createdAt = options.at ?? this.now();
    const startAt = createdAt + this.jobPendingMs;
    const runMs = options.runMs ?? this.rng.int(10_000, 20_000);
    const outcome = options.outcome ?? (this.rng.chance(0.15) ? 'Failed' : 'Succeeded');
    const name = options.name ?? this.newJobName(service);
    const job: StoredJob = {
      name,
      service,
      owner,
      createdAt,
      startAt,
      finishAt: startAt + runMs,
      outcome,
      log: [],
      settled: false,
      ...(options.input ? { input: options.input } : {}),
      ...(options.fixedStatus ? { fixedStatus: options.fixedStatus } : {}),
    };
    job.log = buildJobLog(svc, job, createRng(hashString(name)));
    let jobs = this.jobs.get(service);
    if (!jobs) this.jobs.set(service, (jobs = new Map()));
    jobs.set(name, job);
    pendingJobs(this).add(job);
    this.changed();
    this.settle();
    return job;
  },

  /** Applies what the clock says has happened: finished jobs write their output and count as executions. */
  settle(now?: number): void {
    now ??= this.now();
    if (pendingJobs(this).size === 0) return;
    let any = false;
    for (const job of [...pendingJobs(this)]) {
      // A finished job's output can start other jobs, which settles again: skip what that already did.
      if (job.settled) continue;
      if (job.fixedStatus) {
        pendingJobs(this).delete(job);
        job.settled = true;
        continue;
      }
      if (now < job.finishAt) continue;
      pendingJobs(this).delete(job);
      job.settled = true;
      any = true;
      const svc = this.services.get(job.service);
      if (!svc) continue;
      const user = this.users.get(job.owner);
      this.events.push({
        t: job.finishAt,
        service: job.service,
        kind: 'async',
        ...(job.owner.includes('@') || this.users.has(job.owner) ? { user: job.owner } : {}),
        ...(user ? { country: user.country, vo: user.vo } : {}),
        cpuSeconds: ((job.finishAt - job.startAt) / 1000) * Number(svc.cpu ?? 1),
        gpuSeconds: svc.enable_gpu ? (job.finishAt - job.startAt) / 1000 : 0,
      });
      if (job.outcome === 'Succeeded') writeJobOutput(this, svc, job);
    }
    if (any) this.changed();
  },

  /** Puts back a job as it was (restoring a snapshot); unfinished jobs go on with the clock. */
  adoptJob(job: StoredJob): void {
    let jobs = this.jobs.get(job.service);
    if (!jobs) this.jobs.set(job.service, (jobs = new Map()));
    jobs.set(job.name, job);
    if (!job.settled) pendingJobs(this).add(job);
  },

  jobsOf(service: string): Map<string, StoredJob> {
    return this.jobs.get(service) ?? new Map();
  },

  /**
   * A page of a service's jobs, keyed by name, in name order like the Kubernetes API. Non-admin OIDC
   * users see only the jobs they started (OSCAR filters by the job owner label).
   */
  listJobs(p: Principal, service: string, page?: string | null, pageSize = JOBS_PAGE_SIZE): JobsPage {
    this.readableService(p, service);
    const now = this.now();
    let jobs = [...this.jobsOf(service).values()];
    if (p.kind === 'oidc') jobs = jobs.filter((j) => j.owner === p.sub);
    jobs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let start = 0;
    if (page) {
      let after: string;
      try {
        after = atob(page);
      } catch {
        throw new ClusterError(400, 'Invalid continue token');
      }
      start = jobs.findIndex((j) => j.name > after);
      if (start < 0) start = jobs.length;
    }
    const slice = jobs.slice(start, start + pageSize);
    const out: Record<string, JobInfo> = {};
    for (const j of slice) out[j.name] = this.jobInfo(j, now);
    const remaining = jobs.length - start - slice.length;
    const last = slice[slice.length - 1];
    return {
      jobs: out,
      ...(remaining > 0 && last ? { next_page: btoa(last.name), remaining_jobs: remaining } : {}),
    };
  },

  requireJob(p: Principal, service: string, jobName: string): StoredJob {
    this.readableService(p, service);
    const job = this.jobsOf(service).get(jobName);
    if (!job || (p.kind === 'oidc' && job.owner !== p.sub)) throw new ClusterError(404, '');
    return job;
  },

  /** The log so far: lines appear as the job runs; `timestamps` prefixes RFC 3339 stamps like kubectl. */
  jobLog(job: StoredJob, timestamps = false, now?: number): string {
    now ??= this.now();
    if (job.fixedStatus === 'Unknown' || now < job.startAt) return '';
    const elapsed = now - job.startAt;
    const lines = job.log.filter((l) => l.at <= elapsed);
    return lines
      .map((l) => (timestamps ? `${new Date(job.startAt + l.at).toISOString().replace('Z', '000000Z')} ${l.text}` : l.text))
      .map((l) => `${l}\n`)
      .join('');
  },

  deleteJobs(p: Principal, service: string, all: boolean): number {
    this.readableService(p, service);
    const jobs = this.jobsOf(service);
    const now = this.now();
    let n = 0;
    for (const job of [...jobs.values()]) {
      if (p.kind === 'oidc' && job.owner !== p.sub) continue;
      // Without `all`, only completed jobs go (the real server selects status.successful != 0).
      if (!all && this.jobStatus(job, now) !== 'Succeeded') continue;
      jobs.delete(job.name);
      pendingJobs(this).delete(job);
      n++;
    }
    this.changed();
    return n;
  },

  deleteJob(p: Principal, service: string, jobName: string): void {
    const job = this.requireJob(p, service, jobName);
    this.jobsOf(service).delete(job.name);
    pendingJobs(this).delete(job);
    this.changed();
  },
});

export type JobRules = typeof jobRules;

// Jobs whose end the clock has not applied yet (settle() writes their output), kept beside the cluster
// rather than in it: nothing outside this file needs them, and a snapshot rebuilds them from `settled`.
const pending = new WeakMap<Cluster, Set<StoredJob>>();

function pendingJobs(c: Cluster): Set<StoredJob> {
  let set = pending.get(c);
  if (!set) pending.set(c, (set = new Set()));
  return set;
}

/** Drops a deleted service's jobs. */
export function forgetJobs(c: Cluster, service: string): void {
  const jobs = c.jobs.get(service);
  if (jobs) for (const j of jobs.values()) pendingJobs(c).delete(j);
  c.jobs.delete(service);
}

function writeJobOutput(c: Cluster, svc: Service, job: StoredJob): void {
  const out = (svc.output ?? []).find((o) => o.path && isDefaultMinio(o.storage_provider));
  if (!out?.path) return;
  const { bucket, prefix } = splitPath(out.path);
  if (!c.buckets.has(bucket)) return;
  const inputFile = job.input ? job.input.key.slice(job.input.key.lastIndexOf('/') + 1) : '';
  const base = inputFile ? inputFile.replace(/\.[^.]+$/, '') : job.name;
  const output = outputFor(svc, base, createRng(hashString(job.name + ':out')));
  c.putObject(
    bucket,
    { key: `${prefix}${output.file}`, lastModified: job.finishAt, owner: job.owner.includes('@') ? job.owner : undefined, ...output.object },
    // An output path may be another service's input (workflows): the upload triggers it, as in OSCAR.
    { trigger: true },
  );
}
