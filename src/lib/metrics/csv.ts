// CSV for what the usage views show: a chart's series (one row per bucket) and any table. Cells are
// quoted per RFC 4180; a cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a
// leading apostrophe, since service and user names come from other people.
import { rfc3339 } from './range';
import type { SeriesData } from './series';

export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One row per bucket: start, end, then each series; gaps are empty cells, never zeros. */
export function seriesCsv(data: SeriesData): string {
  const header = ['start', 'end', ...data.defs.map((d) => d.label), 'note'];
  const rows = data.points.map((p) => [
    rfc3339(p.t),
    rfc3339(p.end),
    ...data.defs.map((d) => p.values[d.key] ?? null),
    pointNote(p),
  ]);
  return toCsv(header, rows);
}

/** Why a point is not a plain figure, in a few words ("" when it is). */
export function pointNote(p: { state: string; partial: boolean; open: boolean }): string {
  if (p.state === 'error') return 'failed to load';
  if (p.state === 'pending') return 'loading';
  const notes = [p.open ? 'in progress' : '', p.partial ? 'partial: a source was not ok' : ''].filter(
    Boolean,
  );
  return notes.join('; ');
}

/** A CSV text's rows as arrays (for tests and for checking a download); handles quotes and CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
