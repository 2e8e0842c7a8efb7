import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Service } from '../../../api/types';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/button';
import { SearchInput } from '../../../components/search-input';
import { EmptyState } from '../../../components/states';
import { toast } from '../../../components/toast';
import { useDeleteServices, type DeleteFailure } from '../api/mutations';
import { useSession } from '../../../lib/session/session';
import { filterByFacets, filterRows, ownerIdOf, sortRows, toRow, VISIBILITIES, type Visibility } from '../lib/list-view';
import { DeleteFailures } from './delete-failures';
import { DeleteServicesDialog } from './delete-services-dialog';
import { ServiceTable } from './service-table';
import { useListParams } from './use-list-params';
import type { ServiceAction } from './service-row-menu';
import { useServiceActions } from './use-service-actions';

function namesText(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.length} services`;
}

/** The list with its filter, sort, selection and bulk delete. */
export function ServiceList({ services }: { services: readonly Service[] }) {
  const { q, sort, dir, vis, mine, setQuery, setSort, setFacets, clearFilters } = useListParams();
  const me = ownerIdOf(useSession());
  const deferredQ = useDeferredValue(q);
  const rows = useMemo(() => services.map(toRow), [services]);
  const shown = useMemo(
    () => sortRows(filterRows(filterByFacets(rows, { vis, mine }, me), deferredQ), sort, dir),
    [rows, vis, mine, me, deferredQ, sort, dir],
  );
  const faceted = vis.length > 0 || mine;
  const toggleVis = (v: Visibility) => setFacets(vis.includes(v) ? vis.filter((x) => x !== v) : [...vis, v], mine);

  // Only rows that are shown count as selected, so a delete never touches a service the filter hides.
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const selected = useMemo(() => shown.filter((r) => picked.has(r.name)), [shown, picked]);
  // Who a delete is for: the selection (the toolbar's button) or one row (its menu).
  const [confirming, setConfirming] = useState<readonly Service[] | null>(null);
  const actions = useServiceActions();
  // One handler for the table's whole life, so its memoised rows do not all redraw on each render here.
  const latestAction = useRef((action: ServiceAction, service: Service) => (action === 'delete' ? setConfirming([service]) : actions.run(action, service)));
  useLayoutEffect(() => {
    latestAction.current = (action, service) => (action === 'delete' ? setConfirming([service]) : actions.run(action, service));
  });
  const onAction = useCallback((action: ServiceAction, service: Service) => latestAction.current(action, service), []);
  const [failures, setFailures] = useState<DeleteFailure[]>([]);
  const del = useDeleteServices();

  function confirmDelete() {
    const names = (confirming ?? []).map((s) => s.name);
    setFailures([]);
    del.mutate(names, {
      onSuccess: ({ deleted, failed }) => {
        setConfirming(null);
        setPicked((prev) => new Set([...prev].filter((n) => !deleted.includes(n))));
        setFailures(failed);
        if (deleted.length > 0) toast(`Deleted ${namesText(deleted)}`, 'success');
      },
      onError: (e) => {
        setConfirming(null);
        toast(`Could not delete: ${errorMessage(e)}`, 'error');
      },
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchInput
          label="Filter services"
          placeholder="Filter by name, image or owner"
          value={q}
          onChange={setQuery}
          className="w-full sm:w-80"
        />
        <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <legend className="sr-only">Show only</legend>
          {VISIBILITIES.map((v) => (
            <label key={v} className="inline-flex items-center gap-1.5 capitalize">
              <input type="checkbox" checked={vis.includes(v)} onChange={() => toggleVis(v)} className="size-4 accent-accent" />
              {v}
            </label>
          ))}
          <label className="inline-flex items-center gap-1.5">
            <input type="checkbox" checked={mine} onChange={() => setFacets(vis, !mine)} className="size-4 accent-accent" />
            Only mine
          </label>
        </fieldset>
        <p className="text-sm text-muted" aria-live="polite">
          {shown.length === rows.length ? `${rows.length} services` : `${shown.length} of ${rows.length} services`}
          {selected.length > 0 && ` · ${selected.length} selected`}
        </p>
        <div className="flex-1" />
        {selected.length > 0 && (
          <Button size="sm" variant="ghost" onClick={() => setPicked(new Set())}>
            Clear selection
          </Button>
        )}
        <Button size="sm" variant="danger" disabled={selected.length === 0} onClick={() => setConfirming(selected.map((r) => r.service))}>
          {selected.length > 1 ? `Delete ${selected.length} services` : 'Delete service'}
        </Button>
      </div>
      <DeleteFailures failures={failures} onDismiss={() => setFailures([])} />
      {shown.length === 0 ? (
        <EmptyState
          title={deferredQ ? `No services match “${deferredQ}”` : 'No services match these filters'}
          action={
            <Button onClick={clearFilters}>
              {faceted && deferredQ ? 'Clear the filters' : 'Clear the filter'}
            </Button>
          }
        >
          {faceted
            ? `Shown: ${[vis.length ? vis.join(', ') : '', mine ? 'yours only' : ''].filter(Boolean).join('; ')}. The text filter looks at each service's name, image and owner.`
            : "The filter looks at each service's name, image and owner."}
        </EmptyState>
      ) : (
        <ServiceTable
          rows={shown}
          sort={sort}
          dir={dir}
          onSortChange={setSort}
          selected={picked}
          onSelectionChange={setPicked}
          onAction={onAction}
        />
      )}
      <DeleteServicesDialog
        open={confirming !== null}
        services={confirming ?? []}
        busy={del.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(null)}
      />
      {actions.dialogs}
    </div>
  );
}
