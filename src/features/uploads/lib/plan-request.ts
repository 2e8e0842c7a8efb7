// Turns what was dropped into queue entries: object keys under the folder, which of them already exist, and
// the user's answer to each collision (replace, keep both, skip). Pure, no React.
import type { UploadRequest } from '../../../lib/uploads/requests';
import { joinKey, keepBothKey } from './plan';
import type { AddRequest } from './queue';

export type CollisionChoice = 'replace' | 'keep-both' | 'skip';

export interface PlannedFile {
  key: string;
  name: string;
  file: File;
}

/** Every key the request would write, files first, then markers for empty folders. */
export function plannedFiles(r: UploadRequest): PlannedFile[] {
  const files = r.files.map((f) => ({ key: joinKey(r.prefix, f.relativePath), name: f.relativePath, file: f.file }));
  const folders = r.emptyFolders.map((path) => ({ key: joinKey(r.prefix, path), name: path, file: new File([], path.replace(/\/$/, '').split('/').pop() ?? '') }));
  return [...files, ...folders];
}

/** The longest prefix (up to a "/") all keys share: where to look for existing names. */
export function commonFolder(keys: readonly string[]): string {
  if (!keys.length) return '';
  let p = keys[0] ?? '';
  for (const k of keys) while (!k.startsWith(p)) p = p.slice(0, -1);
  return p.slice(0, p.lastIndexOf('/') + 1);
}

/** The queue entries after the choices; `choices` maps a colliding key to what the user chose. */
export function resolve(planned: readonly PlannedFile[], bucket: string, existing: ReadonlySet<string>, choices: ReadonlyMap<string, CollisionChoice>): AddRequest[] {
  const taken = new Set(existing);
  for (const p of planned) taken.add(p.key);
  const out: AddRequest[] = [];
  for (const p of planned) {
    const choice = existing.has(p.key) ? (choices.get(p.key) ?? 'skip') : 'replace';
    if (choice === 'skip') continue;
    let key = p.key;
    if (choice === 'keep-both') {
      key = keepBothKey(p.key, (k) => taken.has(k));
      taken.add(key);
    }
    const name = key === p.key ? p.name : `${p.name.slice(0, p.name.lastIndexOf('/') + 1)}${key.slice(key.lastIndexOf('/') + 1)}`;
    out.push({ bucket, key, file: p.file, name });
  }
  return out;
}
