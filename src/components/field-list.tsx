import type { ReactNode } from 'react';
import { clsx } from 'clsx';

export interface Field {
  label: string;
  value: ReactNode;
  /** Shown in a muted style when the value is a default or absent ("Not set"). */
  muted?: boolean;
}

/** Label/value pairs as a definition list, two columns on wide screens. */
export function FieldList({ fields, className }: { fields: Field[]; className?: string }) {
  return (
    <dl className={clsx('grid grid-cols-1 items-baseline gap-x-6 gap-y-3 sm:grid-cols-[minmax(8rem,14rem)_1fr]', className)}>
      {fields.map((f) => (
        <div key={f.label} className="contents">
          <dt className="text-sm font-medium text-muted">{f.label}</dt>
          <dd className={clsx('min-w-0 text-sm break-words', f.muted && 'text-muted italic')}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
