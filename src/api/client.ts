// The one OSCAR client: typed from the spec (./schema.ts) by openapi-fetch, with OSCAR's rules applied in
// one place: the cluster endpoint, Basic or Bearer auth, Bearer-only /run and /job, plain-text errors
// turned into ApiError, and a 401 on a session call ending the session. See ../shared/oscar-api/NOTES.md.
import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, apiErrorFromResponse } from './errors';
import { authorizationHeader, getConnection, notifyUnauthorized, type Connection } from './connection';
import { ensureDemo, isDemoEndpoint } from './demo';

const PLACEHOLDER = 'http://oscar.invalid';

/** /run and /job take a Bearer token only (service token or OIDC token), never Basic. */
export function isInvocationPath(pathname: string): boolean {
  return /^\/(run|job)\//.test(pathname);
}

export function resolveEndpoint(endpoint: string): string {
  if (endpoint.startsWith('/') && typeof location !== 'undefined') return `${location.origin}${endpoint}`;
  return endpoint;
}

export interface ClientHooks {
  /** Where the connection comes from, read on every request. */
  connection: () => Connection | null;
  /** Called when a request made with the session's credentials answers 401. */
  onUnauthorized?: (url: string) => void;
  /**
   * Sends the finished request (default: fetch). The log viewer passes one that fetches in its worker,
   * so a growing log's bytes never reach the page's main thread (docs/decisions/005-log-viewer.md).
   */
  transport?: (url: string, init: RequestInit) => Promise<Response>;
}

export function createOscarClient(hooks: ClientHooks) {
  const oscarFetch = async (request: Request): Promise<Response> => {
    const conn = hooks.connection();
    if (!conn) throw new ApiError(401, 'Not signed in to a cluster', undefined, request.url);
    const placeholder = new URL(request.url);
    const base = resolveEndpoint(conn.endpoint).replace(/\/+$/, '');
    const url = `${base}${placeholder.pathname}${placeholder.search}`;
    const headers = new Headers(request.headers);
    const explicitAuth = headers.has('Authorization');
    const invocation = isInvocationPath(placeholder.pathname);
    if (!explicitAuth && conn.credentials) {
      if (!invocation || conn.credentials.kind === 'bearer') {
        headers.set('Authorization', authorizationHeader(conn.credentials));
      }
    }
    if (invocation && headers.get('Authorization')?.startsWith('Basic ')) headers.delete('Authorization');
    const usedSession = !explicitAuth && headers.has('Authorization');

    if (isDemoEndpoint(conn.endpoint)) await ensureDemo();

    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      signal: request.signal,
      credentials: 'omit',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.body) {
      init.body = await request.arrayBuffer();
    }
    let response: Response;
    try {
      response = await (hooks.transport ?? fetch)(url, init);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(
        0,
        `Cannot reach the cluster at ${conn.endpoint}. It may be down, the address may be wrong, or it may not allow requests from this page (CORS).`,
        undefined,
        url,
      );
    }
    if (!response.ok) {
      const error = await apiErrorFromResponse(response);
      if (response.status === 401 && usedSession) hooks.onUnauthorized?.(url);
      throw error;
    }
    return response;
  };

  return createClient<paths>({ baseUrl: PLACEHOLDER, fetch: oscarFetch });
}

export type OscarClient = ReturnType<typeof createOscarClient>;

/** The app's client, on the session's connection. */
export const oscar: OscarClient = createOscarClient({
  connection: getConnection,
  onUnauthorized: notifyUnauthorized,
});

/** A client on a given connection, for checking credentials before they become the session. */
export function clientFor(connection: Connection): OscarClient {
  return createOscarClient({ connection: () => connection });
}

/** For answers the spec declares but that must be present (a 2xx JSON body). */
export function required<T>(data: T | undefined, what: string): T {
  if (data === undefined) throw new ApiError(502, `The cluster sent an empty answer for ${what}`);
  return data;
}
