import { useState } from 'react';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { toast } from '../../../components/toast';
import { useCreateBucket } from '../api/mutations';
import { parseUsers, VisibilityFields, type Visibility } from './visibility-fields';

const NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Why a name is not a valid bucket name, in words; null when it is. */
export function bucketNameProblem(name: string): string | null {
  if (!name) return 'Give the bucket a name.';
  if (!NAME.test(name) || name.includes('..')) return 'Use 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.';
  return null;
}

export function CreateBucketDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (name: string) => void }) {
  const [name, setName] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('private');
  const [users, setUsers] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useCreateBucket();
  const problem = bucketNameProblem(name);
  const close = () => {
    setName('');
    setVisibility('private');
    setUsers('');
    setTouched(false);
    create.reset();
    onClose();
  };
  function submit() {
    setTouched(true);
    if (problem) return;
    create.mutate(
      { bucket_name: name, visibility, ...(visibility === 'restricted' ? { allowed_users: parseUsers(users) } : {}) },
      {
        onSuccess: () => {
          toast(`Created bucket ${name}`, 'success');
          onCreated(name);
          close();
        },
      },
    );
  }
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create bucket"
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" busy={create.isPending} onClick={submit}>
            Create bucket
          </Button>
        </>
      }
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="flex flex-col gap-1">
          <span className="font-medium">Name</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value.trim())}
            onBlur={() => setTouched(true)}
            aria-invalid={touched && !!problem}
            aria-describedby="bucket-name-help"
            autoComplete="off"
            spellCheck={false}
            className="rounded-md border border-line bg-canvas px-2 py-1.5 font-mono"
          />
          <span id="bucket-name-help" className={touched && problem ? 'text-danger' : 'text-muted'}>
            {touched && problem ? problem : 'Lowercase letters, digits, dots and hyphens.'}
          </span>
        </label>
        <VisibilityFields visibility={visibility} users={users} onVisibility={setVisibility} onUsers={setUsers} />
        {create.isError && (
          <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-danger">
            {errorMessage(create.error)}
          </p>
        )}
      </form>
    </Dialog>
  );
}
