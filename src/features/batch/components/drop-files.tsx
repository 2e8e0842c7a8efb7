import { useEffect, useRef, useState } from 'react';
import { clsx } from 'clsx';
import { Button } from '../../../components/button';
import { formatBytes } from '../../../lib/units/transfer';
import { readDrop, readInput, type Picked } from '../../../lib/uploads/entries';

function hasFiles(e: React.DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Where the files of a dropped batch are given: dropped on the zone, or picked with its buttons (files, or
 * a folder with its structure), by keyboard too. What is given is added to what was given before.
 */
export function DropFiles({ target, picked, onPick }: { target: string; picked: Picked; onPick: (p: Picked) => void }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  useEffect(() => {
    // Not a React prop: the folder picker is switched on by attribute.
    folder.current?.setAttribute('webkitdirectory', '');
  }, []);
  const add = (more: Picked) => {
    const seen = new Set(picked.files.map((f) => f.relativePath));
    onPick({ files: [...picked.files, ...more.files.filter((f) => !seen.has(f.relativePath))], emptyFolders: [] });
  };
  const take = (input: HTMLInputElement | null) => {
    if (!input?.files?.length) return;
    add(readInput(input.files));
    input.value = '';
  };
  const bytes = picked.files.reduce((n, f) => n + f.file.size, 0);
  return (
    <div
      data-testid="batch-drop-zone"
      className={clsx(
        'flex flex-col items-center gap-3 rounded-lg border-2 border-dashed p-6 text-center text-sm',
        over ? 'border-accent bg-accent-soft' : 'border-line bg-canvas',
      )}
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        // Read now: the dropped items are only available while the event runs.
        void readDrop(e.dataTransfer).then(add);
      }}
    >
      <p>
        Drop files or folders here, or choose them. They are uploaded into <span className="font-mono whitespace-pre">{target}</span>.
      </p>
      <input ref={files} type="file" multiple hidden aria-label="Files for the batch" onChange={(e) => take(e.currentTarget)} />
      <input ref={folder} type="file" multiple hidden aria-label="Folder for the batch" onChange={(e) => take(e.currentTarget)} />
      <div className="flex flex-wrap justify-center gap-2">
        <Button onClick={() => files.current?.click()}>Choose files</Button>
        <Button onClick={() => folder.current?.click()}>Choose a folder</Button>
        {picked.files.length > 0 && (
          <Button variant="ghost" onClick={() => onPick({ files: [], emptyFolders: [] })}>
            Clear
          </Button>
        )}
      </div>
      <p role="status" className="text-muted" data-testid="batch-dropped-count">
        {picked.files.length === 0
          ? 'No file chosen yet.'
          : `${picked.files.length} file${picked.files.length === 1 ? '' : 's'} chosen (${formatBytes(bytes)}): ${picked.files
              .slice(0, 3)
              .map((f) => f.relativePath)
              .join(', ')}${picked.files.length > 3 ? ` and ${picked.files.length - 3} more` : ''}`}
      </p>
    </div>
  );
}
