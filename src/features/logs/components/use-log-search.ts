import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { LogBuffer } from '../lib/append';
import { compileSearch, SearchIndex } from '../lib/search';
import type { SearchState } from './log-search-bar';

/** Longest stretch of scanning in one task: a new search over 100,000 lines is done in slices. */
const SLICE_MS = 12;

/**
 * The search over one log: options, the compiled expression (or its error), the incremental index of
 * matches (rebuilt when the query or the log's generation changes, extended as lines arrive, scanned
 * in short slices so typing never holds the page), and the current match.
 */
export function useLogSearch(buffer: LogBuffer, version: number) {
  const [state, setState] = useState<SearchState>({ query: '', caseSensitive: false, regex: false, onlyMatching: false });
  const deferred = useDeferredValue(state);
  const compiled = useMemo(
    () => compileSearch(deferred.query, { caseSensitive: deferred.caseSensitive, regex: deferred.regex }),
    [deferred.query, deferred.caseSensitive, deferred.regex],
  );
  const re = compiled?.ok ? compiled.re : null;
  const generation = buffer.generation;
  // The buffer is mutable: its generation (a restart) and version (new lines) are what change.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const index = useMemo(() => (re ? new SearchIndex(re) : null), [re, generation]);

  // Scan what is new, a slice per task, rendering after each so the count grows as it goes.
  const [scan, setScan] = useState<{ index: SearchIndex | null; done: boolean; slices: number }>({ index: null, done: true, slices: 0 });
  useEffect(() => {
    if (!index) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      const done = index.update(buffer, performance.now() + SLICE_MS);
      setScan((s) => ({ index, done, slices: s.slices + 1 }));
      if (!done) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [index, buffer, version]);
  const searching = index !== null && (scan.index !== index || !scan.done);
  const counts = { occurrences: index?.occurrences.length ?? 0, lines: index?.lines.length ?? 0, capped: index?.capped ?? false };

  const [current, setCurrent] = useState<{ index: SearchIndex | null; pos: number }>({ index: null, pos: -1 });
  const pos = current.index === index ? current.pos : -1;
  const occurrence = index && pos >= 0 ? (index.occurrences[pos] ?? null) : null;

  /** Moves to the next (+1) or previous (−1) match; from `fromLine` when there is no current one. */
  function step(dir: 1 | -1, fromLine: number): { line: number; start: number } | null {
    if (!index || index.occurrences.length === 0) return null;
    const n = index.occurrences.length;
    const next = pos < 0 ? (dir === 1 ? index.nextFrom(fromLine) : (index.nextFrom(fromLine) - 1 + n) % n) : (pos + dir + n) % n;
    setCurrent({ index, pos: next });
    return index.occurrences[next] ?? null;
  }

  return {
    state,
    setState,
    error: compiled && !compiled.ok ? compiled.error : null,
    re,
    index,
    counts,
    /** Still scanning lines for this search: the counts may grow. */
    searching,
    pos,
    occurrence,
    step,
    /** Lines to show when "only matching lines" is on and the search is valid. */
    rows: state.onlyMatching && index ? index.lines : null,
  };
}
