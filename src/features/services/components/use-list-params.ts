import { useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';
import { parseListParams, type SortDir, type SortKey } from '../lib/list-view';

/**
 * The list's filter and sort, kept in the URL (?q=&sort=&dir=) so a reload or a shared link restores them.
 * The filter text also lives in local state: the URL updates as a navigation, a moment after each key,
 * and an input bound straight to it could drop keys. Back/forward or a link replaces the local text.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const view = parseListParams(params);
  const location = useLocation();
  const navigationType = useNavigationType();
  const [text, setText] = useState(view.q);
  const [seenKey, setSeenKey] = useState(location.key);
  if (seenKey !== location.key) {
    setSeenKey(location.key);
    if (navigationType !== 'REPLACE' && text !== view.q) setText(view.q);
  }

  function setQuery(q: string) {
    setText(q);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (q) next.set('q', q);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }

  function setSort(sort: SortKey, dir: SortDir) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('sort', sort);
        next.set('dir', dir);
        return next;
      },
      { replace: true },
    );
  }

  return { q: text, sort: view.sort, dir: view.dir, setQuery, setSort };
}
