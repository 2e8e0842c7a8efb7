// The session: which cluster, who, and the credentials. Kept in memory and in sessionStorage, never in
// localStorage, so a reload keeps it and closing the tab ends it (docs/decisions/001-session-storage.md).
import { useSyncExternalStore } from 'react';
import { setConnection, type Credentials } from '../../api/connection';

export interface SessionUser {
  /** What the header shows: OIDC name or email, or the Basic user name. */
  name: string;
  email?: string;
  /** OIDC subject (the EGI UID OSCAR uses as owner), absent for Basic. */
  sub?: string;
  /** OIDC `eduperson_entitlement` claims (the VOs the user belongs to: lib/session/vos.ts). */
  entitlements?: string[];
}

export interface Session {
  endpoint: string;
  method: 'basic' | 'oidc';
  user: SessionUser;
  credentials: Credentials;
  /** For OIDC: the provider id from config.json, and when the access token expires (ms since epoch). */
  providerId?: string;
  expiresAt?: number;
}

const KEY = 'lagoon.session';
const listeners = new Set<() => void>();
let current: Session | null = read();
setConnection(current ? { endpoint: current.endpoint, credentials: current.credentials } : null);

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as Partial<Session>) : null;
    // Something else written under the key (or an older shape) is no session, rather than a crash later.
    const valid =
      s &&
      typeof s.endpoint === 'string' &&
      (s.method === 'basic' || s.method === 'oidc') &&
      typeof s.user?.name === 'string' &&
      (s.credentials?.kind === 'basic' || s.credentials?.kind === 'bearer');
    return valid ? (s as Session) : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

export function setSession(next: Session | null): void {
  current = next;
  setConnection(next ? { endpoint: next.endpoint, credentials: next.credentials } : null);
  try {
    if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage can be full or disabled; the in-memory session still works for this page.
  }
  for (const l of listeners) l();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
