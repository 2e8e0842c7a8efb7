// Lists (comma-separated) and NAME = value maps (rows), bound to a path in the service.
import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../../../components/button';
import type { Path } from '../../hooks/use-service-editor';
import { describedBy, FieldFrame, FieldMessages, inputClass } from './fields';
import { fieldId, useField, useForm } from './form-context';
import { pathKey } from '../../hooks/use-service-editor';
import { useMapRows } from './use-map-rows';

function formatList(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(', ') : value === undefined ? '' : String(value);
}

function parseList(text: string, numbers: boolean): unknown[] | undefined {
  const items = text
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (items.length === 0) return undefined;
  // Text that is not a number stays text, so the schema names it instead of it vanishing.
  return numbers ? items.map((t) => (/^-?\d+$/.test(t) ? Number(t) : t)) : items;
}

/** A list of short values typed comma-separated (ports, users, suffixes). */
export function ListField({
  path,
  label,
  hint,
  placeholder,
  numbers = false,
  className,
}: {
  path: Path;
  label: ReactNode;
  hint?: ReactNode;
  placeholder?: string;
  numbers?: boolean;
  className?: string;
}) {
  const f = useField(path);
  const ctx = useForm();
  // Errors of single entries (api_port.1) belong to this field too.
  const itemErrors = [...ctx.issues.errors].filter(([k]) => k.startsWith(`${pathKey(path)}.`)).flatMap(([, v]) => v);
  const errors = [...f.errors, ...itemErrors];
  const shown = formatList(f.value);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    if (formatList(parseList(text, numbers)) !== shown) setText(shown);
  }
  return (
    <FieldFrame id={f.id} label={label} hint={hint} errors={errors} warnings={f.warnings} className={className}>
      <input
        id={f.id}
        value={text}
        placeholder={placeholder}
        readOnly={f.readOnly}
        spellCheck={false}
        inputMode={numbers ? 'numeric' : undefined}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(f.id, hint, errors, f.warnings)}
        className={inputClass(errors.length > 0)}
        onChange={(e) => {
          setText(e.target.value);
          f.set(parseList(e.target.value, numbers));
        }}
      />
    </FieldFrame>
  );
}

/** NAME = value rows (environment variables, labels, annotations, headers). */
export function MapField({
  path,
  label,
  hint,
  keyLabel = 'Name',
  valueLabel = 'Value',
  addLabel = 'Add',
  keyPlaceholder,
}: {
  path: Path;
  label: string;
  hint?: ReactNode;
  keyLabel?: string;
  valueLabel?: string;
  addLabel?: string;
  keyPlaceholder?: string;
}) {
  const f = useField(path);
  const ctx = useForm();
  const headingId = useId();
  const { rows, setRows, update, nextId } = useMapRows(f);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.key.trim(), (counts.get(r.key.trim()) ?? 0) + 1);
  return (
    <fieldset id={f.id} tabIndex={-1} className="flex flex-col gap-2 outline-none" aria-describedby={hint ? `${f.id}-hint` : undefined}>
      <legend id={headingId} className="text-sm font-medium">
        {label}
      </legend>
      {hint && (
        <p id={`${f.id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {rows.length === 0 && <p className="text-sm text-muted">None.</p>}
      {rows.map((r, i) => {
        const key = r.key.trim();
        const rowErrors = [
          ...(ctx.issues.errors.get(pathKey([...path, key])) ?? []),
          ...((counts.get(key) ?? 0) > 1 && key ? [`${key} appears twice; only the last one is kept`] : []),
          ...(key === '' && r.value !== '' ? ['give this value a name, or it is left out'] : []),
        ];
        const rid = fieldId([...path, `row${r.id}`]);
        return (
          <div key={r.id} className="flex flex-col gap-1">
            <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-center gap-2">
              <input
                aria-label={`${keyLabel} ${i + 1}`}
                id={key ? fieldId([...path, key]) : `${rid}-key`}
                value={r.key}
                placeholder={keyPlaceholder ?? keyLabel}
                readOnly={f.readOnly}
                spellCheck={false}
                aria-invalid={rowErrors.length > 0 || undefined}
                aria-describedby={rowErrors.length ? `${rid}-error` : undefined}
                className={`${inputClass(rowErrors.length > 0)} font-mono`}
                onChange={(e) => update(rows.map((x) => (x.id === r.id ? { ...x, key: e.target.value } : x)))}
              />
              <input
                aria-label={`${valueLabel} of ${key || `${keyLabel} ${i + 1}`}`}
                value={r.value}
                placeholder={valueLabel}
                readOnly={f.readOnly}
                spellCheck={false}
                className={inputClass(false)}
                onChange={(e) => update(rows.map((x) => (x.id === r.id ? { ...x, value: e.target.value } : x)))}
              />
              <Button size="sm" variant="ghost" disabled={f.readOnly} aria-label={`Remove ${key || `row ${i + 1}`}`} onClick={() => update(rows.filter((x) => x.id !== r.id))}>
                Remove
              </Button>
            </div>
            <FieldMessages id={rid} errors={rowErrors} warnings={[]} />
          </div>
        );
      })}
      <div>
        <Button
          size="sm"
          disabled={f.readOnly}
          onClick={() => {
            const id = nextId;
            setRows([...rows, { id, key: '', value: '' }]);
            // The new row's name box takes the focus, so typing can start at once.
            requestAnimationFrame(() => document.getElementById(`${fieldId([...path, `row${id}`])}-key`)?.focus());
          }}
        >
          {addLabel}
        </Button>
      </div>
      <FieldMessages id={f.id} errors={f.errors} warnings={f.warnings} />
    </fieldset>
  );
}
