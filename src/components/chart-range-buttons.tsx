import { clsx } from 'clsx';
import { PRESETS, type PresetId } from '../lib/metrics/range';

const SHORT: Record<PresetId, string> = { '24h': '24 h', '7d': '7 days', '30d': '30 days', '90d': '90 days' };

/**
 * The range presets as a group of toggle buttons (one pressed), plus any extra option such as
 * "Custom". Buttons rather than radios: each press acts at once, and the pressed state is announced.
 */
export function ChartRangeButtons({
  label,
  value,
  onChange,
  extra,
}: {
  label: string;
  /** The pressed preset, or null when none is (a custom range). */
  value: PresetId | null;
  onChange: (id: PresetId) => void;
  extra?: { label: string; pressed: boolean; onClick: () => void };
}) {
  const cls = (pressed: boolean) =>
    clsx(
      'px-2.5 py-1 text-sm first:rounded-l-md last:rounded-r-md border border-line -ml-px first:ml-0',
      pressed ? 'relative z-10 border-accent bg-accent text-accent-fg' : 'bg-surface text-fg hover:bg-raised',
    );
  return (
    <div role="group" aria-label={label} className="inline-flex">
      {PRESETS.map((p) => (
        <button
          key={p.id}
          type="button"
          aria-pressed={value === p.id}
          title={p.label}
          className={cls(value === p.id)}
          onClick={() => onChange(p.id)}
        >
          {SHORT[p.id]}
        </button>
      ))}
      {extra && (
        <button
          type="button"
          aria-pressed={extra.pressed}
          className={cls(extra.pressed)}
          onClick={extra.onClick}
        >
          {extra.label}
        </button>
      )}
    </div>
  );
}
