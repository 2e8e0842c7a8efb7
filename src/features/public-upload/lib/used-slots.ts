// Which of a link's slots this browser has filled, so a reload or a second visit does not write over a file
// already sent (a presigned PUT can be used again until it expires). Kept per link in localStorage: the
// slots used from another browser are not known here (docs/decisions/009-public-upload.md).
const PREFIX = 'lagoon.public-upload.';

/** A short name for a link: its first slot's URL (which holds a signature no other link has), hashed. */
export function linkId(firstUrl: string): string {
  let h = 2166136261;
  for (let i = 0; i < firstUrl.length; i++) h = Math.imul(h ^ firstUrl.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36) + firstUrl.length.toString(36);
}

export function loadUsed(id: string): Set<number> {
  try {
    const v = JSON.parse(localStorage.getItem(PREFIX + id) ?? '[]') as unknown;
    return new Set(Array.isArray(v) ? v.filter((n): n is number => Number.isInteger(n)) : []);
  } catch {
    return new Set();
  }
}

export function saveUsed(id: string, used: ReadonlySet<number>): void {
  try {
    localStorage.setItem(PREFIX + id, JSON.stringify([...used].sort((a, b) => a - b)));
  } catch {
    // Private mode or a full storage: the page still works, it just forgets on reload.
  }
}
