// The connection the client uses: which cluster and which credentials. The auth feature owns the
// session (login, renewal, persistence) and keeps this in step; the client only reads it.

export type Credentials =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string };

export interface Connection {
  endpoint: string;
  credentials: Credentials | null;
}

let current: Connection | null = null;
let unauthorizedHandler: ((url: string) => void) | null = null;

export function setConnection(c: Connection | null): void {
  current = c;
}

export function getConnection(): Connection | null {
  return current;
}

/** Called when a session-authenticated request answers 401: the session has ended. */
export function onUnauthorized(handler: ((url: string) => void) | null): void {
  unauthorizedHandler = handler;
}

export function notifyUnauthorized(url: string): void {
  unauthorizedHandler?.(url);
}

export function normalizeEndpoint(raw: string): string {
  let s = raw.trim();
  if (!s) return s;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !s.startsWith('/')) s = `https://${s}`;
  return s.replace(/\/+$/, '');
}

export function authorizationHeader(c: Credentials): string {
  if (c.kind === 'basic') {
    const bytes = new TextEncoder().encode(`${c.username}:${c.password}`);
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return `Basic ${btoa(bin)}`;
  }
  return `Bearer ${c.token}`;
}
