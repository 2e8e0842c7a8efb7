// A titled, collapsible group of fields. A group with errors is always open and says how many.
import { useId, useState, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { Badge } from '../../../../components/badge';
import { pathKey, type Path } from '../../hooks/use-service-editor';
import { useForm } from './form-context';

export function Section({
  title,
  description,
  defaultOpen = false,
  paths,
  children,
}: {
  title: string;
  description: string;
  defaultOpen?: boolean;
  /** The service fields this group edits, for its error count. */
  paths: Path[];
  children: ReactNode;
}) {
  const ctx = useForm();
  const headingId = useId();
  const bodyId = useId();
  const prefixes = paths.map(pathKey);
  let errors = 0;
  for (const [k, list] of ctx.issues.errors) {
    if (prefixes.some((p) => k === p || k.startsWith(`${p}.`))) errors += list.length;
  }
  const [open, setOpen] = useState(defaultOpen);
  const shown = open || errors > 0;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-surface">
      <h2 id={headingId} className="text-base font-semibold">
        <button
          type="button"
          aria-expanded={shown}
          aria-controls={bodyId}
          onClick={() => setOpen(!shown)}
          className="flex w-full items-center gap-3 rounded-lg px-4 py-3 text-left hover:bg-raised"
        >
          <span aria-hidden="true" className={clsx('inline-block text-muted transition-transform', shown && 'rotate-90')}>
            ▸
          </span>
          <span className="flex min-w-0 flex-1 flex-col">
            <span>{title}</span>
            <span className="text-sm font-normal text-muted">{description}</span>
          </span>
          {errors > 0 && <Badge tone="danger">{errors === 1 ? '1 problem' : `${errors} problems`}</Badge>}
        </button>
      </h2>
      <div id={bodyId} hidden={!shown} className="flex flex-col gap-4 border-t border-line px-4 py-4">
        {children}
      </div>
    </section>
  );
}

/** Two or three fields side by side on wide screens. */
export function Row({ children, cols = 2 }: { children: ReactNode; cols?: 2 | 3 | 4 }) {
  return (
    <div className={clsx('grid gap-4', cols === 2 && 'sm:grid-cols-2', cols === 3 && 'sm:grid-cols-3', cols === 4 && 'sm:grid-cols-2 lg:grid-cols-4')}>
      {children}
    </div>
  );
}
