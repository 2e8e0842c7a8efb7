// Before credentials become the session, they are tried on GET /system/info. Every way that can go
// wrong becomes a LoginError with words for the login screen and the field it belongs to.
import { clientFor } from '../../api/client';
import type { Connection } from '../../api/connection';
import { isApiError } from '../../api/errors';
import type { Info } from '../../api/types';

export type LoginField = 'endpoint' | 'username' | 'password' | 'form';

export class LoginError extends Error {
  readonly field: LoginField;
  readonly status: number | undefined;

  constructor(message: string, field: LoginField, status?: number) {
    super(message);
    this.name = 'LoginError';
    this.field = field;
    this.status = status;
  }
}

export interface CheckOptions {
  /** For a token: the provider's name, so a refusal can say which login the cluster did not accept. */
  providerLabel?: string;
}

export async function checkCluster(connection: Connection, options: CheckOptions = {}): Promise<Info> {
  const bearer = connection.credentials?.kind === 'bearer';
  let text: string | undefined;
  let contentType = '';
  try {
    // As text, so a page that answers HTML is reported as "not OSCAR" rather than a JSON parse error.
    const { data, response } = await clientFor(connection).GET('/system/info', { parseAs: 'text' });
    text = data;
    contentType = response.headers.get('content-type') ?? '';
  } catch (e) {
    throw toLoginError(e, connection.endpoint, bearer, options);
  }
  const info = parseInfo(text, contentType);
  if (!info) throw notOscar(connection.endpoint);
  return info;
}

function parseInfo(text: string | undefined, contentType: string): Info | null {
  if (!text || contentType.includes('html') || text.trimStart().startsWith('<')) return null;
  try {
    const data: unknown = JSON.parse(text);
    if (data && typeof data === 'object' && typeof (data as { version?: unknown }).version === 'string') return data as Info;
  } catch {
    return null;
  }
  return null;
}

function notOscar(endpoint: string): LoginError {
  return new LoginError(
    `${endpoint} answered, but it is not an OSCAR cluster (no OSCAR API at /system/info). Check the address: it is the cluster's base URL, such as https://oscar.example.org.`,
    'endpoint',
  );
}

function toLoginError(e: unknown, endpoint: string, bearer: boolean, options: CheckOptions): LoginError {
  if (!isApiError(e)) {
    return new LoginError(`Could not check the cluster: ${e instanceof Error ? e.message : String(e)}`, 'form');
  }
  switch (true) {
    case e.status === 0:
      return new LoginError(
        `Cannot reach a cluster at ${endpoint}. Check the address and that the cluster is up. A cluster on another site must also allow requests from this page (CORS).`,
        'endpoint',
        0,
      );
    case e.status === 401 && bearer:
      return new LoginError(
        `The cluster did not accept your ${options.providerLabel ?? 'identity provider'} login. It may not trust this identity provider, or the token has expired. Try again, or log in with another method.`,
        'form',
        401,
      );
    case e.status === 401:
      return new LoginError('Wrong username or password for this cluster.', 'password', 401);
    case e.status === 403:
      return new LoginError(`The cluster refused this account: ${serverWords(e.message)}`, bearer ? 'form' : 'username', 403);
    case e.status === 404 || e.status === 405:
      return notOscar(endpoint);
    case e.status >= 500:
      return new LoginError(`The cluster is having trouble (HTTP ${e.status}): ${serverWords(e.message)}. Try again in a moment.`, 'form', e.status);
    default:
      return new LoginError(`The cluster answered HTTP ${e.status}: ${serverWords(e.message)}`, 'form', e.status);
  }
}

/** The server's own words, unless it sent a web page (a proxy's error page) or an essay. */
function serverWords(message: string): string {
  const m = message.trim().replace(/[.]+$/, '');
  if (!m || m.startsWith('<')) return 'no details given';
  return m.length > 200 ? `${m.slice(0, 200)}…` : m;
}
