import { clsx } from 'clsx';
import { JOB_STATUSES, type JobStatus } from '../../../lib/jobs/paging';

/** Toggle buttons, one per status, with each status's count; none pressed shows all. */
export function StatusFilter({
  counts,
  selected,
  onChange,
}: {
  counts: Record<JobStatus, number>;
  selected: readonly JobStatus[];
  onChange: (next: JobStatus[]) => void;
}) {
  return (
    <div role="group" aria-label="Show jobs by status" className="flex flex-wrap gap-1">
      {JOB_STATUSES.map((s) => {
        const on = selected.includes(s);
        return (
          <button
            key={s}
            type="button"
            aria-pressed={on}
            onClick={() => onChange(on ? selected.filter((x) => x !== s) : [...selected, s])}
            className={clsx(
              'rounded-full border px-2.5 py-0.5 text-sm',
              on ? 'border-accent bg-accent-soft font-medium text-fg' : 'border-line bg-surface text-muted hover:bg-raised hover:text-fg',
            )}
          >
            {s} <span className="tabular-nums">{counts[s]}</span>
          </button>
        );
      })}
      {selected.length > 0 && (
        <button type="button" onClick={() => onChange([])} className="rounded-full px-2 py-0.5 text-sm text-accent underline-offset-2 hover:underline">
          All statuses
        </button>
      )}
    </div>
  );
}
