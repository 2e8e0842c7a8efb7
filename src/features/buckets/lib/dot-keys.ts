// Keys with "." or ".." segments ("../x", "in/./a.txt") can be stored (by S3 POST, see
// docs/decisions/004-uploads.md), listed and deleted, but no browser can fetch them: URL parsing folds dot
// segments away, even written as %2E%2E, so a download, a preview or a share link would reach another
// object or none. The app says so, and gives terminal commands that send the key as it is.
import { hasDotSegment } from '../../../lib/s3/sign';

/** True when a browser cannot download, preview or open a link to this key. */
export function browserCannotFetch(key: string): boolean {
  return hasDotSegment(key);
}

/** The dot segments a key has, for the message: ["..", "."]. */
export function dotSegmentsOf(key: string): string[] {
  return [...new Set(key.split('/').filter((s) => s === '.' || s === '..'))];
}

/** One argument for a POSIX shell: single quotes, with any quote inside closed, escaped and reopened. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The file name to save a key as: its last segment, unless that is empty, "." or "..". */
export function localName(key: string): string {
  const base = key.slice(key.lastIndexOf('/') + 1);
  return base === '' || base === '.' || base === '..' ? 'download' : base;
}

/** Downloads with a presigned URL; `--path-as-is` stops curl folding the dots as a browser does. */
export function curlCommand(url: string, key: string): string {
  return `curl --fail --path-as-is -o ${shellQuote(localName(key))} ${shellQuote(url)}`;
}

/** The S3 API's GetObject from the AWS command line, which sends the key as it is (checked with aws-cli 1.45). */
export function awsCommand(endpoint: string, bucket: string, key: string): string {
  return `aws s3api get-object --endpoint-url ${shellQuote(endpoint)} --bucket ${shellQuote(bucket)} --key ${shellQuote(key)} ${shellQuote(localName(key))}`;
}

/**
 * The storage endpoint a presigned URL points at: everything before "/<bucket>/". Read from the text,
 * since `new URL` would fold the key's dots (harmless here, but the prefix is what we want).
 */
export function endpointOf(url: string, bucket: string): string | null {
  const at = url.indexOf(`/${encodeURIComponent(bucket)}/`, url.indexOf('//') + 2);
  return at > 0 ? url.slice(0, at) : null;
}

/** 3600 → "1 hour", 604800 → "7 days". */
export function expiryLabel(seconds: number): string {
  if (seconds >= 86_400) return `${seconds / 86_400} day${seconds === 86_400 ? '' : 's'}`;
  return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
}

/** Why a fetch of such a key is refused: nothing would reach the right object. */
export class DotKeyError extends Error {
  constructor(readonly key: string) {
    super(`“${key}” has a ${dotSegmentsOf(key).map((d) => `“${d}”`).join(' and ')} folder in its name, which browsers rewrite in web addresses, so it cannot be fetched from a browser.`);
    this.name = 'DotKeyError';
  }
}
