import { createContext, useContext, useEffect } from 'react';
import { inputCell, listingOlderThan, outputsCell, serviceInputs, type IoCell, type ListingState, type ServiceIo } from '../lib/list-trace';
import type { JobRow } from '../../../lib/jobs/paging';
import type { ObjectRef, StoragePath } from '../../../lib/jobs/trace';

export interface JobIoValue {
  /** Each service's storage paths; undefined until the list of services has loaded. */
  services: ReadonlyMap<string, ServiceIo> | undefined;
  servicesFailed: boolean;
  /** All jobs of a service (not the filtered view), so a filter never changes a job's match. */
  jobsOf: (service: string) => readonly JobRow[];
  /** When the jobs were last read: the time running jobs are measured to, and listings are compared with. */
  now: number;
  /** A bucket's listing, once some row has asked for it (see useJobIoValue). */
  listing: (bucket: string) => ListingState | undefined;
  /** Rows on screen ask for their service's buckets: only those are listed, once each. */
  want: (buckets: readonly string[]) => void;
  /** List a bucket again (a row needs something written after its listing began). */
  renew: (bucket: string) => void;
}

export const JobIoContext = createContext<JobIoValue>({
  services: undefined,
  servicesFailed: false,
  jobsOf: () => [],
  now: 0,
  listing: () => undefined,
  want: () => {},
  renew: () => {},
});

const NONE: readonly StoragePath[] = [];

function listingsOf(ctx: JobIoValue, paths: readonly StoragePath[]): ListingState[] {
  return paths.map((p) => ctx.listing(p.bucket) ?? { bucket: p.bucket, data: undefined, error: null, fetching: false });
}

/**
 * Asks for the buckets not listed yet. A listing that began before `neededAt` (the job was created or
 * ended after it) counts as being listed again, and is — at most once per refresh of the jobs, so a
 * browser clock that differs from the server's cannot make it list in a loop.
 */
function useFreshListings(ctx: JobIoValue, raw: readonly ListingState[], neededAt: number | undefined): ListingState[] {
  const missing = raw.filter((s) => !ctx.listing(s.bucket)).map((s) => s.bucket);
  const states = raw.map((s) => (!s.fetching && listingOlderThan(s, neededAt) && (s.updatedAt ?? 0) < ctx.now ? { ...s, fetching: true } : s));
  const due = states.filter((s, i) => s.fetching && !raw[i]?.fetching).map((s) => s.bucket);
  const { want, renew } = ctx;
  const missingKey = missing.join('\u0000');
  const dueKey = due.join('\u0000');
  useEffect(() => {
    if (missingKey) want(missingKey.split('\u0000'));
  }, [missingKey, want]);
  useEffect(() => {
    if (dueKey) for (const b of dueKey.split('\u0000')) renew(b);
  }, [dueKey, renew]);
  return states;
}

function unknownService(ctx: JobIoValue): IoCell {
  if (!ctx.services && !ctx.servicesFailed) return { state: 'loading' };
  return {
    state: 'unknown',
    reason: ctx.servicesFailed ? 'The list of services could not be read, so its storage paths are not known.' : 'The service’s storage paths are not known.',
  };
}

function likelyInput(ctx: JobIoValue, job: JobRow, paths: readonly StoragePath[], states: readonly ListingState[]): ObjectRef | undefined {
  const listed = paths.flatMap((path, i) => {
    const data = states[i]?.data;
    return data ? [{ path, data }] : [];
  });
  if (listed.length === 0) return undefined;
  return serviceInputs(
    ctx.jobsOf(job.service),
    listed.map((x) => x.path),
    listed.map((x) => x.data),
  ).get(job.name);
}

/** The job's likely input, from one listing per input bucket. */
export function useJobInput(job: JobRow): IoCell {
  const ctx = useContext(JobIoContext);
  const io = ctx.services?.get(job.service);
  const raw = listingsOf(ctx, io?.inputs ?? NONE);
  const found = likelyInput(ctx, job, io?.inputs ?? NONE, raw);
  const states = useFreshListings(ctx, raw, found ? undefined : job.created);
  if (!io) return unknownService(ctx);
  return inputCell(job, io, states, found);
}

/** What the job likely wrote: files in its output paths written while it ran. */
export function useJobOutputs(job: JobRow): IoCell {
  const ctx = useContext(JobIoContext);
  const io = ctx.services?.get(job.service);
  // The input only to prefer files named after it: asking for its listing is the Input cell's job.
  const input = io ? likelyInput(ctx, job, io.inputs, listingsOf(ctx, io.inputs)) : undefined;
  const states = useFreshListings(ctx, listingsOf(ctx, io?.outputs ?? NONE), job.finished);
  if (!io) return unknownService(ctx);
  return outputsCell(job, io, states, input, ctx.now);
}
