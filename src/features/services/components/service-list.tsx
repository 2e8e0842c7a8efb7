import { useDeferredValue, useMemo, useState } from 'react';
import type { Service } from '../../../api/types';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/button';
import { SearchInput } from '../../../components/search-input';
import { EmptyState } from '../../../components/states';
import { toast } from '../../../components/toast';
import { useDeleteServices, type DeleteFailure } from '../api/mutations';
import { filterRows, sortRows, toRow } from '../lib/list-view';
import { DeleteFailures } from './delete-failures';
import { DeleteServicesDialog } from './delete-services-dialog';
import { ServiceTable } from './service-table';
import { useListParams } from './use-list-params';

function namesText(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.length} services`;
}

/** The list with its filter, sort, selection and bulk delete. */
export function ServiceList({ services }: { services: readonly Service[] }) {
  const { q, sort, dir, setQuery, setSort } = useListParams();
  const deferredQ = useDeferredValue(q);
  const rows = useMemo(() => services.map(toRow), [services]);
  const shown = useMemo(() => sortRows(filterRows(rows, deferredQ), sort, dir), [rows, deferredQ, sort, dir]);

  // Only rows that are shown count as selected, so a delete never touches a service the filter hides.
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const selected = useMemo(() => shown.filter((r) => picked.has(r.name)), [shown, picked]);
  const [confirming, setConfirming] = useState(false);
  const [failures, setFailures] = useState<DeleteFailure[]>([]);
  const del = useDeleteServices();

  function confirmDelete() {
    const names = selected.map((r) => r.name);
    setFailures([]);
    del.mutate(names, {
      onSuccess: ({ deleted, failed }) => {
        setConfirming(false);
        setPicked((prev) => new Set([...prev].filter((n) => !deleted.includes(n))));
        setFailures(failed);
        if (deleted.length > 0) toast(`Deleted ${namesText(deleted)}`, 'success');
      },
      onError: (e) => {
        setConfirming(false);
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
        <Button size="sm" variant="danger" disabled={selected.length === 0} onClick={() => setConfirming(true)}>
          {selected.length > 1 ? `Delete ${selected.length} services` : 'Delete service'}
        </Button>
      </div>
      <DeleteFailures failures={failures} onDismiss={() => setFailures([])} />
      {shown.length === 0 ? (
        <EmptyState
          title={`No services match “${deferredQ}”`}
          action={<Button onClick={() => setQuery('')}>Clear the filter</Button>}
        >
          The filter looks at each service&apos;s name, image and owner.
        </EmptyState>
      ) : (
        <ServiceTable
          rows={shown}
          sort={sort}
          dir={dir}
          onSortChange={setSort}
          selected={picked}
          onSelectionChange={setPicked}
        />
      )}
      <DeleteServicesDialog
        open={confirming}
        services={selected.map((r) => r.service)}
        busy={del.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
