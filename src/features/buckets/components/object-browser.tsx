import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { MinIOObject } from '../../../api/types';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/button';
import { SearchInput } from '../../../components/search-input';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState } from '../../../components/states';
import { toast } from '../../../components/toast';
import { requestUpload } from '../../../lib/uploads/requests';
import { formatBytes } from '../../../lib/units/transfer';
import type { Picked } from '../../../lib/uploads/entries';
import { useDeleteObjects } from '../api/mutations';
import { canStreamToDisk, downloadObject, downloadZip, IN_MEMORY_ZIP_WARNING } from '../api/object-access';
import { browserCannotFetch } from '../lib/dot-keys';
import { filterRows, keysOf, rowsIn, sortRows, type FileRow, type ObjectRow } from '../lib/object-tree';
import { DeleteObjectsDialog } from './delete-objects-dialog';
import { DotKeyDownloadDialog, DotKeysInSelectionDialog } from './dot-key-dialogs';
import { DropZone } from './drop-zone';
import { ObjectTable, type ObjectActions } from './object-table';
import { PreviewPanel } from './preview-panel';
import { RequestFilesDialog } from './request-files-dialog';
import { ShareDialog } from './share-dialog';
import { UploadControls } from './upload-controls';
import { useElementWidth } from './use-element-width';
import { useViewParams } from './use-view-params';

const SORTS = ['name', 'size', 'modified'] as const;

/**
 * Below this width (px) of the listing, with the preview panel beside it, the table drops its Modified
 * column (the previewed file's date is in the panel) so the names and every action button still fit.
 */
export const COMPACT_LISTING_BELOW = 864;

/** One folder of a bucket: filter, sort, select, upload, delete, download, share and preview. */
export function ObjectBrowser({ bucket, prefix, objects, loading }: { bucket: string; prefix: string; objects: readonly MinIOObject[]; loading: string | null }) {
  const view = useViewParams(SORTS, 'name');
  const q = useDeferredValue(view.q);
  const all = useMemo(() => rowsIn(objects, prefix), [objects, prefix]);
  const shown = useMemo(() => sortRows(filterRows(all, q), view.sort, view.dir), [all, q, view.sort, view.dir]);
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const selected = useMemo(() => shown.filter((r) => picked.has(r.id)), [shown, picked]);
  const [deleting, setDeleting] = useState<ObjectRow[]>([]);
  const [sharing, setSharing] = useState<FileRow | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [zipping, setZipping] = useState<string | null>(null);
  // Files whose names browsers cannot fetch ("." or ".." folders): the commands that work instead.
  const [dotDownload, setDotDownload] = useState<ObjectRow | null>(null);
  const [dotSelection, setDotSelection] = useState<{ dotted: string[]; others: string[] } | null>(null);
  // A large zip in a browser that must build it in memory: asked first.
  const [bigZip, setBigZip] = useState<{ keys: readonly string[]; bytes: number } | null>(null);
  const del = useDeleteObjects(bucket);
  const previewName = view.params.get('preview');
  const preview = all.find((r): r is FileRow => r.kind === 'file' && r.name === previewName) ?? null;
  const listing = useRef<HTMLDivElement>(null);
  const listingWidth = useElementWidth(listing);
  const compact = preview !== null && listingWidth !== null && listingWidth < COMPACT_LISTING_BELOW;
  const deleteKeys = useMemo(() => keysOf(deleting, objects), [deleting, objects]);
  const deleteBytes = useMemo(() => {
    const set = new Set(deleteKeys);
    return objects.reduce((n, o) => n + (set.has(o.object_name ?? '') ? (o.size_bytes ?? 0) : 0), 0);
  }, [deleteKeys, objects]);

  const download = (r: ObjectRow) => {
    if (browserCannotFetch(r.id)) return setDotDownload(r);
    void downloadObject(bucket, r.id, r.size).catch((e: unknown) => toast(`Could not download ${r.name}: ${errorMessage(e)}`, 'error'));
  };

  const actions = useMemo<ObjectActions>(
    () => ({
      onOpen: (r) => view.setParam('preview', r.name),
      onDownload: download,
      onShare: (r) => r.kind === 'file' && setSharing(r),
      onDelete: (r) => setDeleting([r]),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the callbacks read the latest bucket through closures made per bucket
    [bucket, view.setParam],
  );

  function upload(p: Picked) {
    requestUpload({ bucket, prefix, ...p });
  }

  async function downloadSelected() {
    const keys = keysOf(selected, objects);
    if (keys.length === 1 && selected[0]?.kind === 'file') return download(selected[0]);
    const dotted = keys.filter(browserCannotFetch);
    if (dotted.length) return setDotSelection({ dotted, others: keys.filter((k) => !browserCannotFetch(k)) });
    await zipKeys(keys);
  }

  async function zipKeys(keys: readonly string[], confirmed = false) {
    if (!confirmed && !canStreamToDisk()) {
      const wanted = new Set(keys);
      const bytes = objects.reduce((n, o) => n + (wanted.has(o.object_name ?? '') ? (o.size_bytes ?? 0) : 0), 0);
      if (bytes > IN_MEMORY_ZIP_WARNING) return setBigZip({ keys, bytes });
    }
    setZipping(`0 of ${keys.length}`);
    try {
      await downloadZip(bucket, keys, prefix, (n) => setZipping(`${n} of ${keys.length}`));
    } catch (e) {
      toast(`Could not download the selection: ${errorMessage(e)}`, 'error');
    } finally {
      setZipping(null);
    }
  }

  function confirmDelete() {
    const keys = deleteKeys;
    del.mutate(keys, {
      onSuccess: ({ deleted, failed }) => {
        if (deleted.length) toast(`Deleted ${deleted.length === 1 ? deleted[0] : `${deleted.length} objects`}`, 'success');
        if (failed.length) toast(`${failed.length} could not be deleted: ${failed[0]?.key}: ${failed[0]?.message}`, 'error');
        setPicked(new Set());
        if (preview && deleted.includes(preview.id)) view.setParam('preview', null);
      },
      onError: (e) => toast(`Could not delete: ${errorMessage(e)}`, 'error'),
      onSettled: () => setDeleting([]),
    });
  }

  const target = `${bucket}/${prefix}`;
  return (
    <DropZone target={target} onDrop={upload}>
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput label="Filter by name" placeholder="Filter by name" value={view.q} onChange={view.setQuery} className="w-full sm:w-72" />
        <p className="text-sm text-muted" aria-live="polite">
          {shown.length === all.length ? `${all.length.toLocaleString()} items` : `${shown.length.toLocaleString()} of ${all.length.toLocaleString()} items`}
          {selected.length > 0 && ` · ${selected.length} selected`}
          {loading && ` · ${loading}`}
        </p>
        <div className="flex-1" />
        {selected.length > 0 && (
          <>
            <Button size="sm" busy={!!zipping} onClick={() => void downloadSelected()}>
              {zipping ? `Zipping ${zipping}` : 'Download selected'}
            </Button>
            <Button size="sm" variant="danger" onClick={() => setDeleting(selected)}>
              Delete selected
            </Button>
          </>
        )}
        <UploadControls onPick={upload} />
        <Button onClick={() => setRequesting(true)}>Request files</Button>
      </div>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
        <div ref={listing} className="min-w-0 flex-1">
          {all.length === 0 && !loading ? (
            <EmptyState title={prefix ? 'This folder is empty' : 'This bucket is empty'}>
              Drop files or folders anywhere here, or use Upload files / Upload folder. Large files are sent in parts and
              can be resumed if the connection drops.
            </EmptyState>
          ) : shown.length === 0 && q ? (
            <EmptyState title={`Nothing here matches “${q}”`} action={<Button onClick={() => view.setQuery('')}>Clear the filter</Button>} />
          ) : (
            <ObjectTable
              bucket={bucket}
              rows={shown}
              sort={view.sort}
              dir={view.dir}
              onSortChange={view.setSort}
              selected={picked}
              onSelectionChange={setPicked}
              actions={actions}
              compact={compact}
              className="max-h-[calc(100vh-16rem)]"
            />
          )}
        </div>
        {preview && (
          <PreviewPanel
            bucket={bucket}
            row={preview}
            onClose={() => view.setParam('preview', null)}
            onDownload={() => download(preview)}
            onShare={() => setSharing(preview)}
          />
        )}
      </div>
      <DeleteObjectsDialog rows={deleting} keys={deleteKeys.length} bytes={deleteBytes} busy={del.isPending} onConfirm={confirmDelete} onCancel={() => setDeleting([])} />
      {requesting && <RequestFilesDialog bucket={bucket} prefix={prefix} onClose={() => setRequesting(false)} />}
      {sharing && <ShareDialog bucket={bucket} objectKey={sharing.id} name={sharing.name} onClose={() => setSharing(null)} />}
      <ConfirmDialog
        open={!!bigZip}
        title={`Zip ${bigZip ? formatBytes(bigZip.bytes) : ''} in memory?`}
        confirmLabel="Zip anyway"
        onConfirm={() => {
          const keys = bigZip?.keys ?? [];
          setBigZip(null);
          void zipKeys(keys, true);
        }}
        onCancel={() => setBigZip(null)}
      >
        <p>
          This browser cannot write a download straight to disk, so the whole zip is built in memory before it is saved. At{' '}
          {bigZip ? formatBytes(bigZip.bytes) : ''} that can slow the tab down or crash it.
        </p>
        <p>Chrome and Edge write the zip straight to a file you pick. Or download the largest files one at a time.</p>
      </ConfirmDialog>
      {dotDownload && <DotKeyDownloadDialog bucket={bucket} objectKey={dotDownload.id} name={dotDownload.name} onClose={() => setDotDownload(null)} />}
      {dotSelection && (
        <DotKeysInSelectionDialog
          dotted={dotSelection.dotted}
          others={dotSelection.others.length}
          onDownloadOthers={() => void zipKeys(dotSelection.others)}
          onClose={() => setDotSelection(null)}
        />
      )}
    </DropZone>
  );
}
