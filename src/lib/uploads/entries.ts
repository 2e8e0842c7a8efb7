// What the user dropped or picked, as files with their path inside what was dropped, so a folder keeps its
// structure. Drops are read through the entries API (webkitGetAsEntry, in every current browser) or
// File System Access handles (getAsFileSystemHandle); both must be asked for while the drop event runs.

export interface PickedFile {
  file: File;
  /** "photos/2025/a.jpg" for a file inside a dropped folder "photos"; the file name otherwise. */
  relativePath: string;
}

export interface Picked {
  files: PickedFile[];
  /** Folders with nothing inside ("photos/empty/"), which S3 can only keep as a folder marker. */
  emptyFolders: string[];
}

interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?: (ok: (f: File) => void, fail: (e: unknown) => void) => void;
  createReader?: () => { readEntries: (ok: (entries: EntryLike[]) => void, fail: (e: unknown) => void) => void };
}

interface HandleLike {
  kind: 'file' | 'directory';
  name: string;
  getFile?: () => Promise<File>;
  values?: () => AsyncIterable<HandleLike>;
}

type Source = { entry: EntryLike } | { handle: Promise<HandleLike | null>; file: File | null } | { file: File };

/** Reads a drop. Call it inside the drop handler: the items are gone once the event is over. */
export function readDrop(dt: DataTransfer): Promise<Picked> {
  const sources: Source[] = [];
  const items = Array.from(dt.items ?? []).filter((i) => i.kind === 'file');
  for (const item of items) {
    const entry = (item as DataTransferItem & { webkitGetAsEntry?: () => EntryLike | null }).webkitGetAsEntry?.() ?? null;
    if (entry) {
      sources.push({ entry });
      continue;
    }
    // Scripted drops (and some browsers) give neither an entry nor a handle: the plain file is the fallback.
    const file = item.getAsFile();
    const getHandle = (item as DataTransferItem & { getAsFileSystemHandle?: () => Promise<HandleLike | null> }).getAsFileSystemHandle;
    if (getHandle) {
      sources.push({ handle: getHandle.call(item), file });
      continue;
    }
    if (file) sources.push({ file });
  }
  if (!items.length) for (const file of Array.from(dt.files ?? [])) sources.push({ file });
  return collect(sources);
}

async function collect(sources: Source[]): Promise<Picked> {
  const out: Picked = { files: [], emptyFolders: [] };
  for (const s of sources) {
    if ('entry' in s) await walkEntry(s.entry, '', out);
    else if ('handle' in s) {
      const h = await s.handle.catch(() => null);
      if (h) await walkHandle(h, '', out);
      else if (s.file) out.files.push({ file: s.file, relativePath: s.file.name });
    } else out.files.push({ file: s.file, relativePath: s.file.name });
  }
  return out;
}

function readAll(reader: NonNullable<ReturnType<NonNullable<EntryLike['createReader']>>>): Promise<EntryLike[]> {
  // readEntries hands out at most 100 entries a call: keep asking until it answers with none.
  return new Promise((resolve, reject) => {
    const all: EntryLike[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walkEntry(entry: EntryLike, dir: string, out: Picked): Promise<void> {
  if (entry.isFile && entry.file) {
    const read = entry.file;
    const file = await new Promise<File>((ok, fail) => read.call(entry, ok, fail));
    out.files.push({ file, relativePath: `${dir}${entry.name}` });
  } else if (entry.isDirectory && entry.createReader) {
    const path = `${dir}${entry.name}/`;
    const children = await readAll(entry.createReader());
    if (!children.length) out.emptyFolders.push(path);
    for (const c of children) await walkEntry(c, path, out);
  }
}

async function walkHandle(h: HandleLike, dir: string, out: Picked): Promise<void> {
  if (h.kind === 'file' && h.getFile) {
    out.files.push({ file: await h.getFile(), relativePath: `${dir}${h.name}` });
  } else if (h.kind === 'directory' && h.values) {
    const path = `${dir}${h.name}/`;
    let any = false;
    for await (const c of h.values()) {
      any = true;
      await walkHandle(c, path, out);
    }
    if (!any) out.emptyFolders.push(path);
  }
}

/** Files from an <input type=file>; with `webkitdirectory` each keeps its path inside the chosen folder. */
export function readInput(list: FileList | readonly File[]): Picked {
  return {
    files: Array.from(list).map((file) => ({ file, relativePath: file.webkitRelativePath || file.name })),
    emptyFolders: [],
  };
}
