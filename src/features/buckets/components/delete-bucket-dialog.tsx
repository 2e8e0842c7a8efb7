import type { MinIOBucket } from '../../../api/types';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatBytes } from '../../../lib/units/transfer';
import type { BucketUse } from '../lib/bucket-services';

/** Says what goes with the bucket (its objects and bytes) and which services use it, then asks for its name. */
export function DeleteBucketDialog({
  bucket,
  uses,
  busy,
  onConfirm,
  onCancel,
}: {
  bucket: MinIOBucket | null;
  uses: readonly BucketUse[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const name = bucket?.bucket_name ?? '';
  const objects = bucket?.storage_usage?.objects;
  const bytes = bucket?.storage_usage?.used_bytes;
  const services = [...new Set(uses.map((u) => u.service))];
  return (
    <ConfirmDialog
      open={!!bucket}
      title={`Delete bucket ${name}?`}
      confirmLabel="Delete bucket"
      confirmText={name}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        The bucket and everything in it are deleted for good
        {objects !== undefined ? (
          <>
            : <strong>{objects.toLocaleString()} objects</strong>
            {bytes !== undefined && <> ({formatBytes(bytes)})</>}
          </>
        ) : null}
        . Share links to its files stop working.
      </p>
      {services.length > 0 && (
        <p className="rounded-md bg-warn-soft px-3 py-2">
          Used by {services.length === 1 ? 'the service' : 'the services'} <strong>{services.join(', ')}</strong>: uploads
          there would no longer start jobs, and OSCAR refuses to delete a bucket a service still uses.
        </p>
      )}
    </ConfirmDialog>
  );
}
