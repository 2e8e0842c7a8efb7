import { clsx } from 'clsx';
import { useState } from 'react';

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  /** Shown after the label, e.g. the series' total over the range. */
  detail?: string;
}

/** The series a chart's legend has hidden, and the toggle for its buttons. */
export function useHiddenSeries() {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return { hidden, toggle };
}

/**
 * A chart's legend as toggle buttons (HTML, not SVG): each shows or hides its series, says its state
 * with aria-pressed and a struck-through label (not colour alone), and works from the keyboard.
 */
export function ChartLegend({
  label,
  items,
  hidden,
  onToggle,
}: {
  label: string;
  items: readonly LegendItem[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
}) {
  if (items.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {items.map((item) => {
        const off = hidden.has(item.key);
        // The last visible series cannot be hidden: an empty chart helps no one.
        const last = !off && items.every((i) => i.key === item.key || hidden.has(i.key));
        return (
          <li key={item.key}>
            <button
              type="button"
              aria-pressed={!off}
              disabled={last}
              title={
                last ? 'At least one series stays shown' : off ? `Show ${item.label}` : `Hide ${item.label}`
              }
              onClick={() => onToggle(item.key)}
              className={clsx(
                'inline-flex items-center gap-1.5 rounded-md border px-2 py-0.5 text-xs',
                off ? 'border-dashed border-line text-muted' : 'border-line bg-raised text-fg',
                last ? 'cursor-default' : 'hover:border-accent',
              )}
            >
              <span
                aria-hidden="true"
                className={clsx('inline-block size-2.5 rounded-sm', off && 'opacity-40')}
                style={{ backgroundColor: item.color }}
              />
              <span className={clsx(off && 'line-through')}>{item.label}</span>
              {item.detail && <span className="text-muted">{item.detail}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
