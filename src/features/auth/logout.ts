// Logging out ends the session here and, for an OIDC login, at the identity provider too, so the next
// person at this browser cannot walk back in through the provider's still-open session.
import type { QueryClient } from '@tanstack/react-query';
import { getSession, setSession } from '../../lib/session/session';
import { endSessionLocally, setFlash } from './session-end';

/** Returns where to go next, or `to: null` when the browser is on its way to the provider. */
export async function logout(queryClient: QueryClient): Promise<{ to: string | null }> {
  const session = getSession();
  // A demo user's session (demo-user-login.ts) has no provider to log out of.
  if (session?.method !== 'oidc' || !session.providerId) {
    await endSessionLocally(queryClient);
    setFlash({ kind: 'info', message: 'You have logged out.' });
    return { to: '/login' };
  }
  const { signoutAtProvider, forgetOidcUser } = await import('./oidc');
  // The provider's tokens stay in their store until the redirect starts: it needs the ID token as a hint.
  setSession(null);
  queryClient.clear();
  setFlash({ kind: 'info', message: 'You have logged out of Lagoon and of your identity provider.' });
  try {
    await signoutAtProvider(session.providerId);
    return { to: null };
  } catch (e) {
    await forgetOidcUser(session.providerId).catch(() => undefined);
    setFlash({
      kind: 'warning',
      message: `You have logged out of Lagoon, but the identity provider could not end its own session (${
        e instanceof Error ? e.message : String(e)
      }). Close the browser to end it.`,
    });
    return { to: '/login' };
  }
}
