import { useId, useRef, useState, type DragEvent } from 'react';
import { clsx } from 'clsx';
import { formatBytes } from '../../../lib/units/quantity';
import { Button } from '../../../components/button';
import type { PickedFile } from '../hooks/use-invoke-form';
import { Name } from '../../../components/name';

/** A file to send: dropped on the zone or picked with the button (the keyboard way). */
export function FileDrop({
  file,
  reading,
  error,
  onFile,
  onClear,
}: {
  file: PickedFile | null;
  reading: boolean;
  error: string | null;
  onFile: (file: File) => void;
  onClear: () => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) onFile(f);
  };
  return (
    <div className="flex flex-col gap-1.5">
      <span id={`${id}-label`} className="text-sm font-medium">
        File to send
      </span>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="file-drop"
        className={clsx(
          'flex min-h-40 flex-col items-center justify-center gap-2 rounded-md border-2 border-dashed p-4 text-center text-sm',
          over ? 'border-accent bg-accent-soft' : 'border-line bg-canvas',
        )}
      >
        {file ? (
          <>
            <p className="font-medium break-all">
              <Name value={file.name} />
            </p>
            <p className="text-muted">
              {formatBytes(file.size)}
              {file.type ? ` · ${file.type}` : ''}
            </p>
            <p className="font-mono text-xs break-all text-muted" title="SHA-256 of the file">
              SHA-256 {file.sha256.slice(0, 16)}…
            </p>
          </>
        ) : (
          <p className="text-muted">{reading ? 'Reading the file…' : 'Drop a file here'}</p>
        )}
        <div className="flex gap-2">
          <Button size="sm" onClick={() => input.current?.click()} aria-describedby={`${id}-label`}>
            {file ? 'Choose another file' : 'Choose a file'}
          </Button>
          {file && (
            <Button size="sm" variant="ghost" onClick={onClear}>
              Remove
            </Button>
          )}
        </div>
        <input
          ref={input}
          type="file"
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) onFile(f);
            e.target.value = '';
          }}
        />
      </div>
      {error && (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
