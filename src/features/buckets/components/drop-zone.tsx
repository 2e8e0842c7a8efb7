import { useEffect, useRef, useState, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { readDrop, type Picked } from '../../../lib/uploads/entries';

function hasFiles(e: DragEvent | React.DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Makes the whole bucket view a drop target for files and folders, with a visible target while dragging.
 * The buttons next to the listing do the same for keyboard and screen reader users.
 */
export function DropZone({ target, onDrop, children }: { target: string; onDrop: (picked: Picked) => void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  useEffect(() => {
    // A drop that misses the zone must not make the browser open the file in place of the app.
    const stop = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
  return (
    <div
      className="relative flex min-h-[60vh] flex-col gap-4"
      data-testid="bucket-drop-zone"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        // Read now: the dropped items are only available while the event runs.
        void readDrop(e.dataTransfer).then(onDrop);
      }}
    >
      {children}
      <div
        aria-hidden="true"
        className={clsx(
          'pointer-events-none absolute inset-0 z-20 flex items-center justify-center rounded-xl border-2 border-dashed border-accent bg-accent-soft/90 transition-opacity',
          over ? 'opacity-100' : 'opacity-0',
        )}
      >
        <p className="rounded-lg bg-surface px-5 py-3 text-lg font-semibold shadow-lg">
          Drop files or folders to upload to <span className="font-mono whitespace-pre">{target}</span>
        </p>
      </div>
      <p role="status" className="sr-only">
        {over ? `Drop to upload to ${target}` : ''}
      </p>
    </div>
  );
}
