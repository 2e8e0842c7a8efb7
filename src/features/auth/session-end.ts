// How a session ends: the user logs out, switches cluster, or the cluster answers 401. In each case
// the session and all cached cluster data go, and the login screen says why.
import type { QueryClient } from '@tanstack/react-query';
import type { createBrowserRouter } from 'react-router';
import { onUnauthorized } from '../../api/connection';
import { getSession, setSession, type Session } from '../../lib/session/session';

type Router = ReturnType<typeof createBrowserRouter>;

export const FLASH_KEY = 'lagoon.flash';

export interface Flash {
  kind: 'info' | 'warning' | 'error';
  message: string;
}

/** A message for the next login screen, kept across a redirect (to the provider and back). */
export function setFlash(flash: Flash): void {
  try {
    sessionStorage.setItem(FLASH_KEY, JSON.stringify(flash));
  } catch {
    // Without storage the login screen just shows no message.
  }
}

/** Reads the message without consuming it (render may run twice); clearFlash() consumes it. */
export function peekFlash(): Flash | null {
  try {
    const raw = sessionStorage.getItem(FLASH_KEY);
    if (!raw) return null;
    const f = JSON.parse(raw) as Partial<Flash>;
    if (typeof f.message !== 'string' || !f.message) return null;
    return { kind: f.kind === 'error' || f.kind === 'warning' ? f.kind : 'info', message: f.message };
  } catch {
    return null;
  }
}

export function clearFlash(): void {
  try {
    sessionStorage.removeItem(FLASH_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** /login with the endpoint preselected and the page to return to. */
export function loginPath({ endpoint, next }: { endpoint?: string | undefined; next?: string | undefined } = {}): string {
  const q = new URLSearchParams();
  if (next && next !== '/' && !next.startsWith('/login')) q.set('next', next);
  if (endpoint !== undefined) q.set('endpoint', endpoint);
  const s = q.toString();
  return s ? `/login?${s}` : '/login';
}

/** Ends the session in this tab: forgets credentials, cached data and (for OIDC) the provider's tokens here. */
export async function endSessionLocally(queryClient: QueryClient): Promise<Session | null> {
  const session = getSession();
  setSession(null);
  queryClient.clear();
  if (session?.method === 'oidc') {
    // Loaded on demand so password-only users never download the OIDC library.
    const { forgetOidcUser } = await import('./oidc');
    await forgetOidcUser(session.providerId).catch(() => undefined);
  }
  return session;
}

/** A 401 on a session call ends the session: back to login, then back to the page the user was on. */
export function installSessionEnd(router: Router, queryClient: QueryClient): void {
  onUnauthorized(() => {
    const session = getSession();
    if (!session) return;
    setFlash({
      kind: 'warning',
      message:
        session.method === 'oidc'
          ? 'Your login has expired or was refused by the cluster. Log in again to continue where you were.'
          : 'The cluster no longer accepts the saved password (it may have changed). Log in again to continue where you were.',
    });
    void endSessionLocally(queryClient);
    const { pathname, search, hash } = router.state.location;
    if (pathname.startsWith('/login')) return;
    void router.navigate(loginPath({ endpoint: session.endpoint, next: pathname + search + hash }), { replace: true });
  });
}
