import { useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';
import type { JobStatus } from '../../../lib/jobs-paging';
import { parseJobsParams, type JobSortKey, type SortDir } from '../../../lib/jobs-view';

/**
 * The jobs list's service, status, text filter and sort, kept in the URL so a link or a reload restores
 * them. The text also lives in local state so typing never waits on a navigation (as in the services list).
 */
export function useJobsParams() {
  const [params, setParams] = useSearchParams();
  const view = parseJobsParams(params);
  const location = useLocation();
  const navigationType = useNavigationType();
  const [text, setText] = useState(view.q);
  const [seenKey, setSeenKey] = useState(location.key);
  if (seenKey !== location.key) {
    setSeenKey(location.key);
    if (navigationType !== 'REPLACE' && text !== view.q) setText(view.q);
  }

  function update(change: (next: URLSearchParams) => void, replace = true) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace },
    );
  }

  return {
    ...view,
    q: text,
    setQuery(q: string) {
      setText(q);
      update((n) => (q ? n.set('q', q) : n.delete('q')));
    },
    // Choosing a service is a navigation of its own: Back returns to the previous one.
    setService(service: string) {
      update((n) => (service ? n.set('service', service) : n.delete('service')), false);
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
