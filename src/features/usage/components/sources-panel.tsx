import { Badge, type BadgeTone } from '../../../components/badge';
import type { SourceHealth, SourceView } from '../../../lib/metrics/sources';
import { NO_VALUE, timeAgo } from '../../../lib/units/format';

const TONE: Record<SourceHealth, BadgeTone> = {
  ok: 'ok',
  degraded: 'warn',
  failing: 'danger',
  unknown: 'neutral',
};

/** Where the figures come from, each source with its status and last update, plainly. */
export function SourcesList({
  sources,
  now,
  reported,
}: {
  sources: readonly SourceView[];
  now: number;
  reported: boolean;
}) {
  if (!reported || sources.length === 0) {
    return (
      <p className="text-sm text-muted">
        The cluster did not say where these figures come from, so it cannot say whether they are complete.
      </p>
    );
  }
  return (
    <ul aria-label="Sources of the figures" className="flex flex-col divide-y divide-line">
      {sources.map((s) => (
        <li key={s.name} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm">
          <span className="font-medium">{s.name}</span>
          <Badge tone={TONE[s.health]}>{s.status}</Badge>
          <span className="text-muted">
            updated{' '}
            {s.lastUpdated === null ? (
              NO_VALUE
            ) : (
              <time
                dateTime={new Date(s.lastUpdated).toISOString()}
                title={new Date(s.lastUpdated).toLocaleString('en-GB')}
              >
                {timeAgo(s.lastUpdated, now)}
              </time>
            )}
          </span>
          {s.notes && <span className="w-full text-muted">{s.notes}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The warning at the top of the page when a source is not ok: the figures may be partial. */
export function SourcesWarning({ troubled }: { troubled: readonly SourceView[] }) {
  if (troubled.length === 0) return null;
  const failing = troubled.some((s) => s.health === 'failing');
  return (
    <div
      role={failing ? 'alert' : 'status'}
      className={
        failing
          ? 'rounded-lg border border-danger/40 bg-danger-soft px-4 py-3 text-sm'
          : 'rounded-lg border border-warn/40 bg-warn-soft px-4 py-3 text-sm'
      }
    >
      <p className="font-semibold">
        {failing ? 'Some figures are missing data' : 'Some figures may be incomplete'}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {troubled.map((s) => (
          <li key={s.name}>
            {s.name} is {s.status}
            {s.notes ? `: ${s.notes}` : '.'}
          </li>
        ))}
      </ul>
    </div>
  );
}
