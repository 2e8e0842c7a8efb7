// How far each service's first walk through its job pages has got, for "Loaded 1,400 jobs, 3,600 to
// go". Kept outside react-query because a query has no partial result until its last page.
import { useSyncExternalStore } from 'react';
import type { PagingProgress } from '../../../lib/jobs/paging';

let progress = new Map<string, PagingProgress>();
const listeners = new Set<() => void>();

export function setProgress(service: string, p: PagingProgress | null): void {
  const next = new Map(progress);
  if (p) next.set(service, p);
  else next.delete(service);
  progress = next;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Jobs loaded so far and still to come, over the given services' walks in progress. */
export function usePagingProgress(services: readonly string[]): { loaded: number; remaining: number; pages: number } {
  const map = useSyncExternalStore(subscribe, () => progress, () => progress);
  let loaded = 0;
  let remaining = 0;
  let pages = 0;
  for (const s of services) {
    const p = map.get(s);
    if (!p) continue;
    loaded += p.loaded;
    remaining += p.remaining;
    pages += p.pages;
  }
  return { loaded, remaining, pages };
}
