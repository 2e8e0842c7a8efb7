import { useUrlListParams } from '../../../components/use-url-list-params';
import type { JobStatus } from '../../../lib/jobs/paging';
import { parseJobsParams, type JobSortKey, type SortDir } from '../../../lib/jobs/view';

/**
 * The jobs list's service, status, text filter and sort, kept in the URL so a link or a reload restores
 * them (the shared list view params, as in the services list, plus the service and status filters).
 */
export function useJobsParams() {
  const { view, q, setQuery, update } = useUrlListParams(parseJobsParams);
  return {
    ...view,
    q,
    setQuery,
    // Choosing a service is a navigation of its own: Back returns to the previous one.
    setService(service: string) {
      update((n) => (service ? n.set('service', service) : n.delete('service')), { replace: false });
    },
    setStatuses(statuses: JobStatus[]) {
      update((n) => (statuses.length ? n.set('status', statuses.join(',')) : n.delete('status')));
    },
    setSort(sort: JobSortKey, dir: SortDir) {
      update((n) => {
        n.set('sort', sort);
        n.set('dir', dir);
      });
    },
  };
}
