// Turns the URL the page was opened with into one the router understands, before the router reads it:
// the OSCAR Dashboard's hash URLs become Lagoon routes, and (embedded) an identity provider's answer on
// the app's folder (?code=…&state=…) becomes the #/auth/callback route. See ./mode.ts.
import { legacyTarget } from './legacy-urls';

export interface StartLocation {
  pathname: string;
  search: string;
  hash: string;
}

/** The URL (path, query and hash) to replace the current one with, or null to leave it. */
export function startUrl(loc: StartLocation, embedded: boolean): string | null {
  const dir = loc.pathname.replace(/[^/]*$/, '');
  if (embedded) {
    const q = new URLSearchParams(loc.search);
    if (q.has('state') && (q.has('code') || q.has('error'))) return `${dir}#/auth/callback${loc.search}`;
    // #/login?endpoint=… is also Lagoon's own login route here; only the dashboard's hand-over has `process`.
    if (loc.hash.startsWith('#/login') && !/[?&]process=/.test(loc.hash)) return null;
    const target = legacyTarget(loc.hash);
    return target ? `${dir}#${target}` : null;
  }
  const target = legacyTarget(loc.hash);
  return target;
}

export function rewriteStartUrl(embedded: boolean): void {
  if (typeof location === 'undefined') return;
  const next = startUrl(location, embedded);
  if (next !== null) history.replaceState(null, '', next);
}
