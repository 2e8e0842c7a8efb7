import { createContext, useContext } from 'react';
import type { Service } from '../../../../api/types';
import type { FieldIssues, Path } from '../../hooks/use-service-editor';
import { pathKey } from '../../hooks/use-service-editor';
import { getIn } from '../../lib/editor-value';

export interface FormContextValue {
  service: Service;
  setField: (path: Path, value: unknown) => void;
  issues: FieldIssues;
  /** The YAML tab holds unreadable text: the form only shows. */
  readOnly: boolean;
  mode: 'create' | 'update';
  baselineSecrets: readonly string[] | null;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('Form fields must be inside <FormContext>');
  return ctx;
}

/** A DOM id for a field path, also used by the error summary's links. */
export function fieldId(path: readonly (string | number)[]): string {
  return `field-${path.join('-').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function useField(path: Path) {
  const ctx = useForm();
  const key = pathKey(path);
  const errors = ctx.issues.errors.get(key) ?? [];
  const warnings = ctx.issues.warnings.get(key) ?? [];
  return {
    id: fieldId(path),
    value: getIn(ctx.service, path),
    set: (v: unknown) => ctx.setField(path, v),
    errors,
    warnings,
    readOnly: ctx.readOnly,
  };
}

/** Errors at or below a path (for a group's header and for list rows). */
export function useErrorsUnder(prefix: Path): number {
  const ctx = useForm();
  const key = pathKey(prefix);
  let n = 0;
  for (const [k, list] of ctx.issues.errors) if (k === key || k.startsWith(`${key}.`)) n += list.length;
  return n;
}
