import type { QueryClient } from '@tanstack/react-query';
import type { createBrowserRouter } from 'react-router';
import { onUnauthorized } from '../../api/connection';
import { getSession, setSession } from '../../app/session';

type Router = ReturnType<typeof createBrowserRouter>;
export const FLASH_KEY = 'lagoon.flash';

/** A 401 on a session call ends the session: back to login, then back to the page the user was on. */
export function installSessionEnd(router: Router, queryClient: QueryClient): void {
  onUnauthorized(() => {
    if (!getSession()) return;
    setSession(null);
    queryClient.clear();
    sessionStorage.setItem(FLASH_KEY, 'Your session has ended or was refused by the cluster. Please log in again.');
    const { pathname, search, hash } = router.state.location;
    if (pathname.startsWith('/login')) return;
    void router.navigate(`/login?next=${encodeURIComponent(pathname + search + hash)}`, { replace: true });
  });
}
