import { useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';

/**
 * A list's view (filter, sort, …) kept in the URL, so a reload or a shared link restores it; `parse`
 * reads it from the search params and must give the text filter as `q` (?q=).
 *
 * The filter text also lives in local state: the URL updates as a navigation, a moment after each key,
 * and an input bound straight to it could drop keys. Back/forward or a link replaces the local text.
 * `update` changes other params in place (replace) unless told the change is a navigation of its own.
 */
export function useUrlListParams<View extends { q: string }>(parse: (params: URLSearchParams) => View) {
  const [params, setParams] = useSearchParams();
  const view = parse(params);
  const location = useLocation();
  const navigationType = useNavigationType();
  const [text, setText] = useState(view.q);
  const [seenKey, setSeenKey] = useState(location.key);
  if (seenKey !== location.key) {
    setSeenKey(location.key);
    if (navigationType !== 'REPLACE' && text !== view.q) setText(view.q);
  }

  function update(change: (next: URLSearchParams) => void, { replace = true }: { replace?: boolean } = {}) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace },
    );
  }

  /** Sets the filter text; `also` changes other params in the same navigation (two updates in one tick
   *  would each start from the same URL, and the second would undo the first). */
  function setQuery(q: string, also?: (next: URLSearchParams) => void) {
    setText(q);
    update((n) => {
      if (q) n.set('q', q);
      else n.delete('q');
      also?.(n);
    });
  }

  return { view, q: text, setQuery, update };
}
