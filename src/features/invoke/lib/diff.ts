// Two answers side by side: a line diff laid out as rows of (left, right), with JSON first put in one
// canonical form (keys sorted, two-space indent) so that key order and spacing are not reported as
// changes. Long texts are compared on their first lines only, and the result says so.
import { diffLines } from 'diff';

export type RowKind = 'same' | 'changed' | 'removed' | 'added';

export interface DiffRow {
  kind: RowKind;
  /** 1-based line numbers; absent on the side where the line does not exist. */
  leftNo?: number;
  rightNo?: number;
  left?: string;
  right?: string;
}

export interface TextDiff {
  rows: DiffRow[];
  changes: number;
  /** The texts were cut to `maxLines` before comparing. */
  truncated: boolean;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** JSON in a canonical layout, or the text unchanged when it is not JSON. */
export function canonicalJson(text: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)), null, 2);
  } catch {
    return text;
  }
}

function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function diffTexts(
  left: string,
  right: string,
  options: { json?: boolean; maxLines?: number } = {},
): TextDiff {
  const max = options.maxLines ?? 5000;
  const a = splitLines(options.json ? canonicalJson(left) : left);
  const b = splitLines(options.json ? canonicalJson(right) : right);
  const truncated = a.length > max || b.length > max;
  const changes = diffLines(`${a.slice(0, max).join('\n')}\n`, `${b.slice(0, max).join('\n')}\n`);
  const rows: DiffRow[] = [];
  let l = 1;
  let r = 1;
  let count = 0;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const lines = splitLines(c.value);
    if (!c.added && !c.removed) {
      for (const line of lines)
        rows.push({ kind: 'same', leftNo: l++, rightNo: r++, left: line, right: line });
      continue;
    }
    count++;
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      // A replaced block: pair lines up so each row shows what became of a line.
      const added = splitLines(next.value);
      const n = Math.max(lines.length, added.length);
      for (let k = 0; k < n; k++) {
        const left = lines[k];
        const right = added[k];
        rows.push({
          kind:
            left !== undefined && right !== undefined ? 'changed' : left !== undefined ? 'removed' : 'added',
          ...(left !== undefined ? { leftNo: l++, left } : {}),
          ...(right !== undefined ? { rightNo: r++, right } : {}),
        });
      }
      i++;
      continue;
    }
    for (const line of lines) {
      rows.push(
        c.removed
          ? { kind: 'removed', leftNo: l++, left: line }
          : { kind: 'added', rightNo: r++, right: line },
      );
    }
  }
  return { rows, changes: count, truncated };
}
