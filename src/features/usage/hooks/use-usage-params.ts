// The usage page's state in the URL: range (?range=30d or ?start=…&end=…), breakdown grouping
// (?by=user), whether to list users (?users=1) and the breakdown table's sort (?sort=key:asc), so any
// view can be linked and reloaded.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseRangeParams, writeRangeParams, type RangeSpec } from '../../../lib/metrics/range';
import { GROUP_BYS, type GroupBy } from '../api/queries';

export interface BreakdownSort {
  id: string;
  dir: 'asc' | 'desc';
}

export const DEFAULT_SORT: BreakdownSort = { id: 'requests_count_total', dir: 'desc' };

function parseSort(raw: string | null): BreakdownSort {
  const m = raw?.match(/^([a-z_]+):(asc|desc)$/);
  return m ? { id: m[1] as string, dir: m[2] as 'asc' | 'desc' } : DEFAULT_SORT;
}

export function useUsageParams() {
  const [params, setParams] = useSearchParams();
  const parsed = useMemo(() => parseRangeParams(params), [params]);
  const rawBy = params.get('by');
  const groupBy: GroupBy = GROUP_BYS.includes(rawBy as GroupBy) ? (rawBy as GroupBy) : 'service';
  const includeUsers = params.get('users') === '1';
  const sort = parseSort(params.get('sort'));

  const update = useCallback(
    (change: (p: URLSearchParams) => URLSearchParams, replace = false) =>
      setParams((prev) => change(new URLSearchParams(prev)), { replace }),
    [setParams],
  );

  const setRange = useCallback((spec: RangeSpec) => update((p) => writeRangeParams(p, spec)), [update]);
  const setGroupBy = useCallback(
    (by: GroupBy) =>
      update((p) => {
        if (by === 'service') p.delete('by');
        else p.set('by', by);
        p.delete('sort');
        return p;
      }),
    [update],
  );
  const setIncludeUsers = useCallback(
    (on: boolean) =>
      update((p) => {
        if (on) p.set('users', '1');
        else p.delete('users');
        return p;
      }, true),
    [update],
  );
  const setSort = useCallback(
    (s: BreakdownSort) =>
      update((p) => {
        if (s.id === DEFAULT_SORT.id && s.dir === DEFAULT_SORT.dir) p.delete('sort');
        else p.set('sort', `${s.id}:${s.dir}`);
        return p;
      }, true),
    [update],
  );

  return {
    spec: parsed.spec,
    rangeProblem: parsed.problem,
    groupBy,
    includeUsers,
    sort,
    setRange,
    setGroupBy,
    setIncludeUsers,
    setSort,
  };
}
