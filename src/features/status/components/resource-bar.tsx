import { clsx } from 'clsx';
import { cleanValue } from '../../../lib/metrics/series';
import { formatPercent, NO_VALUE } from '../../../lib/units/format';

/**
 * One resource of a node or of the cluster as a bar with its figures in words beside it: how much is
 * requested (the fill) and, where known, how much is in use (a marker), out of the capacity. The text
 * carries the meaning; the bar is there to scan a list quickly.
 */
export function ResourceBar({
  label,
  capacity,
  requested,
  used,
  format,
}: {
  label: string;
  capacity: number | undefined;
  requested: number | undefined;
  used?: number | undefined;
  format: (v: number) => string;
}) {
  const cap = cleanValue(capacity).value;
  const req = cleanValue(requested).value;
  const use = cleanValue(used).value;
  const share = (v: number | null) => (cap && v !== null ? Math.min(1, v / cap) : null);
  const reqShare = share(req);
  const useShare = share(use);
  const tone =
    reqShare === null
      ? 'bg-muted'
      : reqShare >= 0.9
        ? 'bg-danger'
        : reqShare >= 0.75
          ? 'bg-warn'
          : 'bg-accent';
  const text =
    cap === null
      ? `${label}: capacity not reported`
      : `${req === null ? NO_VALUE : format(req)} of ${format(cap)} requested (${formatPercent(reqShare)})${use === null ? '' : `, ${format(use)} in use`}`;

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-right text-muted tabular-nums">{text}</span>
      </div>
      <div
        role="meter"
        aria-label={`${label} requested`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={reqShare === null ? 0 : Math.round(reqShare * 100)}
        aria-valuetext={text}
        className="relative h-2.5 overflow-hidden rounded-full bg-raised"
      >
        {reqShare !== null && (
          <div className={clsx('h-full rounded-full', tone)} style={{ width: `${reqShare * 100}%` }} />
        )}
        {useShare !== null && (
          <div
            aria-hidden="true"
            className="absolute top-0 h-full w-0.5 bg-fg"
            style={{ left: `calc(${useShare * 100}% - 1px)` }}
            title={`In use: ${use === null ? NO_VALUE : format(use)}`}
          />
        )}
      </div>
    </div>
  );
}
