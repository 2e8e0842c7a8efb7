import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatBytes } from '../../../lib/units/transfer';
import type { ObjectRow } from '../lib/object-tree';

/** Names what goes: the files, and for folders everything inside them. */
export function DeleteObjectsDialog({
  rows,
  keys,
  bytes,
  busy,
  onConfirm,
  onCancel,
}: {
  rows: readonly ObjectRow[];
  keys: number;
  bytes: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const single = rows.length === 1 ? rows[0] : undefined;
  const folders = rows.filter((r) => r.kind === 'folder').length;
  const what = single ? `${single.name}${single.kind === 'folder' ? '/' : ''}` : `${rows.length} items`;
  return (
    <ConfirmDialog
      open={rows.length > 0}
      title={`Delete ${what}?`}
      confirmLabel={keys === 1 ? 'Delete 1 object' : `Delete ${keys.toLocaleString()} objects`}
      confirmText={single?.kind === 'folder' || keys > 20 ? (single ? single.name : 'delete') : undefined}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        {keys.toLocaleString()} {keys === 1 ? 'object' : 'objects'} ({formatBytes(bytes)})
        {folders > 0 ? ', including everything inside the selected folders,' : ''} will be deleted for good. Share links to
        them stop working.
      </p>
    </ConfirmDialog>
  );
}
