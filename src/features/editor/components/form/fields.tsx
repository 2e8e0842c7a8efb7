// Form fields bound to a path in the service. Each one carries its label, a hint, and the schema's
// errors for that path next to it (aria-describedby + aria-invalid), in the schema's plain words.
import { useState, type ReactNode } from 'react';
import { clsx } from 'clsx';
import type { Path } from '../../hooks/use-service-editor';
import { useField } from './form-context';

export const inputClass = (invalid: boolean) =>
  clsx(
    'w-full rounded-md border bg-canvas px-2.5 py-1.5 text-sm text-fg placeholder:text-muted/80 disabled:opacity-60 read-only:bg-raised',
    invalid ? 'border-danger' : 'border-line',
  );

export function describedBy(id: string, hint: unknown, errors: string[], warnings: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : '', warnings.length ? `${id}-warning` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldFrame({
  id,
  label,
  hint,
  errors,
  warnings,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors: string[];
  warnings: string[];
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={clsx('flex min-w-0 flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      <FieldMessages id={id} errors={errors} warnings={warnings} />
    </div>
  );
}

export function FieldMessages({ id, errors, warnings }: { id: string; errors: string[]; warnings: string[] }) {
  return (
    <>
      {errors.length > 0 && (
        <div id={`${id}-error`} className="flex flex-col gap-0.5 text-sm text-danger">
          {errors.map((e) => (
            <p key={e}>
              <span aria-hidden="true">⚠ </span>
              {e}
            </p>
          ))}
        </div>
      )}
      {warnings.length > 0 && (
        <div id={`${id}-warning`} className="flex flex-col gap-0.5 text-sm text-warn">
          {warnings.map((w) => (
            <p key={w}>Note: {w}</p>
          ))}
        </div>
      )}
    </>
  );
}

export interface BaseProps {
  path: Path;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
}

export function TextField({
  path,
  label,
  hint,
  className,
  placeholder,
  required = false,
  disabled = false,
  mono = false,
  type = 'text',
  autoComplete = 'off',
  list,
}: BaseProps & {
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  mono?: boolean;
  type?: 'text' | 'password' | 'url';
  autoComplete?: string;
  list?: string;
}) {
  const f = useField(path);
  const value = typeof f.value === 'string' ? f.value : f.value === undefined || f.value === null ? '' : String(f.value);
  return (
    <FieldFrame id={f.id} label={label} hint={hint} errors={f.errors} warnings={f.warnings} className={className}>
      <input
        id={f.id}
        type={type}
        value={value}
        placeholder={placeholder}
        required={required}
        aria-required={required || undefined}
        disabled={disabled}
        readOnly={f.readOnly}
        autoComplete={autoComplete}
        spellCheck={false}
        list={list}
        aria-invalid={f.errors.length > 0 || undefined}
        aria-describedby={describedBy(f.id, hint, f.errors, f.warnings)}
        className={clsx(inputClass(f.errors.length > 0), mono && 'font-mono')}
        onChange={(e) => f.set(e.target.value === '' && !required ? undefined : e.target.value)}
      />
    </FieldFrame>
  );
}

/** Whole numbers. Text that is not a number is kept on screen and reported, never silently dropped. */
export function NumberField({ path, label, hint, className, min, max, placeholder }: BaseProps & { min?: number; max?: number; placeholder?: string }) {
  const f = useField(path);
  const shown = typeof f.value === 'number' ? String(f.value) : f.value === undefined ? '' : String(f.value);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    // Follow outside changes (YAML tab, import) unless the text already means the same.
    setSeen(shown);
    if (parseNumber(text) !== f.value) setText(shown);
  }
  return (
    <FieldFrame id={f.id} label={label} hint={hint} errors={f.errors} warnings={f.warnings} className={className}>
      <input
        id={f.id}
        type="text"
        inputMode="numeric"
        value={text}
        placeholder={placeholder}
        readOnly={f.readOnly}
        aria-invalid={f.errors.length > 0 || undefined}
        aria-describedby={describedBy(f.id, hint, f.errors, f.warnings)}
        className={inputClass(f.errors.length > 0)}
        min={min}
        max={max}
        onChange={(e) => {
          setText(e.target.value);
          f.set(parseNumber(e.target.value));
        }}
      />
    </FieldFrame>
  );
}

function parseNumber(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

