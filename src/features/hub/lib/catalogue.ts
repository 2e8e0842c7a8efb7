// A source's catalogue: its tree → the crate folders in it → each crate's metadata read. A crate that
// cannot be read, or lacks its FDL, is kept in the list with the reason; the others are not affected.
import { readCrate, type CrateMeta } from './ro-crate';
import type { Tree } from './github';

export const METADATA_FILE = 'ro-crate-metadata.json';

export interface CrateFolder {
  /** The folder's name, the crate's id in URLs ("cowsay"); the full path when two folders share a name. */
  id: string;
  /** The folder's path in the repository ("crates/cowsay"). */
  path: string;
  /** Files in the folder, relative to it. */
  files: string[];
}

export type CrateEntry =
  | (CrateFolder & { ok: true; meta: CrateMeta })
  | (CrateFolder & { ok: false; reason: string; name?: string });

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

/**
 * The crates of a tree: every folder holding a ro-crate-metadata.json, plus folders under crates/ that
 * hold an FDL without one (listed as broken, so a half-published crate is seen rather than lost).
 */
export function crateFolders(tree: Tree): CrateFolder[] {
  const blobs = tree.entries.filter((e) => e.type === 'blob').map((e) => e.path);
  const roots = new Set<string>();
  for (const p of blobs) {
    const name = p.split('/').pop() ?? '';
    if (name === METADATA_FILE) roots.add(dirOf(p));
    else if (/^fdl\.ya?ml$/i.test(name) && /^crates\/[^/]+$/.test(dirOf(p))) roots.add(dirOf(p));
  }
  const folders = [...roots].sort().map((path) => ({
    path,
    id: path.split('/').pop() || path || '.',
    files: blobs.filter((b) => (path === '' ? !b.includes('/') : b.startsWith(`${path}/`))).map((b) => (path === '' ? b : b.slice(path.length + 1))),
  }));
  // Nested crates' files are not the outer one's.
  for (const f of folders) {
    const inner = folders.filter((o) => o !== f && (f.path === '' || o.path.startsWith(`${f.path}/`))).map((o) => (f.path === '' ? o.path : o.path.slice(f.path.length + 1)));
    f.files = f.files.filter((file) => !inner.some((i) => file.startsWith(`${i}/`)));
  }
  const count = new Map<string, number>();
  for (const f of folders) count.set(f.id, (count.get(f.id) ?? 0) + 1);
  return folders.map((f) => ((count.get(f.id) ?? 0) > 1 ? { ...f, id: f.path } : f));
}

/** One crate from its folder and its metadata's text (or why the text could not be had). */
export function crateEntry(folder: CrateFolder, metadata: { text: string } | { error: string } | null): CrateEntry {
  if (metadata === null) return { ...folder, ok: false, reason: `It has no ${METADATA_FILE}, so it cannot be described or deployed.` };
  if ('error' in metadata) return { ...folder, ok: false, reason: `Its ${METADATA_FILE} could not be read: ${metadata.error}` };
  const reading = readCrate(metadata.text);
  if (!reading.ok) return { ...folder, ok: false, reason: reading.reason };
  const { meta } = reading;
  if (!meta.fdl) return { ...folder, ok: false, name: meta.name, reason: 'Its metadata names no FDL (fdl.yml) among its parts, so there is nothing to deploy.' };
  if (!folder.files.includes(meta.fdl.id)) {
    return { ...folder, ok: false, name: meta.name, reason: `Its FDL, ${meta.fdl.id}, is not in the repository, so there is nothing to deploy.` };
  }
  // Parts the metadata names but the repository lacks (an icon, a sample) are simply not offered.
  const present = (id?: string) => id !== undefined && folder.files.includes(id);
  const trimmed: CrateMeta = { ...meta };
  for (const k of ['script', 'icon', 'readme', 'input'] as const) if (trimmed[k] && !present(trimmed[k]?.id)) delete trimmed[k];
  if (!trimmed.readme) {
    const readme = folder.files.find((f) => /^readme\.md$/i.test(f));
    if (readme) trimmed.readme = { id: readme, types: ['File'], encodingFormat: 'text/markdown' };
  }
  return { ...folder, ok: true, meta: trimmed };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return out;
}

/** The service types a filter offers, in this order, then any others the crates use. */
export const KNOWN_TYPES = ['synchronous', 'asynchronous', 'exposed', 'kserve'];

export function typeLabel(t: string): string {
  if (t === 'kserve') return 'KServe';
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export interface CatalogueView {
  q: string;
  types: string[];
  view: 'grid' | 'table';
}

export function parseCatalogueParams(p: URLSearchParams): CatalogueView {
  return {
    q: p.get('q') ?? '',
    types: (p.get('type') ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean),
    view: p.get('view') === 'table' ? 'table' : 'grid',
  };
}

/** The crates a search and a type filter keep: every word in the name, description, keywords or id. */
export function filterCrates<T extends CrateEntry>(crates: readonly T[], view: Pick<CatalogueView, 'q' | 'types'>): T[] {
  const words = view.q.toLowerCase().split(/\s+/).filter(Boolean);
  return crates.filter((c) => {
    if (view.types.length > 0 && !(c.ok && c.meta.serviceTypes.some((t) => view.types.includes(t)))) return false;
    const hay = (c.ok ? [c.id, c.meta.name, c.meta.description, ...c.meta.keywords, ...c.meta.serviceTypes] : [c.id, c.name ?? '', c.reason]).join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
