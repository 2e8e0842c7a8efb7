// A { NAME: value } field edited as rows. The rows live in local state so a half-typed row (no name
// yet, or a name used twice) is not lost; the field gets the map they make. When the field changes
// from elsewhere (the YAML tab, an import), the rows follow it.
import { useState } from 'react';

export interface MapRow {
  id: number;
  key: string;
  value: string;
}

function rowsOf(value: unknown): MapRow[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([key, v], id) => ({ id, key, value: v == null ? '' : String(v) }));
}

function mapOf(rows: MapRow[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const r of rows) if (r.key.trim() !== '') out[r.key.trim()] = r.value;
  return Object.keys(out).length ? out : undefined;
}

/**
 * `field` is the map field (value and setter). `update` sets the rows and the field; `setRows` only the
 * rows (a new empty row changes nothing yet); `nextId` is an id no row has.
 */
export function useMapRows<Row extends MapRow = MapRow>(field: { value: unknown; set: (v: unknown) => void }) {
  const shown = JSON.stringify(field.value ?? null);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(field.value) as Row[]);
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    if (JSON.stringify(mapOf(rows) ?? null) !== shown) setRows(rowsOf(field.value) as Row[]);
  }
  const update = (next: Row[]) => {
    setRows(next);
    field.set(mapOf(next));
  };
  const nextId = rows.reduce((m, r) => Math.max(m, r.id), -1) + 1;
  return { rows, setRows, update, nextId };
}
