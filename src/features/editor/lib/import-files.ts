// Import: one or many files (an FDL and its scripts, a folder, or a .zip holding them) turned into
// the services they define, each with its script when the file was supplied.
import { unzipSync } from 'fflate';
import {
  fdlServiceToApi,
  lookupScript,
  parseFdl,
  type FdlIssue,
  type FdlService,
} from '../../../lib/fdl/fdl';
import { DEFAULT_SCRIPT_FILE, type EditorValue } from './editor-value';
import { isScriptFileRef, readableServices } from './yaml-sync';

export interface RawFile {
  /** Path as the user gave it (folder-relative for folders, inside the zip for zips). */
  path: string;
  bytes: Uint8Array;
}

export interface ImportedService {
  /** Unique within one import. */
  id: string;
  name: string;
  clusterId: string;
  /** Which file it came from. */
  file: string;
  value: EditorValue;
  /** The script file the FDL names, when it names one. */
  scriptRef?: string;
  scriptFound: boolean;
  /** Problems in this service (it can still be opened and fixed in the editor). */
  errors: FdlIssue[];
}

export interface ImportProblem {
  file: string;
  line?: number;
  message: string;
}

export interface ImportResult {
  services: ImportedService[];
  /** Script files named by the FDL that were not among the files. */
  missingScripts: string[];
  problems: ImportProblem[];
  /** Every text file that is not an FDL, by path, for scripts added later. */
  scripts: Record<string, string>;
}

const FDL_EXT = /\.(ya?ml|json)$/i;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_ZIP_BYTES = 50 * 1024 * 1024;

function isZip(file: RawFile): boolean {
  const b = file.bytes;
  return /\.zip$/i.test(file.path) || (b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04);
}

/** Reads browser File objects (webkitRelativePath is used for folders). */
export async function readFiles(files: readonly File[]): Promise<RawFile[]> {
  return Promise.all(
    files.map(async (f) => ({
      path: f.webkitRelativePath || f.name,
      bytes: new Uint8Array(typeof f.arrayBuffer === 'function' ? await f.arrayBuffer() : await readWithFileReader(f)),
    })),
  );
}

// Blob.arrayBuffer is missing from older Safari (and jsdom); FileReader is everywhere.
function readWithFileReader(f: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error ?? new Error('The file could not be read'));
    r.readAsArrayBuffer(f);
  });
}

function expandZips(files: RawFile[], problems: ImportProblem[]): RawFile[] {
  const out: RawFile[] = [];
  for (const file of files) {
    if (!isZip(file)) {
      out.push(file);
      continue;
    }
    if (file.bytes.length > MAX_ZIP_BYTES) {
      problems.push({ file: file.path, message: `${file.path} is larger than 50 MB; an FDL with its scripts is normally a few kilobytes` });
      continue;
    }
    try {
      const entries = unzipSync(file.bytes, {
        filter: (f) => !f.name.endsWith('/') && !f.name.startsWith('__MACOSX/') && f.originalSize <= MAX_FILE_BYTES,
      });
      for (const [path, bytes] of Object.entries(entries)) out.push({ path, bytes });
    } catch {
      problems.push({ file: file.path, message: `${file.path} could not be opened as a .zip archive (it may be damaged)` });
    }
  }
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
function decode(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i + 1);
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** The script named `ref` by the FDL at `fdlPath`: beside the FDL first, then anywhere unambiguous. */
export function findScript(scripts: Record<string, string>, fdlPath: string, ref: string): string | undefined {
  const beside = normalise(dirOf(fdlPath) + ref);
  if (Object.hasOwn(scripts, beside)) return scripts[beside];
  return lookupScript(scripts, ref);
}

function serviceFrom(entry: FdlService, file: string, index: number, fdl: { storage_providers?: unknown; clusters?: unknown }, scripts: Record<string, string>, errors: FdlIssue[]): ImportedService {
  const ref = typeof entry.service.script === 'string' && isScriptFileRef(entry.service.script) ? entry.service.script : undefined;
  const content = ref ? findScript(scripts, file, ref) : undefined;
  const service = fdlServiceToApi(entry, {
    scripts: ref && content !== undefined ? { [ref]: content } : {},
    storageProviders: fdl.storage_providers,
    clusters: fdl.clusters,
  });
  // A named script that was not supplied is left empty for the user to add, not sent as a path.
  if (ref && content === undefined) service.script = '';
  const name = typeof entry.service.name === 'string' ? entry.service.name : '';
  const imported: ImportedService = {
    id: `${file}#${index}`,
    name,
    clusterId: entry.clusterId,
    file,
    value: { service, scriptFileName: ref ?? DEFAULT_SCRIPT_FILE },
    scriptFound: !ref || content !== undefined,
    errors,
  };
  if (ref) imported.scriptRef = ref;
  return imported;
}

/** Turns the chosen files into services. Never throws: every problem is reported by file and line. */
export function importFiles(input: RawFile[]): ImportResult {
  const problems: ImportProblem[] = [];
  const files = expandZips(input, problems);
  const texts = new Map<string, string>();
  for (const f of files) {
    if (f.bytes.length > MAX_FILE_BYTES) {
      problems.push({ file: f.path, message: `${f.path} is larger than 5 MB; that is not an FDL file or a script` });
      continue;
    }
    const text = decode(f.bytes);
    if (text === null) {
      if (FDL_EXT.test(f.path) || files.length === 1) {
        problems.push({ file: f.path, message: `${f.path} is not a text file; choose an FDL (.yaml) file and its scripts` });
      }
      continue;
    }
    texts.set(f.path, text);
  }
  let fdlPaths = [...texts.keys()].filter((p) => FDL_EXT.test(p));
  // A lone file is taken as the FDL whatever its name.
  if (fdlPaths.length === 0 && texts.size === 1) fdlPaths = [...texts.keys()];
  const scripts: Record<string, string> = {};
  for (const [path, text] of texts) if (!fdlPaths.includes(path)) scripts[path] = text;

  const services: ImportedService[] = [];
  for (const path of fdlPaths) {
    const text = texts.get(path) ?? '';
    const parsed = parseFdl(text);
    if (parsed.ok) {
      parsed.services.forEach((entry, i) => services.push(serviceFrom(entry, path, i, parsed.fdl, scripts, [])));
      continue;
    }
    // Readable files whose values are wrong still give services, to be fixed in the editor.
    const doc = parsed.errors.every((e) => e.path !== undefined) ? readableServices(text) : null;
    if (doc && doc.services.length > 0) {
      doc.services.forEach((entry, i) => {
        const own = parsed.errors.filter((e) => e.path?.[2] === i);
        services.push(serviceFrom(entry, path, i, doc.fdl, scripts, own));
      });
      continue;
    }
    const notFdl = fdlPaths.length > 1 && parsed.errors.some((e) => /no functions: section/.test(e.message));
    if (notFdl) continue; // Another YAML file in a folder (a config, a workflow): not ours to judge.
    for (const e of parsed.errors.slice(0, 20)) problems.push({ file: path, line: e.line, message: e.message });
  }
  const missingScripts = [...new Set(services.filter((s) => !s.scriptFound && s.scriptRef).map((s) => s.scriptRef as string))];
  if (services.length === 0 && problems.length === 0) {
    problems.push({ file: input[0]?.path ?? '', message: 'No FDL file was found among these files; choose a .yaml file that starts with functions: oscar:' });
  }
  return { services, missingScripts, problems, scripts };
}

