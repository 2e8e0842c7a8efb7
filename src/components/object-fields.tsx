import { FieldList, type Field } from './field-list';
import { humanizeKey, ValueView } from './value-view';

/**
 * Every field of an object as a definition list: the ones in `labels` first, in that order and with
 * those names, then any others the server sent under a readable form of their key. Secret-looking
 * keys are masked (see ValueView). Nothing is dropped.
 */
export function ObjectFields({ value, labels = {} }: { value: object | undefined | null; labels?: Record<string, string> }) {
  const entries = Object.entries((value ?? {}) as Record<string, unknown>);
  const known = Object.keys(labels);
  entries.sort(([a], [b]) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib);
  });
  if (entries.length === 0) return <p className="text-sm text-muted italic">Nothing reported.</p>;
  const fields: Field[] = entries.map(([k, v]) => ({ label: labels[k] ?? humanizeKey(k), value: <ValueView value={v} name={k} /> }));
  return <FieldList fields={fields} />;
}
