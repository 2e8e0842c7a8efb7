// How a file is sent: one PUT or S3 multipart, the part size, the object key, and the "keep both" name.

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
/** S3's smallest part (except the last) and largest part count. */
export const MIN_PART_SIZE = 5 * MiB;
export const MAX_PARTS = 10_000;
/** S3's largest single PUT. */
export const MAX_SINGLE_PUT = 5 * GiB;
export const DEFAULT_PART_SIZE = 8 * MiB;
/** Large files aim at this many parts (enough to keep the requests in flight busy)… */
export const TARGET_PARTS = 32;
/** …with parts of at most this size, so a dropped part costs little to send again. */
export const LARGE_PART_SIZE = 32 * MiB;
/** Files above this go by multipart: parallel parts, resumable, cancellable on the server. */
export const MULTIPART_THRESHOLD = 16 * MiB;

/**
 * The part size for a file: the preferred size, grown in whole MiB for large files to about 1/32 of the
 * file up to 32 MiB (every part is a request, with its own CORS preflight, signature and server-side
 * bookkeeping: bigger parts measured faster, see bench/upload-throughput.mjs), and beyond that as much
 * as it takes to fit in 10,000 parts.
 */
export function choosePartSize(size: number, preferred = DEFAULT_PART_SIZE): number {
  const least = Math.ceil(size / MAX_PARTS / MiB) * MiB;
  const large = Math.min(LARGE_PART_SIZE, Math.ceil(size / TARGET_PARTS / MiB) * MiB);
  return Math.max(MIN_PART_SIZE, preferred, large, least);
}

export function usesMultipart(size: number, threshold = MULTIPART_THRESHOLD): boolean {
  return size > threshold;
}

export interface PartRange {
  partNumber: number;
  start: number;
  end: number;
}

export function partRanges(size: number, partSize: number): PartRange[] {
  const out: PartRange[] = [];
  for (let start = 0, n = 1; start < size; start += partSize, n++) {
    out.push({ partNumber: n, start, end: Math.min(size, start + partSize) });
  }
  return out;
}

/**
 * The object key for a file dropped into a folder: the folder prefix and the file's path relative to what
 * was dropped, joined as they are. Nothing is normalised or escaped: a key is a name, not a path, so
 * "../x" or "a%2Fb" is stored as typed (the transport encodes it).
 */
export function joinKey(prefix: string, relativePath: string): string {
  const p = prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix;
  return `${p}${relativePath}`;
}

/** "photo.jpg" → "photo (1).jpg" (then (2), …) until `exists` says no; folders keep their path. */
export function keepBothKey(key: string, exists: (k: string) => boolean): string {
  const slash = key.lastIndexOf('/');
  const dir = key.slice(0, slash + 1);
  const file = key.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [file.slice(0, dot), file.slice(dot)] : [file, ''];
  for (let n = 1; ; n++) {
    const candidate = `${dir}${stem} (${n})${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

export interface FileIdentity {
  name: string;
  size: number;
  lastModified: number;
}

/** Whether a re-selected file is the one an interrupted upload was sending (name, size and date). */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  txt: 'text/plain',
  log: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  xml: 'application/xml',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  tar: 'application/x-tar',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  h5: 'application/x-hdf5',
  npy: 'application/octet-stream',
};

/** The browser's type for the file, else one from the extension, else octet-stream. */
export function contentTypeFor(name: string, browserType = ''): string {
  if (browserType) return browserType;
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return (name.includes('.') && TYPES[ext]) || 'application/octet-stream';
}
