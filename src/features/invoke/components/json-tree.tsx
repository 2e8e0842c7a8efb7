import { useState } from 'react';
import { clsx } from 'clsx';
import { Button } from '../../../components/button';

const PAGE = 200;

function preview(value: unknown): string {
  if (Array.isArray(value)) return `[ ${value.length} ${value.length === 1 ? 'item' : 'items'} ]`;
  const n = Object.keys(value as object).length;
  return `{ ${n} ${n === 1 ? 'key' : 'keys'} }`;
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="break-all text-ok">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="text-accent">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="text-warn">{String(value)}</span>;
  return <span className="text-muted">null</span>;
}

function Node({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const composite = value !== null && typeof value === 'object';
  // Folded below the first level; children are rendered only once opened, so a large answer stays cheap.
  const [open, setOpen] = useState(depth < 1);
  const [shown, setShown] = useState(PAGE);
  const label = name !== null && <span className="text-fg">{name}: </span>;
  if (!composite) {
    return (
      <li className="py-0.5 pl-5">
        {label}
        <Scalar value={value} />
      </li>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value as object);
  return (
    <li>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer rounded py-0.5 pl-1 hover:bg-raised">
          {label}
          <span className="text-muted">{preview(value)}</span>
        </summary>
        {open && (
          <ul className={clsx('border-l border-line', depth >= 0 && 'ml-2.5')}>
            {entries.slice(0, shown).map(([k, v]) => (
              <Node key={k} name={Array.isArray(value) ? `[${k}]` : k} value={v} depth={depth + 1} />
            ))}
            {entries.length > shown && (
              <li className="py-1 pl-5">
                <Button size="sm" variant="ghost" onClick={() => setShown((s) => s + PAGE)}>
                  Show {Math.min(PAGE, entries.length - shown)} more of {entries.length - shown}
                </Button>
              </li>
            )}
          </ul>
        )}
      </details>
    </li>
  );
}

/**
 * A JSON value as a folded tree. Each object or array is a native disclosure (details/summary), so
 * Tab reaches it and Enter or Space opens it, and screen readers announce it as expanded or collapsed.
 */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  return (
    <div
      role="group"
      aria-label={label}
      className="max-h-[32rem] overflow-auto rounded-md border border-line bg-canvas p-2 font-mono text-[0.8125rem] leading-5"
    >
      <ul>
        <Node name={null} value={value} depth={0} />
      </ul>
    </div>
  );
}
