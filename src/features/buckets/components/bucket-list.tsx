import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../api/errors';
import type { MinIOBucket } from '../../../api/types';
import { Button } from '../../../components/button';
import { SearchInput } from '../../../components/search-input';
import { EmptyState } from '../../../components/states';
import { toast } from '../../../components/toast';
import { useSession } from '../../../lib/session/session';
import { ownerIdOf } from '../../../lib/session/owner';
import { useDeleteBucket } from '../api/mutations';
import { bucketHref } from '../lib/bucket-paths';
import type { BucketUse } from '../lib/bucket-services';
import { BucketTable, type BucketSort } from './bucket-table';
import { CreateBucketDialog } from './create-bucket-dialog';
import { DeleteBucketDialog } from './delete-bucket-dialog';
import { useViewParams } from './use-view-params';
import { VisibilityDialog } from './visibility-dialog';

const SORTS = ['name', 'owner', 'visibility', 'size', 'objects'] as const;
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortValue(b: MinIOBucket, s: BucketSort): string | number {
  if (s === 'size') return b.storage_usage?.used_bytes ?? -1;
  if (s === 'objects') return b.storage_usage?.objects ?? -1;
  if (s === 'owner') return b.owner ?? '';
  if (s === 'visibility') return b.visibility ?? '';
  return b.bucket_name ?? '';
}

export function BucketList({ buckets, uses }: { buckets: readonly MinIOBucket[]; uses: ReadonlyMap<string, BucketUse[]> }) {
  const view = useViewParams(SORTS, 'name');
  const q = useDeferredValue(view.q);
  const mine = view.params.get('mine') === '1';
  const me = ownerIdOf(useSession());
  const navigate = useNavigate();
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const list = buckets.filter((b) => {
      if (mine && (me === '' || b.owner !== me)) return false;
      if (!needle) return true;
      const services = (uses.get(b.bucket_name ?? '') ?? []).map((u) => u.service).join(' ');
      return `${b.bucket_name} ${b.owner ?? ''} ${services}`.toLowerCase().includes(needle);
    });
    const sign = view.dir === 'asc' ? 1 : -1;
    return list.sort((a, b) => {
      const x = sortValue(a, view.sort);
      const y = sortValue(b, view.sort);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return sign * (c || collator.compare(a.bucket_name ?? '', b.bucket_name ?? ''));
    });
  }, [buckets, uses, q, mine, me, view.sort, view.dir]);

  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<MinIOBucket | null>(null);
  const [deleting, setDeleting] = useState<MinIOBucket | null>(null);
  const del = useDeleteBucket();
  const onVisibility = useCallback((b: MinIOBucket) => setChanging(b), []);
  const onDelete = useCallback((b: MinIOBucket) => setDeleting(b), []);

  function confirmDelete() {
    const name = deleting?.bucket_name ?? '';
    del.mutate(name, {
      onSuccess: () => toast(`Deleted bucket ${name}`, 'success'),
      onError: (e) => toast(`Could not delete ${name}: ${errorMessage(e)}`, 'error'),
      onSettled: () => setDeleting(null),
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchInput
          label="Filter buckets"
          placeholder="Filter by name, owner or service"
          value={view.q}
          onChange={view.setQuery}
          className="w-full sm:w-80"
        />
        <label className="inline-flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={mine} onChange={() => view.setParam('mine', mine ? null : '1')} className="size-4 accent-accent" />
          Only mine
        </label>
        <p className="text-sm text-muted" aria-live="polite">
          {shown.length === buckets.length ? `${buckets.length} buckets` : `${shown.length} of ${buckets.length} buckets`}
        </p>
        <div className="flex-1" />
        <Button variant="primary" onClick={() => setCreating(true)}>
          Create bucket
        </Button>
      </div>
      {buckets.length === 0 ? (
        <EmptyState title="No buckets yet" action={<Button variant="primary" onClick={() => setCreating(true)}>Create your first bucket</Button>}>
          A bucket holds files: a service&apos;s inputs and outputs, data sets, models. Services create their own; you
          can create more for your data.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState
          title={q ? `No buckets match “${q}”` : 'You own none of these buckets'}
          action={
            <Button
              onClick={() => view.setParams({ q: null, mine: null })}
            >
              {q && mine ? 'Clear the filters' : 'Clear the filter'}
            </Button>
          }
        >
          {mine
            ? 'Shown: yours only (the buckets you created, and those OSCAR made for your services). The text filter looks at each bucket’s name, owner and services.'
            : 'The filter looks at each bucket’s name, owner and services.'}
        </EmptyState>
      ) : (
        <BucketTable
          rows={shown}
          uses={uses}
          sort={view.sort}
          dir={view.dir}
          onSortChange={view.setSort}
          onVisibility={onVisibility}
          onDelete={onDelete}
        />
      )}
      <CreateBucketDialog open={creating} onClose={() => setCreating(false)} onCreated={(name) => navigate(bucketHref(name))} />
      <VisibilityDialog bucket={changing} onClose={() => setChanging(null)} />
      <DeleteBucketDialog
        bucket={deleting}
        uses={uses.get(deleting?.bucket_name ?? '') ?? []}
        busy={del.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
