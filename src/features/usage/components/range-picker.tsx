import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ChartRangeButtons } from '../../../components/chart-range-buttons';
import { checkCustomRange, type RangeSpec, type ResolvedRange } from '../../../lib/metrics/range';

/** <input type="datetime-local"> speaks local "YYYY-MM-DDTHH:mm". */
function toLocalInput(t: number): string {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(v: string): number {
  return v ? new Date(v).getTime() : NaN;
}

const every = (ms: number) =>
  ms >= 60_000 * 60 ? `${ms / 3_600_000} h` : ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;

export function RangePicker({
  range,
  now,
  problem,
  onChange,
  onRefresh,
}: {
  range: ResolvedRange;
  now: number;
  /** Why the link's range was not used. */
  problem?: string | undefined;
  onChange: (spec: RangeSpec) => void;
  onRefresh: () => void;
}) {
  const id = useId();
  const custom = range.spec.kind === 'custom';
  const [editing, setEditing] = useState(false);
  const [start, setStart] = useState(() => toLocalInput(range.start));
  const [end, setEnd] = useState(() => toLocalInput(range.end));
  const [error, setError] = useState<string | null>(null);

  const openCustom = () => {
    setStart(toLocalInput(range.start));
    setEnd(toLocalInput(range.end));
    setError(null);
    setEditing((v) => !v);
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const s = fromLocalInput(start);
    const en = fromLocalInput(end);
    const why = checkCustomRange(s, en);
    if (why) {
      setError(why);
      return;
    }
    setError(null);
    setEditing(false);
    onChange({ kind: 'custom', start: s, end: en });
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <ChartRangeButtons
          label="Period"
          value={range.spec.kind === 'preset' ? range.spec.preset : null}
          onChange={(preset) => {
            setEditing(false);
            onChange({ kind: 'preset', preset });
          }}
          extra={{ label: 'Custom…', pressed: custom || editing, onClick: openCustom }}
        />
        <p className="text-sm text-muted" aria-live="polite">
          <span className="font-medium text-fg">{range.label}</span>
          {range.refreshMs
            ? ` · refreshes every ${every(range.refreshMs)}, updated ${new Date(now).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`
            : ''}
        </p>
        <Button size="sm" variant="ghost" onClick={onRefresh}>
          Refresh now
        </Button>
      </div>
      {problem && (
        <p role="alert" className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm">
          {problem}
        </p>
      )}
      {editing && (
        <form
          onSubmit={apply}
          noValidate
          className="flex flex-wrap items-end gap-3 rounded-md border border-line bg-surface p-3"
          aria-label="Custom period"
        >
          <label className="flex flex-col gap-1 text-sm">
            Start
            <input
              type="datetime-local"
              value={start}
              max={toLocalInput(now)}
              onChange={(e) => setStart(e.target.value)}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `${id}-err` : undefined}
              className="rounded-md border border-line bg-canvas px-2 py-1"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            End
            <input
              type="datetime-local"
              value={end}
              onChange={(e) => setEnd(e.target.value)}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `${id}-err` : undefined}
              className="rounded-md border border-line bg-canvas px-2 py-1"
            />
          </label>
          <Button type="submit" variant="primary" size="sm">
            Show this period
          </Button>
          {error && (
            <p id={`${id}-err`} role="alert" className="w-full text-sm text-danger">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
