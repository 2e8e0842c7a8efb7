import { formatBytes } from '../../../lib/units/format';
import type { Capacity } from '../lib/capacity';
import { parallelism } from '../lib/capacity';

/** The rule that sets how many jobs run at once, with the cluster's figures, in words. */
export function ParallelismRule({ capacity, active, cap, error }: { capacity: Capacity | null; active: number; cap: number | null; error?: string | null }) {
  if (!capacity) {
    return (
      <p className="text-sm text-muted">
        {error ? `The cluster's free room could not be read (${error}), so ` : 'Until the cluster status is read, '}
        the batch keeps {cap ? `at most ${cap}` : 'up to 4'} jobs going at once.
      </p>
    );
  }
  const limit = parallelism(capacity, active, cap);
  return (
    <p className="text-sm text-muted" data-testid="parallelism-rule">
      <strong className="text-fg">{limit} at once.</strong> The cluster has {capacity.freeCores.toFixed(1)} CPU and {formatBytes(capacity.freeBytes)} free on{' '}
      {capacity.nodes} node{capacity.nodes === 1 ? '' : 's'}; each job asks for {capacity.cpu} CPU and {formatBytes(capacity.memory)}, so{' '}
      {capacity.fits} more fit{active > 0 ? `, besides the ${active} of this batch already going` : ''}
      {cap ? `; your cap is ${cap}` : ''}. Read again every 30 s while the batch runs.
    </p>
  );
}
