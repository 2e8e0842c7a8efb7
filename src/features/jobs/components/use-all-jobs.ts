import { useCallback, useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { JobRow } from '../../../lib/jobs/paging';
import { jobQueries } from '../api/queries';
import type { ServiceFailure } from './load-problems';
import type { RefreshResult } from './use-auto-refresh';

/**
 * The jobs of one service, or of every service (the service list first, then each one's pages).
 * Rows appear service by service as their pages arrive; a failing service does not hide the others.
 */
export function useAllJobs(service: string) {
  const services = useQuery(jobQueries.services());
  const targets = useMemo(() => (service ? [service] : (services.data?.map((s) => s.name) ?? [])), [service, services.data]);
  const lists = useQueries({ queries: targets.map((s) => jobQueries.list(s)) });

  const dataKey = lists.map((q) => q.dataUpdatedAt).join(',');
  const { rows, byService } = useMemo(() => {
    const out: JobRow[] = [];
    const by = new Map<string, readonly JobRow[]>();
    for (const q of lists) {
      if (!q.data) continue;
      by.set(q.data.service, q.data.jobs);
      for (const j of q.data.jobs) out.push(j);
    }
    return { rows: out, byService: by };
    // The rows change only when some list's data does (dataKey), not on every status flip.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey]);

  const failures: ServiceFailure[] = [];
  lists.forEach((q, i) => {
    if (q.isError) failures.push({ service: targets[i] ?? '', error: q.error, retry: () => void q.refetch() });
  });
  const pendingServices = targets.filter((_, i) => lists[i]?.isPending);
  const updatedAt = lists.reduce((m, q) => Math.max(m, q.dataUpdatedAt), 0);
  const listing = service ? false : services.isPending;

  const refresh = useCallback(async (): Promise<RefreshResult> => {
    const t0 = performance.now();
    const [svc, ...results] = await Promise.all([
      service ? Promise.resolve(null) : services.refetch(),
      ...lists.map((q) => q.refetch()),
    ]);
    const ok = !svc?.isError && results.every((r) => !r.isError);
    return { ok, durationMs: performance.now() - t0 };
  }, [service, services, lists]);

  return {
    services,
    targets,
    rows,
    /** Each service's jobs as loaded (the same array until that service's list is read again). */
    byService,
    failures,
    pendingServices,
    loading: listing || (pendingServices.length > 0 && rows.length === 0),
    loaded: !listing && pendingServices.length === 0,
    updatedAt,
    refresh,
  };
}
