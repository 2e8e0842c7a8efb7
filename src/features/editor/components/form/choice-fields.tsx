// Checkboxes and selects bound to a path in the service.
import { clsx } from 'clsx';
import { describedBy, FieldFrame, FieldMessages, inputClass, type BaseProps } from './fields';
import { useField } from './form-context';

export function CheckField({
  path,
  label,
  hint,
  className,
  defaultValue = false,
}: BaseProps & { /** What OSCAR assumes when the field is absent. */ defaultValue?: boolean }) {
  const f = useField(path);
  const checked = typeof f.value === 'boolean' ? f.value : defaultValue;
  return (
    <div className={clsx('flex flex-col gap-1', className)}>
      <div className="flex items-start gap-2">
        <input
          id={f.id}
          type="checkbox"
          checked={checked}
          disabled={f.readOnly}
          aria-invalid={f.errors.length > 0 || undefined}
          aria-describedby={describedBy(f.id, hint, f.errors, f.warnings)}
          className="mt-0.5 size-4 accent-accent"
          onChange={(e) => f.set(e.target.checked === defaultValue ? undefined : e.target.checked)}
        />
        <label htmlFor={f.id} className="text-sm font-medium">
          {label}
        </label>
      </div>
      {hint && (
        <p id={`${f.id}-hint`} className="pl-6 text-xs text-muted">
          {hint}
        </p>
      )}
      <FieldMessages id={f.id} errors={f.errors} warnings={f.warnings} />
    </div>
  );
}

export function SelectField({
  path,
  label,
  hint,
  className,
  options,
  emptyLabel = 'Cluster default',
}: BaseProps & { options: readonly { value: string; label: string }[]; emptyLabel?: string }) {
  const f = useField(path);
  const value = typeof f.value === 'string' ? f.value : '';
  const known = options.some((o) => o.value === value);
  return (
    <FieldFrame id={f.id} label={label} hint={hint} errors={f.errors} warnings={f.warnings} className={className}>
      <select
        id={f.id}
        value={value}
        disabled={f.readOnly}
        aria-invalid={f.errors.length > 0 || undefined}
        aria-describedby={describedBy(f.id, hint, f.errors, f.warnings)}
        className={inputClass(f.errors.length > 0)}
        onChange={(e) => f.set(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {/* A value the list does not know (from an imported FDL) is shown, not replaced. */}
        {!known && value !== '' && <option value={value}>{value}</option>}
      </select>
    </FieldFrame>
  );
}
