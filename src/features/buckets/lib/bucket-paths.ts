// A folder of a bucket lives in the URL (/buckets/<bucket>/<folder>/) so it can be linked and reloaded.
// Names are keys, not paths: "a%2Fb", spaces, unicode and "<…>" travel encoded and come back as typed.
// A "." or ".." folder is the one thing a URL path cannot hold (browsers fold it away), so the slash
// after it is written encoded, which glues it to the next segment and keeps it out of the URL's reach.

function isDot(segment: string): boolean {
  return segment === '.' || segment === '..';
}

/** "raw/2025/" → "raw/2025/"; "../x/" → "..%2Fx/". The prefix is "" or ends with "/". */
export function encodePrefix(prefix: string): string {
  if (!prefix) return '';
  const segments = prefix.replace(/\/$/, '').split('/');
  return (
    segments.map((s, i) => encodeURIComponent(s) + (isDot(s) ? '%2F' : i < segments.length - 1 ? '/' : '')).join('') +
    (isDot(segments[segments.length - 1] ?? '') ? '' : '/')
  );
}

export function bucketHref(bucket: string, prefix = '', search = ''): string {
  return `/buckets/${encodeURIComponent(bucket)}/${encodePrefix(prefix)}${search}`;
}

/** The folder prefix from the URL path after /buckets/<bucket>/ (raw, still encoded). */
export function decodePrefix(raw: string): string {
  if (!raw) return '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    decoded = raw;
  }
  return decoded.endsWith('/') ? decoded : `${decoded}/`;
}

/** The bucket and folder from a location pathname such as "/buckets/my-bucket/raw/2025/". */
export function parseBucketPath(pathname: string): { bucket: string; prefix: string } {
  const m = /^\/buckets\/([^/]+)\/?(.*)$/.exec(pathname);
  if (!m) return { bucket: '', prefix: '' };
  let bucket = m[1] ?? '';
  try {
    bucket = decodeURIComponent(bucket);
  } catch {
    // Keep the raw name.
  }
  return { bucket, prefix: decodePrefix(m[2] ?? '') };
}

/** The crumbs of a folder: each ancestor with its prefix. */
export function prefixCrumbs(prefix: string): { name: string; prefix: string }[] {
  if (!prefix) return [];
  const parts = prefix.replace(/\/$/, '').split('/');
  return parts.map((name, i) => ({ name: name || '(empty name)', prefix: `${parts.slice(0, i + 1).join('/')}/` }));
}
