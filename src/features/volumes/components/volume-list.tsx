import { useDeferredValue, useMemo, useState } from 'react';
import { errorMessage } from '../../../api/errors';
import type { ManagedVolume } from '../../../api/types';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { SearchInput } from '../../../components/search-input';
import { EmptyState } from '../../../components/states';
import { toast } from '../../../components/toast';
import { useUrlListParams } from '../../../components/use-url-list-params';
import { useDeleteVolumes, type DeleteVolumesOutcome } from '../api/mutations';
import { attachmentsText } from '../lib/volume-form';
import { applyVolumeView, parseVolumeView } from '../lib/volume-view';
import { CreateVolumeDialog } from './create-volume-dialog';
import { VolumeTable, type VolumeSort } from './volume-table';

/** The volumes with their filter and sort (in the URL), selection, create and delete. */
export function VolumeList({ volumes, maxPerVolume }: { volumes: readonly ManagedVolume[]; maxPerVolume?: string | undefined }) {
  const { view, q, setQuery, update } = useUrlListParams(parseVolumeView);
  const deferredQ = useDeferredValue(view.q);
  const shown = useMemo(() => applyVolumeView(volumes, { ...view, q: deferredQ }), [volumes, view, deferredQ]);
  const setSort = (sort: VolumeSort, dir: 'asc' | 'desc') =>
    update((n) => {
      n.set('sort', sort);
      n.set('dir', dir);
    });

  // Only rows shown count as selected, so a delete never touches a volume the filter hides.
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const selected = useMemo(() => shown.filter((v) => picked.has(v.name ?? '')), [shown, picked]);
  const attached = selected.filter((v) => v.attachments?.length);
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState<DeleteVolumesOutcome['failed']>([]);
  const del = useDeleteVolumes();
  const byName = useMemo(() => new Map(volumes.map((v) => [v.name ?? '', v])), [volumes]);

  function confirmDelete() {
    setFailed([]);
    del.mutate(
      selected.map((v) => v.name ?? ''),
      {
        onSuccess: ({ deleted, failed: f }) => {
          setConfirming(false);
          setPicked((prev) => new Set([...prev].filter((n) => !deleted.includes(n))));
          setFailed(f);
          if (deleted.length) toast(`Deleted ${deleted.length === 1 ? `volume ${deleted[0]}` : `${deleted.length} volumes`}`, 'success');
        },
        onError: (e) => {
          setConfirming(false);
          toast(`Could not delete: ${errorMessage(e)}`, 'error');
        },
      },
    );
  }

  const createButton = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      Create volume
    </Button>
  );
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchInput label="Filter volumes" placeholder="Filter by name, owner or service" value={q} onChange={setQuery} className="w-full sm:w-80" />
        <p className="text-sm text-muted" aria-live="polite">
          {shown.length === volumes.length ? `${volumes.length} volumes` : `${shown.length} of ${volumes.length} volumes`}
          {selected.length > 0 && ` · ${selected.length} selected`}
        </p>
        <div className="flex-1" />
        <Button size="sm" variant="danger" disabled={selected.length === 0} onClick={() => setConfirming(true)}>
          {selected.length > 1 ? `Delete ${selected.length} volumes` : 'Delete volume'}
        </Button>
        {createButton}
      </div>
      {failed.length > 0 && (
        <div role="alert" className="flex flex-col gap-2 rounded-lg border border-danger/40 bg-danger-soft px-4 py-3 text-sm">
          <p className="font-semibold text-danger">{failed.length === 1 ? 'One volume was not deleted' : `${failed.length} volumes were not deleted`}</p>
          <ul className="flex flex-col gap-1">
            {failed.map((f) => {
              const holders = attachmentsText(byName.get(f.name) ?? {});
              return (
                <li key={f.name}>
                  <span className="font-mono">{f.name}</span>: {f.message}
                  {holders && ` It is mounted by ${holders}: remove it from that service (or delete the service) first.`}
                </li>
              );
            })}
          </ul>
          <div>
            <Button size="sm" onClick={() => setFailed([])}>
              Dismiss
            </Button>
          </div>
        </div>
      )}
      {volumes.length === 0 ? (
        <EmptyState title="No volumes yet" action={createButton}>
          A volume is a disk that keeps its files between a service&apos;s runs. Create one here and name it in a
          service&apos;s Persistent volume section, or let a service create its own.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title={`No volumes match “${deferredQ}”`} action={<Button onClick={() => setQuery('')}>Clear the filter</Button>}>
          The filter looks at each volume&apos;s name, owner and services.
        </EmptyState>
      ) : (
        <VolumeTable rows={shown} sort={view.sort} dir={view.dir} onSortChange={setSort} selected={picked} onSelectionChange={setPicked} />
      )}
      <CreateVolumeDialog open={creating} onClose={() => setCreating(false)} maxPerVolume={maxPerVolume} />
      <ConfirmDialog
        open={confirming}
        title={selected.length > 1 ? `Delete ${selected.length} volumes?` : `Delete volume ${selected[0]?.name ?? ''}?`}
        confirmLabel={selected.length > 1 ? `Delete ${selected.length} volumes` : 'Delete volume'}
        busy={del.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(false)}
      >
        <p>The files on {selected.length > 1 ? 'these volumes' : 'this volume'} are lost for good.</p>
        <ul className="list-inside list-disc font-mono text-sm">
          {selected.map((v) => (
            <li key={v.name}>
              {v.name} <span className="font-sans text-muted">({v.size})</span>
            </li>
          ))}
        </ul>
        {attached.length > 0 && (
          <p className="rounded-md border border-warn/50 bg-warn-soft px-3 py-2 text-sm">
            The cluster refuses to delete a volume a service mounts:{' '}
            {attached.map((v) => `${v.name ?? ''} is mounted by ${attachmentsText(v)}`).join('; ')}.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
