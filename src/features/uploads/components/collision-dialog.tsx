import { useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import type { CollisionChoice } from '../lib/plan-request';
import { Name } from '../../../components/name';

/** One name that already exists: replace it, keep both, or skip, for this one or for all that remain. */
export function CollisionDialog({
  bucket,
  objectKey,
  remaining,
  onChoose,
  onCancel,
}: {
  bucket: string;
  objectKey: string;
  /** Collisions after this one. */
  remaining: number;
  onChoose: (choice: CollisionChoice, forAll: boolean) => void;
  onCancel: () => void;
}) {
  const [forAll, setForAll] = useState(true);
  return (
    <Dialog
      open
      onClose={onCancel}
      title="A file with this name already exists"
      footer={
        <>
          <Button onClick={onCancel}>Cancel upload</Button>
          <Button onClick={() => onChoose('skip', forAll)}>Skip</Button>
          <Button onClick={() => onChoose('keep-both', forAll)}>Keep both</Button>
          <Button variant="danger" onClick={() => onChoose('replace', forAll)}>
            Replace
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <p>
          <span className="font-mono break-all whitespace-pre-wrap">
            <Name value={objectKey} />
          </span>{' '}
          is already in{' '}
          <span className="font-mono">
            <Name value={bucket} />
          </span>. Replace it, keep both (the new one gets a number), or skip this file?
        </p>
        {remaining > 0 && (
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={forAll} onChange={(e) => setForAll(e.target.checked)} className="size-4 accent-accent" />
            Do the same for the other {remaining} {remaining === 1 ? 'name' : 'names'} that exist
          </label>
        )}
      </div>
    </Dialog>
  );
}
