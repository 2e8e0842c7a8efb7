import { useEffect, useMemo, useRef } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobRow } from '../../../lib/jobs/paging';
import { objectListingQuery } from '../../../lib/jobs/object-listing';
import { inputFromLog, likelyInputs, matchOutputs, servicePaths, type ObjectRef } from '../../../lib/jobs/trace';
import type { LogBuffer } from '../lib/append';
import { logQueries } from '../api/queries';

export interface TraceInput {
  objects: ObjectRef[];
  /** 'log': the supervisor said so; 'time': uploaded just before the job was created. */
  source: 'log' | 'time';
}

/**
 * Works out a job's input and outputs (see lib/jobs/trace): the input from the job's log when it says,
 * otherwise from the input path's objects around the job's creation; the outputs from the output
 * paths' objects written while it ran. Listings refresh while the job runs.
 */
export function useJobTrace({ service, job, buffer, version, live, now }: { service: string; job: JobRow | null | undefined; buffer: LogBuffer; version: number; live: boolean; now: number }) {
  const svc = useQuery(logQueries.service(service));
  const paths = useMemo(() => (svc.data ? servicePaths(svc.data) : { inputs: [], outputs: [] }), [svc.data]);
  // The supervisor names the input in the first few lines; the buffer grows in place, so version is the signal.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fromLog = useMemo(() => inputFromLog(buffer.lines.slice(0, 50)), [buffer, version]);
  // Guess by time only while the log cannot say yet: once the supervisor has logged its first lines
  // without naming a download, the job was started by a call, not by a file.
  const logSilent = buffer.count < 3;
  const needInputListing = !fromLog && logSilent && paths.inputs.length > 0;
  const buckets = useMemo(() => {
    const set = new Set<string>();
    if (needInputListing) for (const p of paths.inputs) set.add(p.bucket);
    for (const p of paths.outputs) set.add(p.bucket);
    return [...set];
  }, [needInputListing, paths]);
  const listings = useQueries({
    queries: buckets.map((b) => ({ ...objectListingQuery(b), refetchInterval: live ? 10_000 : (false as const) })),
  });
  const listing = (bucket: string) => listings[buckets.indexOf(bucket)];

  // The supervisor uploads outputs as the job ends: list again once it has ended.
  const qc = useQueryClient();
  const wasLive = useRef(live);
  useEffect(() => {
    if (wasLive.current && !live) for (const b of buckets) void qc.invalidateQueries({ queryKey: objectListingQuery(b).queryKey });
    wasLive.current = live;
  }, [live, buckets, qc]);

  let input: TraceInput | null = null;
  if (fromLog) input = { objects: [fromLog], source: 'log' };
  else if (job && needInputListing) {
    const found = paths.inputs.flatMap((p) => likelyInputs(p, listing(p.bucket)?.data?.objects ?? [], job.created));
    if (found.length) input = { objects: found.slice(0, 3), source: 'time' };
  }
  const outputs = job
    ? paths.outputs.flatMap((p) => matchOutputs(p, listing(p.bucket)?.data?.objects ?? [], job, { input: input?.source === 'log' ? fromLog : null, now }))
    : [];
  const errors = listings.flatMap((q, i) => (q.isError ? [{ bucket: buckets[i] ?? '', error: q.error }] : []));
  return {
    service: svc,
    paths,
    input,
    /** The log is there and names no input file. */
    startedByCall: !fromLog && !logSilent,
    outputs,
    errors,
    loading: svc.isPending || listings.some((q) => q.isPending),
    incomplete: listings.some((q) => q.data && !q.data.complete),
  };
}
