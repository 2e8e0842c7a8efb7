import { useState } from 'react';
import { errorMessage } from '../../../api/errors';
import type { MinIOBucket } from '../../../api/types';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { toast } from '../../../components/toast';
import { useUpdateBucket } from '../api/mutations';
import { parseUsers, VisibilityFields, type Visibility } from './visibility-fields';

function current(b: MinIOBucket): Visibility {
  return b.visibility === 'public' || b.visibility === 'restricted' ? b.visibility : 'private';
}

export function VisibilityDialog({ bucket, onClose }: { bucket: MinIOBucket | null; onClose: () => void }) {
  return bucket ? <VisibilityForm key={bucket.bucket_name} bucket={bucket} onClose={onClose} /> : null;
}

function VisibilityForm({ bucket, onClose }: { bucket: MinIOBucket; onClose: () => void }) {
  const [visibility, setVisibility] = useState<Visibility>(current(bucket));
  const [users, setUsers] = useState((bucket.allowed_users ?? []).join('\n'));
  const update = useUpdateBucket();
  const name = bucket.bucket_name ?? '';
  function save() {
    update.mutate(
      { bucket_name: name, visibility, ...(visibility === 'restricted' ? { allowed_users: parseUsers(users) } : {}) },
      {
        onSuccess: () => {
          toast(`${name} is now ${visibility}`, 'success');
          onClose();
        },
      },
    );
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Visibility of ${name}`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={update.isPending} onClick={save}>
            Save
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-4">
        <VisibilityFields visibility={visibility} users={users} onVisibility={setVisibility} onUsers={setUsers} />
        {update.isError && (
          <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-danger">
            {errorMessage(update.error)}
          </p>
        )}
      </div>
    </Dialog>
  );
}
