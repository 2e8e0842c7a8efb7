import type { ReactNode } from 'react';
import type { IoCell } from '../lib/list-trace';
import type { ObjectRef } from '../../../lib/jobs/trace';

/**
 * A trace cell's three states besides the data: a grey bar while its bucket is listed, a muted dash
 * whose reason a screen reader hears (and a pointer sees as a tooltip), or what `found` renders.
 */
export function IoCellView({ cell, looking, unknown, found }: { cell: IoCell; looking: string; unknown: string; found: (objects: ObjectRef[]) => ReactNode }) {
  if (cell.state === 'found') return found(cell.objects);
  // Named by aria-label rather than visually hidden text: an sr-only span is positioned absolutely, and
  // with no positioned ancestor in a row, every one of them makes scrolling the table lay out more.
  if (cell.state === 'loading') {
    return <span role="img" aria-label={looking} className="inline-block h-3 w-20 max-w-full rounded bg-raised align-middle" />;
  }
  return (
    <span role="img" aria-label={`${unknown}: ${cell.reason}`} title={cell.reason} className="text-muted">
      —
    </span>
  );
}
