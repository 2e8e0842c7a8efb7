// One listing of a bucket's objects (all its pages, up to a cap), to trace jobs to their input and
// output files. Shared by every view that traces jobs: one cache entry per bucket, whichever of them
// asked first, so the jobs list and a job page never list the same bucket twice in a row.
import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../api/client';
import type { MinIOObject } from '../../api/types';

/** OSCAR pages hold about 1,000 objects: past this many pages a trace says it stopped looking. */
export const LISTING_MAX_PAGES = 20;

export interface ListedObjects {
  objects: MinIOObject[];
  /** False when the bucket holds more than LISTING_MAX_PAGES pages and only those were read. */
  complete: boolean;
  /** When the listing began (this browser's clock): later uploads cannot be in it. */
  listedAt: number;
}

export const objectListingKeys = {
  all: ['object-listing'] as const,
  bucket: (bucket: string) => [...objectListingKeys.all, bucket] as const,
};

/** Every page of a bucket's objects, following `next_page`, up to `maxPages`. */
export async function listBucketObjects(bucket: string, signal?: AbortSignal, maxPages = LISTING_MAX_PAGES): Promise<ListedObjects> {
  const listedAt = Date.now();
  const objects: MinIOObject[] = [];
  let page: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const { data } = await oscar.GET('/system/buckets/{bucket}', { params: { path: { bucket }, query: page ? { page } : {} }, ...(signal ? { signal } : {}) });
    const d = required(data, `the objects of ${bucket}`);
    for (const o of d.objects ?? []) objects.push(o);
    if (!d.is_truncated || !d.next_page || d.next_page === page) return { objects, complete: true, listedAt };
    page = d.next_page;
  }
  return { objects, complete: false, listedAt };
}

export function objectListingQuery(bucket: string) {
  return queryOptions({
    queryKey: objectListingKeys.bucket(bucket),
    queryFn: ({ signal }) => listBucketObjects(bucket, signal),
    // Views ask for a fresher listing themselves when a job is newer than it (see lib/jobs-list-trace).
    staleTime: 10_000,
    refetchOnWindowFocus: false,
    // A 403 or a missing bucket is an answer, not a hiccup: say so in the cell rather than retry 20 pages.
    retry: false,
    // Tens of thousands of objects: keep them only a little while after the last view that uses them.
    gcTime: 60_000,
  });
}
