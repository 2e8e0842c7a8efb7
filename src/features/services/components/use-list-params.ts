import { useUrlListParams } from '../../../components/use-url-list-params';
import { parseListParams, type SortDir, type SortKey, type Visibility } from '../lib/list-view';

/** The services list's filters and sort, kept in the URL (?q=&vis=&mine=&sort=&dir=). */
export function useListParams() {
  const { view, q, setQuery, update } = useUrlListParams(parseListParams);
  function setSort(sort: SortKey, dir: SortDir) {
    update((n) => {
      n.set('sort', sort);
      n.set('dir', dir);
    });
  }
  const facets = (vis: readonly Visibility[], mine: boolean) => (n: URLSearchParams) => {
    if (vis.length) n.set('vis', vis.join(','));
    else n.delete('vis');
    if (mine) n.set('mine', '1');
    else n.delete('mine');
  };
  function setFacets(vis: readonly Visibility[], mine: boolean) {
    update(facets(vis, mine));
  }
  /** No text, every visibility, everyone's services: one navigation. */
  function clearFilters() {
    setQuery('', facets([], false));
  }
  return { q, sort: view.sort, dir: view.dir, vis: view.vis, mine: view.mine, setQuery, setSort, setFacets, clearFilters };
}
