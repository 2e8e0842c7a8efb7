import { createContext, useContext, useEffect } from 'react';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../../../api/errors';
import { objectListingQuery, type ListedObjects } from '../../../lib/jobs-object-listing';
import { inputCell, listingOlderThan, outputsCell, serviceInputs, type IoCell, type ListingState, type ServiceIo } from '../../../lib/jobs-list-trace';
import type { JobRow } from '../../../lib/jobs-paging';
import type { ObjectRef, StoragePath } from '../../../lib/jobs-trace';

export interface JobIoValue {
  /** Each service's storage paths; undefined until the list of services has loaded. */
  services: ReadonlyMap<string, ServiceIo> | undefined;
  servicesFailed: boolean;
  /** All jobs of a service (not the filtered view), so a filter never changes a job's match. */
  jobsOf: (service: string) => readonly JobRow[];
  /** When the jobs were last read: the time running jobs are measured to, and listings are compared with. */
  now: number;
}

export const JobIoContext = createContext<JobIoValue>({ services: undefined, servicesFailed: false, jobsOf: () => [], now: 0 });

const NONE: readonly StoragePath[] = [];

type ListingQuery = UseQueryResult<ListedObjects>;

function useListingQueries(paths: readonly StoragePath[]): ListingQuery[] {
  return useQueries({ queries: paths.map((p) => objectListingQuery(p.bucket)) });
}

/**
 * The listings as the cells see them. One that began before `neededAt` (the job was created or ended
 * after it) counts as being listed again, and is, by useRenew — at most once per refresh of the jobs,
 * so a browser clock that differs from the server's cannot make it list in a loop.
 */
function listingStates(queries: readonly ListingQuery[], paths: readonly StoragePath[], neededAt: number | undefined, jobsReadAt: number): ListingState[] {
  return queries.map((q, i) => {
    const state: ListingState = { bucket: paths[i]?.bucket ?? '', data: q.data, error: q.isError ? errorMessage(q.error) : null, fetching: q.isFetching };
    if (!q.isFetching && listingOlderThan(state, neededAt) && q.dataUpdatedAt < jobsReadAt) state.fetching = true;
    return state;
  });
}

function useRenew(queries: readonly ListingQuery[], states: readonly ListingState[]): void {
  const due = states.map((s, i) => (s.fetching && !queries[i]?.isFetching ? '1' : '0')).join('');
  useEffect(() => {
    queries.forEach((q, i) => {
      if (due[i] === '1') void q.refetch({ cancelRefetch: false });
    });
    // `due` says which listings to renew; the query results themselves change on every fetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [due]);
}

function unknownService(ctx: JobIoValue): IoCell {
  if (!ctx.services && !ctx.servicesFailed) return { state: 'loading' };
  return {
    state: 'unknown',
    reason: ctx.servicesFailed ? 'The list of services could not be read, so its storage paths are not known.' : 'The service’s storage paths are not known.',
  };
}

/** The job's likely input, from one listing per input bucket. */
export function useJobInput(job: JobRow): { cell: IoCell; found: ObjectRef | undefined } {
  const ctx = useContext(JobIoContext);
  const io = ctx.services?.get(job.service);
  const paths = io?.inputs ?? NONE;
  const queries = useListingQueries(paths);
  const listed = paths.flatMap((path, i) => {
    const data = queries[i]?.data;
    return data ? [{ path, data }] : [];
  });
  const found = listed.length
    ? serviceInputs(
        ctx.jobsOf(job.service),
        listed.map((x) => x.path),
        listed.map((x) => x.data),
      ).get(job.name)
    : undefined;
  const states = listingStates(queries, paths, found ? undefined : job.created, ctx.now);
  useRenew(queries, states);
  if (!io) return { cell: unknownService(ctx), found: undefined };
  return { cell: inputCell(job, io, states, found), found };
}

/** What the job likely wrote: files in its output paths written while it ran. */
export function useJobOutputs(job: JobRow): IoCell {
  const ctx = useContext(JobIoContext);
  const { found } = useJobInput(job);
  const io = ctx.services?.get(job.service);
  const paths = io?.outputs ?? NONE;
  const queries = useListingQueries(paths);
  const states = listingStates(queries, paths, job.finished, ctx.now);
  useRenew(queries, states);
  if (!io) return unknownService(ctx);
  return outputsCell(job, io, states, found, ctx.now);
}
