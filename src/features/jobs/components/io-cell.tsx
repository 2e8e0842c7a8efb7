import type { ReactNode } from 'react';
import type { IoCell } from '../../../lib/jobs-list-trace';
import type { ObjectRef } from '../../../lib/jobs-trace';

/**
 * A trace cell's three states besides the data: a pulsing bar while its bucket is listed, a muted dash
 * whose reason a screen reader hears (and a pointer sees as a tooltip), or what `found` renders.
 */
export function IoCellView({ cell, looking, unknown, found }: { cell: IoCell; looking: string; unknown: string; found: (objects: ObjectRef[]) => ReactNode }) {
  if (cell.state === 'found') return found(cell.objects);
  if (cell.state === 'loading') {
    return (
      <>
        <span aria-hidden="true" className="inline-block h-3 w-20 max-w-full animate-pulse rounded bg-raised align-middle" />
        <span className="sr-only">{looking}</span>
      </>
    );
  }
  return (
    <span title={cell.reason}>
      <span aria-hidden="true" className="text-muted">
        —
      </span>
      <span className="sr-only">
        {unknown}: {cell.reason}
      </span>
    </span>
  );
}
