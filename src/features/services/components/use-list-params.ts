import { useUrlListParams } from '../../../components/use-url-list-params';
import { parseListParams, type SortDir, type SortKey } from '../lib/list-view';

/** The services list's filter and sort, kept in the URL (?q=&sort=&dir=). */
export function useListParams() {
  const { view, q, setQuery, update } = useUrlListParams(parseListParams);
  function setSort(sort: SortKey, dir: SortDir) {
    update((n) => {
      n.set('sort', sort);
      n.set('dir', dir);
    });
  }
  return { q, sort: view.sort, dir: view.dir, setQuery, setSort };
}
