// A bucket's flat key list seen as folders: the rows of one folder (its subfolders, then its files), with
// the filter and sort the URL holds.
import type { MinIOObject } from '../../../api/types';

export interface FolderRow {
  kind: 'folder';
  /** The folder's own name, without the slash. */
  name: string;
  /** Its full prefix, ending in "/". */
  id: string;
  objects: number;
  size: number;
  lastModified: number;
}

export interface FileRow {
  kind: 'file';
  name: string;
  /** The object's key. */
  id: string;
  size: number;
  lastModified: number;
  owner: string;
}

export type ObjectRow = FolderRow | FileRow;
export type ObjectSort = 'name' | 'size' | 'modified';

/** The rows directly inside `prefix`. A key ending in "/" with no bytes is a folder marker, not a file. */
export function rowsIn(objects: readonly MinIOObject[], prefix: string): ObjectRow[] {
  const folders = new Map<string, FolderRow>();
  const files: FileRow[] = [];
  for (const o of objects) {
    const key = o.object_name ?? '';
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const slash = rest.indexOf('/');
    const modified = o.last_modified ? Date.parse(o.last_modified) : 0;
    if (slash >= 0) {
      const name = rest.slice(0, slash);
      const id = `${prefix}${name}/`;
      let f = folders.get(id);
      if (!f) folders.set(id, (f = { kind: 'folder', name, id, objects: 0, size: 0, lastModified: 0 }));
      const marker = slash === rest.length - 1 && !(o.size_bytes ?? 0);
      if (!marker) {
        f.objects++;
        f.size += o.size_bytes ?? 0;
      }
      f.lastModified = Math.max(f.lastModified, modified);
    } else if (rest) {
      files.push({ kind: 'file', name: rest, id: key, size: o.size_bytes ?? 0, lastModified: modified, owner: o.owner ?? '' });
    }
  }
  return [...folders.values(), ...files];
}

export function filterRows(rows: readonly ObjectRow[], q: string): ObjectRow[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((r) => r.name.toLowerCase().includes(needle));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Folders stay above files; within each, by the chosen column. */
export function sortRows(rows: readonly ObjectRow[], sort: ObjectSort, dir: 'asc' | 'desc'): ObjectRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const by = (a: ObjectRow, b: ObjectRow): number => {
    if (sort === 'size') return a.size - b.size || collator.compare(a.name, b.name);
    if (sort === 'modified') return a.lastModified - b.lastModified || collator.compare(a.name, b.name);
    return collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  };
  return [...rows].sort((a, b) => (a.kind !== b.kind ? (a.kind === 'folder' ? -1 : 1) : sign * by(a, b)));
}

/** Every key inside the selected rows: a file's own key, and all keys under a folder. */
export function keysOf(selected: readonly ObjectRow[], objects: readonly MinIOObject[]): string[] {
  const keys = new Set<string>();
  const folders = selected.filter((r) => r.kind === 'folder').map((r) => r.id);
  for (const r of selected) if (r.kind === 'file') keys.add(r.id);
  if (folders.length) {
    for (const o of objects) {
      const k = o.object_name ?? '';
      if (folders.some((f) => k.startsWith(f))) keys.add(k);
    }
  }
  return [...keys];
}

export type PreviewKind = 'image' | 'text' | 'json' | 'csv' | 'pdf' | 'audio' | 'video' | 'none';

export function previewKind(name: string): PreviewKind {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (!name.includes('.')) return 'none';
  if (['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'avif'].includes(ext)) return 'image';
  if (['json', 'geojson'].includes(ext)) return 'json';
  if (['csv', 'tsv'].includes(ext)) return 'csv';
  if (['txt', 'log', 'md', 'yaml', 'yml', 'xml', 'sh', 'py', 'r', 'ini', 'cfg', 'toml', 'out', 'err'].includes(ext)) return 'text';
  if (ext === 'pdf') return 'pdf';
  if (['mp3', 'wav', 'ogg', 'flac', 'm4a', 'aac'].includes(ext)) return 'audio';
  if (['mp4', 'webm', 'mov', 'm4v', 'ogv'].includes(ext)) return 'video';
  return 'none';
}
