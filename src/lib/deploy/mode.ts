// How this build is deployed (see docs/decisions/007-deploy-modes.md): "hosted" (its own web server, history
// routing, the user names the cluster) or "embedded" (inside an OSCAR cluster at /ui/, hash routing, the API
// on the page's own origin). scripts/deploy_container.cjs switches a build to embedded.

/** True in the build OSCAR's Dockerfile makes (scripts/deploy_container.cjs). */
export const EMBEDDED: boolean = import.meta.env.LAGOON_DEPLOY === 'embedded';

/** The folder index.html was loaded from, e.g. "/ui/" on a cluster, "/" when hosted. */
export function appDir(loc: Pick<Location, 'pathname'> = location): string {
  return EMBEDDED ? loc.pathname.replace(/[^/]*$/, '') : '/';
}

/** Where the identity provider sends the browser back. Embedded, a real file must answer (gin has no
 * fallback), so it is the app's own folder: the start-up shim then hands the query to #/auth/callback. */
export function oidcRedirectUri(loc: Pick<Location, 'origin' | 'pathname'> = location): string {
  return EMBEDDED ? `${loc.origin}${appDir(loc)}` : `${loc.origin}/auth/callback`;
}

/** Where a provider sends the browser after logging out: no fragment (providers refuse one), so embedded it
 * is the app's folder, which opens the login when there is no session. */
export function postLogoutUri(loc: Pick<Location, 'origin' | 'pathname'> = location): string {
  return EMBEDDED ? `${loc.origin}${appDir(loc)}` : `${loc.origin}/login`;
}

/** A file shipped next to index.html (config.json, prometheus.json, favicon.svg). */
export function assetUrl(name: string): string {
  return new URL(`${import.meta.env.BASE_URL}${name}`, location.href).href;
}

/** Embedded, the cluster is the page's own origin: nothing to type. */
export function sameOriginEndpoint(): string | null {
  return EMBEDDED ? location.origin : null;
}
