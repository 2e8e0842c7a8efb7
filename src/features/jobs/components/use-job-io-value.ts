import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { errorMessage } from '../../../api/errors';
import { objectListingQuery } from '../../../lib/jobs/object-listing';
import type { ListingState } from '../lib/list-trace';
import type { JobIoValue } from './use-job-io';

/**
 * What the Input and Outputs cells read. The listings are subscribed to here, once for the table,
 * rather than in each cell: a row coming into view then costs a context read, not a query observer.
 * Only the buckets that rows on screen asked for are listed, and only once every list of jobs has
 * loaded (`ready`), so the jobs' own pages go first.
 */
export function useJobIoValue(base: Pick<JobIoValue, 'services' | 'servicesFailed' | 'jobsOf' | 'now'>, ready: boolean): JobIoValue {
  const [wanted, setWanted] = useState<readonly string[]>([]);
  const queries = useQueries({ queries: wanted.map((b) => ({ ...objectListingQuery(b), enabled: ready })) });
  const latest = useRef({ wanted, queries });
  useLayoutEffect(() => {
    latest.current = { wanted, queries };
  });
  const want = useCallback((buckets: readonly string[]) => {
    setWanted((prev) => (buckets.every((b) => prev.includes(b)) ? prev : [...new Set([...prev, ...buckets])]));
  }, []);
  const renew = useCallback((bucket: string) => {
    const q = latest.current.queries[latest.current.wanted.indexOf(bucket)];
    if (q && !q.isFetching) void q.refetch({ cancelRefetch: false });
  }, []);
  const key = queries.map((q) => `${q.dataUpdatedAt}:${q.errorUpdatedAt}:${q.fetchStatus}`).join(',');
  const listings = useMemo(() => {
    const map = new Map<string, ListingState>();
    queries.forEach((q, i) => {
      const bucket = wanted[i] ?? '';
      map.set(bucket, { bucket, data: q.data, error: q.isError ? errorMessage(q.error) : null, fetching: q.isFetching, updatedAt: q.dataUpdatedAt });
    });
    return map;
    // The states change when some query's data, error or fetch status does (key).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, wanted]);
  const { services, servicesFailed, jobsOf, now } = base;
  return useMemo(
    () => ({ services, servicesFailed, jobsOf, now, listing: (b: string) => listings.get(b), want, renew }),
    [services, servicesFailed, jobsOf, now, listings, want, renew],
  );
}
