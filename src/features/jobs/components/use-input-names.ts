import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import { objectListingQuery, type ListedObjects } from '../../../lib/jobs/object-listing';
import { fileName, serviceInputs, type ServiceIo } from '../lib/list-trace';
import type { JobRow } from '../../../lib/jobs/paging';

/**
 * The likely input file name of every job, for the text filter. Only while a filter is typed, since it
 * lists the input bucket of every service shown (once each, shared with the cells), not just those on
 * screen. Returns undefined when there is nothing to match with, and how many buckets are still listed.
 */
export function useInputNames(
  enabled: boolean,
  services: ReadonlyMap<string, ServiceIo> | undefined,
  byService: ReadonlyMap<string, readonly JobRow[]>,
): { inputName: ((j: JobRow) => string | undefined) | undefined; listing: number } {
  const buckets = useMemo(() => {
    const set = new Set<string>();
    if (enabled && services) for (const s of byService.keys()) for (const p of services.get(s)?.inputs ?? []) set.add(p.bucket);
    return [...set];
  }, [enabled, services, byService]);
  const queries = useQueries({ queries: buckets.map((b) => objectListingQuery(b)) });
  const dataKey = queries.map((q) => q.dataUpdatedAt).join(',');
  const inputName = useMemo(() => {
    if (!enabled || !services) return undefined;
    const listings = new Map<string, ListedObjects>();
    queries.forEach((q, i) => {
      if (q.data) listings.set(buckets[i] ?? '', q.data);
    });
    const names = new Map<JobRow, string>();
    for (const [service, jobs] of byService) {
      const paths = (services.get(service)?.inputs ?? []).filter((p) => listings.has(p.bucket));
      if (paths.length === 0) continue;
      const found = serviceInputs(
        jobs,
        paths,
        paths.map((p) => listings.get(p.bucket) as ListedObjects),
      );
      for (const j of jobs) {
        const ref = found.get(j.name);
        if (ref) names.set(j, fileName(ref.key));
      }
    }
    return (j: JobRow) => names.get(j);
    // The listings change when some query's data does (dataKey).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, services, byService, buckets, dataKey]);
  return { inputName, listing: queries.filter((q) => q.isPending).length };
}
