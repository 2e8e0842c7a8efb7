import { useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';

/**
 * Filter and sort in the URL (?q=&sort=&dir=), so a reload or a shared link restores them. The filter
 * text also lives in local state so typing never drops keys while the URL catches up.
 */
export function useViewParams<S extends string>(sorts: readonly S[], fallback: S) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const raw = params.get('sort') as S | null;
  const sort: S = raw && sorts.includes(raw) ? raw : fallback;
  const dir: 'asc' | 'desc' = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const location = useLocation();
  const navigationType = useNavigationType();
  const [text, setText] = useState(q);
  const [seenKey, setSeenKey] = useState(location.key);
  if (seenKey !== location.key) {
    setSeenKey(location.key);
    if (navigationType !== 'REPLACE' && text !== q) setText(q);
  }

  function update(change: (p: URLSearchParams) => void) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace: true },
    );
  }

  return {
    q: text,
    sort,
    dir,
    params,
    setQuery(value: string) {
      setText(value);
      update((p) => (value ? p.set('q', value) : p.delete('q')));
    },
    setSort(next: S, nextDir: 'asc' | 'desc') {
      update((p) => {
        p.set('sort', next);
        p.set('dir', nextDir);
      });
    },
    setParam(name: string, value: string | null) {
      update((p) => (value === null ? p.delete(name) : p.set(name, value)));
    },
    /** Several parameters in one navigation (two calls in a row would each start from the same URL). */
    setParams(values: Record<string, string | null>) {
      if ('q' in values) setText(values.q ?? '');
      update((p) => {
        for (const [name, value] of Object.entries(values)) {
          if (value === null || value === '') p.delete(name);
          else p.set(name, value);
        }
      });
    },
  };
}
