import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { readInput, type Picked } from '../../../lib/uploads/entries';

/** Pick files, pick a folder (its structure kept), or make an empty folder. */
export function UploadControls({ onPick }: { onPick: (picked: Picked) => void }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  useEffect(() => {
    // Not a React prop: the folder picker is switched on by attribute.
    folder.current?.setAttribute('webkitdirectory', '');
  }, []);
  const take = (input: HTMLInputElement | null) => {
    if (!input?.files?.length) return;
    onPick(readInput(input.files));
    input.value = '';
  };
  const close = () => {
    setNaming(false);
    setName('');
  };
  const create = () => {
    if (!name || name.includes('/')) return;
    onPick({ files: [], emptyFolders: [`${name}/`] });
    close();
  };
  return (
    <>
      <input ref={files} type="file" multiple hidden aria-label="Files to upload" onChange={(e) => take(e.currentTarget)} />
      <input ref={folder} type="file" multiple hidden aria-label="Folder to upload" onChange={(e) => take(e.currentTarget)} />
      <Button variant="primary" onClick={() => files.current?.click()}>
        Upload files
      </Button>
      <Button onClick={() => folder.current?.click()}>Upload folder</Button>
      <Button onClick={() => setNaming(true)}>New folder</Button>
      <Dialog
        open={naming}
        onClose={close}
        title="New folder"
        footer={
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" disabled={!name || name.includes('/')} onClick={create}>
              Create folder
            </Button>
          </>
        }
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
        >
          <label className="flex flex-col gap-1">
            <span className="font-medium">Folder name</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="rounded-md border border-line bg-canvas px-2 py-1.5 font-mono"
            />
            <span className={name.includes('/') ? 'text-danger' : 'text-muted'}>
              {name.includes('/') ? 'A folder name cannot contain "/".' : 'Stored as typed; an empty folder is kept as a folder marker.'}
            </span>
          </label>
        </form>
      </Dialog>
    </>
  );
}
