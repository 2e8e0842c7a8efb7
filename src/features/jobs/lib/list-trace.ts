// The trace from file to job to result, for a whole jobs list at once (see lib/jobs/trace for one job).
// A job page reads the job's log, where the supervisor names the object it downloaded; a list of
// thousands of jobs cannot read thousands of logs, so here every match is by time only, and "likely":
// - the input: each job, in order of creation, takes the not yet taken object of the service's input
//   path uploaded nearest its creation (within a few seconds): one upload starts one job per service;
// - the outputs: objects in the output path written while the job ran, same base name first.
// Listings are indexed by time once (binary search per row), so a row on screen costs microseconds.
import type { MinIOObject, Service } from '../../../api/types';
import type { ListedObjects } from '../../../lib/jobs/object-listing';
import type { JobRow } from '../../../lib/jobs/paging';
import { INPUT_WINDOW_MS, SKEW_MS, baseName, externalProviders, isClusterMinio, namedAfter, objectTime, outputWindow, splitStoragePath, storagePaths, toRef, type ObjectRef, type StoragePath } from '../../../lib/jobs/trace';

/** An input path with the file-name filters OSCAR applies before an upload there starts a job. */
export interface InputPath extends StoragePath {
  suffix?: string[];
  /** The `prefix` filter: file names starting with one of these. */
  names?: string[];
}

export interface ServiceIo {
  inputs: InputPath[];
  outputs: StoragePath[];
  /** Providers of the paths OSCAR cannot list. */
  externalInputs: string[];
  externalOutputs: string[];
}

export function serviceIo(svc: Pick<Service, 'input' | 'output'>): ServiceIo {
  return {
    inputs: (svc.input ?? [])
      .filter((io) => io.path && isClusterMinio(io))
      .map((io) => ({
        ...splitStoragePath(io.path ?? ''),
        ...(io.suffix?.length ? { suffix: io.suffix } : {}),
        ...(io.prefix?.length ? { names: io.prefix } : {}),
      })),
    outputs: storagePaths(svc.output),
    externalInputs: externalProviders(svc.input),
    externalOutputs: externalProviders(svc.output),
  };
}

/** Objects of one path, oldest first, with their times alongside for binary search. */
export interface TimeIndex {
  refs: ObjectRef[];
  times: number[];
}

const indexes = new WeakMap<readonly MinIOObject[], Map<string, TimeIndex>>();

/** The files (not folder markers) under the path that pass its filters, by time; built once per listing and path. */
export function timeIndex(path: InputPath, objects: readonly MinIOObject[]): TimeIndex {
  let byPath = indexes.get(objects);
  if (!byPath) indexes.set(objects, (byPath = new Map()));
  const id = [path.bucket, path.prefix, path.suffix?.join('/') ?? '', path.names?.join('/') ?? ''].join('\u0000');
  const cached = byPath.get(id);
  if (cached) return cached;
  const refs: ObjectRef[] = [];
  for (const o of objects) {
    const key = o.object_name ?? '';
    if (!key.startsWith(path.prefix) || key.endsWith('/') || objectTime(o) === undefined) continue;
    const file = key.slice(key.lastIndexOf('/') + 1);
    if (path.suffix && !path.suffix.some((x) => file.endsWith(x))) continue;
    if (path.names && !path.names.some((x) => file.startsWith(x))) continue;
    refs.push(toRef(path.bucket, o));
  }
  refs.sort((a, b) => (a.modified ?? 0) - (b.modified ?? 0));
  const index = { refs, times: refs.map((r) => r.modified ?? 0) };
  byPath.set(id, index);
  return index;
}

export function mergeIndexes(list: readonly TimeIndex[]): TimeIndex {
  if (list.length === 1 && list[0]) return list[0];
  const refs = list.flatMap((i) => i.refs).sort((a, b) => (a.modified ?? 0) - (b.modified ?? 0));
  return { refs, times: refs.map((r) => r.modified ?? 0) };
}

/** The first position whose time is ≥ t. */
export function lowerBound(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each job's likely input: jobs in order of creation each take the earliest file not yet taken that was
 * uploaded from `windowMs` before their creation to a little after (clocks differ). First come, first
 * served keeps a batch in order — S3 times have second precision, so "nearest" would shuffle files
 * uploaded within the same second. Keyed by job name.
 */
export function assignInputs(jobs: readonly JobRow[], index: TimeIndex, windowMs = INPUT_WINDOW_MS): Map<string, ObjectRef> {
  const out = new Map<string, ObjectRef>();
  if (index.refs.length === 0) return out;
  const order = jobs.filter((j): j is JobRow & { created: number } => j.created !== undefined).sort((a, b) => a.created - b.created || a.name.localeCompare(b.name));
  const { refs, times } = index;
  let next = 0;
  for (const j of order) {
    // Files before `next` are taken, or too old for this job and so for every later one.
    while (next < times.length && (times[next] ?? 0) < j.created - windowMs) next++;
    const ref = refs[next];
    if (ref && (times[next] ?? 0) <= j.created + SKEW_MS) {
      out.set(j.name, ref);
      next++;
    }
  }
  return out;
}

const assignments = new WeakMap<readonly JobRow[], { listings: readonly ListedObjects[]; result: Map<string, ObjectRef> }>();

/**
 * The likely inputs of a service's jobs from the listings of its input paths, computed once per
 * (jobs, listings) pair however many rows ask. `jobs` must be all the service's jobs, not a filtered
 * view, so that a filter never changes which file a job is matched to.
 */
export function serviceInputs(jobs: readonly JobRow[], paths: readonly InputPath[], listings: readonly ListedObjects[]): Map<string, ObjectRef> {
  const hit = assignments.get(jobs);
  if (hit && hit.listings.length === listings.length && hit.listings.every((l, i) => l === listings[i])) return hit.result;
  const idx = paths.flatMap((p, i) => {
    const l = listings[i];
    return l ? [timeIndex(p, l.objects)] : [];
  });
  const result = assignInputs(jobs, mergeIndexes(idx));
  assignments.set(jobs, { listings, result });
  return result;
}

/** Outputs written while the job ran (and `graceMs` after), same base name as its input first. */
export function outputsFrom(index: TimeIndex, job: Pick<JobRow, 'created' | 'started' | 'finished'>, input: ObjectRef | null | undefined, now: number, graceMs = SKEW_MS): ObjectRef[] {
  const w = outputWindow(job, { now, graceMs });
  if (!w) return [];
  const found = index.refs.slice(lowerBound(index.times, w.from), lowerBound(index.times, w.to + 1));
  const base = input ? baseName(input.key) : '';
  if (!base) return found;
  const score = (r: ObjectRef) => (namedAfter(r.key, base) ? 0 : 1);
  return found.sort((a, b) => score(a) - score(b));
}

// ------------------------------------------------------------------ what a cell shows

export type IoCell = { state: 'loading' } | { state: 'found'; objects: ObjectRef[] } | { state: 'unknown'; reason: string };

/** A bucket listing as a cell sees it (react-query's state, without react-query). */
export interface ListingState {
  bucket: string;
  data: ListedObjects | undefined;
  /** The server's words when the last listing failed. */
  error: string | null;
  /** Listing again now, or about to. */
  fetching: boolean;
  /** When the listing arrived (this browser's clock). */
  updatedAt?: number;
}

const PROVIDERS: Record<string, string> = { s3: 'Amazon S3', onedata: 'Onedata', dcache: 'dCache', rucio: 'Rucio', webdav: 'WebDAV', minio: 'another MinIO' };

export function providerNames(ids: readonly string[]): string {
  return ids.map((id) => PROVIDERS[id.toLowerCase()] ?? id).join(' and ');
}

const where = (paths: readonly StoragePath[]) => paths.map((p) => `${p.bucket}/${p.prefix}`).join(', ');

/** A listing older than `t` cannot hold what was written at `t`: a fresher one is worth asking for. */
export function listingOlderThan(listing: ListingState, t: number | undefined): boolean {
  return t !== undefined && listing.data !== undefined && listing.data.listedAt < t + SKEW_MS;
}

function listingTrouble(listings: readonly ListingState[], newest: number | undefined): IoCell | null {
  if (listings.some((l) => l.data === undefined && l.error === null)) return { state: 'loading' };
  if (listings.some((l) => listingOlderThan(l, newest) && l.fetching)) return { state: 'loading' };
  const failed = listings.find((l) => l.error !== null);
  if (failed) return { state: 'unknown', reason: `Could not list the bucket ${failed.bucket}: ${failed.error}` };
  const capped = listings.find((l) => l.data && !l.data.complete);
  if (capped?.data) {
    return { state: 'unknown', reason: `${capped.bucket} holds more objects than the list reads; only its first ${capped.data.objects.length.toLocaleString('en')} were checked.` };
  }
  return null;
}

/** The Input cell: the likely input, or why it is not known. `listings` are those of io.inputs, in order. */
export function inputCell(job: JobRow, io: ServiceIo, listings: readonly ListingState[], found: ObjectRef | undefined): IoCell {
  if (io.inputs.length === 0) {
    if (io.externalInputs.length) return { state: 'unknown', reason: `The input is on ${providerNames(io.externalInputs)} storage, which OSCAR cannot list.` };
    return { state: 'unknown', reason: 'This service has no input path: its jobs start from calls, not files.' };
  }
  if (found) return { state: 'found', objects: [found] };
  if (job.created === undefined) return { state: 'unknown', reason: 'The cluster gave no creation time to match a file by.' };
  return (
    listingTrouble(listings, job.created) ?? {
      state: 'unknown',
      reason: `No file in ${where(io.inputs)} was uploaded just before the job was created: it was probably started by a call.`,
    }
  );
}

/** The Outputs cell: files written while the job ran, or why there are none to show. */
export function outputsCell(job: JobRow, io: ServiceIo, listings: readonly ListingState[], input: ObjectRef | undefined, now: number): IoCell {
  if (io.outputs.length === 0) {
    if (io.externalOutputs.length) return { state: 'unknown', reason: `The output goes to ${providerNames(io.externalOutputs)} storage, which OSCAR cannot list.` };
    return { state: 'unknown', reason: 'This service writes no output to the cluster’s storage.' };
  }
  if (job.status === 'Pending') return { state: 'unknown', reason: 'Not started yet.' };
  // Without an end (OSCAR lost track of the pod) any later file would count: better say nothing.
  if (job.finished === undefined && job.status !== 'Running') return { state: 'unknown', reason: 'The cluster gives no end time for this job to match its outputs by.' };
  const ready = listings.every((l) => l.data !== undefined);
  const during = ready
    ? io.outputs.flatMap((p, i) => {
        const data = listings[i]?.data;
        return data ? outputsFrom(timeIndex(p, data.objects), job, input, now) : [];
      })
    : [];
  // Jobs of a service overlap: files named after the input are this job's, the rest only perhaps. The
  // supervisor uploads at the end, so while a job runs the others' files are all there is to see.
  const base = input ? baseName(input.key) : '';
  const namesakes = base ? during.filter((o) => namedAfter(o.key, base)) : [];
  const objects = namesakes.length ? namesakes : job.status === 'Running' ? [] : during;
  if (objects.length) return { state: 'found', objects };
  // Outputs appear as the job ends: a listing from before then may lack them.
  const trouble = listingTrouble(listings, job.finished);
  if (trouble) return trouble;
  if (job.status === 'Running') return { state: 'unknown', reason: 'Nothing written yet.' };
  if (job.status === 'Failed') return { state: 'unknown', reason: 'The job failed and wrote no output that can be found.' };
  return { state: 'unknown', reason: `No file was written to ${where(io.outputs)} while the job ran.` };
}

/** The file name the text filter matches: the input's name without its folder. */
export function fileName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}
