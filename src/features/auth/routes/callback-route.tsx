import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { queryClient } from '../../../lib/session/query-client';
import { safeNext } from '../../../lib/session/require-session';
import { Spinner } from '../../../components/button';
import { usePageTitle } from '../../../components/page-title';
import { CallbackError, finishOidcLogin, type CallbackResult } from '../oidc';
import { loginPath, setFlash } from '../session-end';

// The code can be exchanged only once: StrictMode's second effect run must wait for the first.
const inflight = new Map<string, Promise<CallbackResult>>();

function finishOnce(url: string): Promise<CallbackResult> {
  let p = inflight.get(url);
  if (!p) {
    p = finishOidcLogin(url);
    inflight.set(url, p);
    void p.catch(() => undefined).finally(() => setTimeout(() => inflight.delete(url), 1000));
  }
  return p;
}

/** Where the identity provider sends the browser back: finish the login, then go where the user was going. */
export function Component() {
  usePageTitle('Completing login');
  const navigate = useNavigate();
  const { search, hash } = useLocation();
  const url = `${window.location.origin}/auth/callback${search}${hash}`;

  useEffect(() => {
    let current = true;
    finishOnce(url).then(
      (result) => {
        if (!current || result.kind === 'silent') return;
        queryClient.clear();
        void navigate(safeNext(result.next), { replace: true });
      },
      (e: unknown) => {
        if (!current) return;
        const message = e instanceof Error ? e.message : String(e);
        setFlash({ kind: 'error', message });
        const state = e instanceof CallbackError ? { endpoint: e.endpoint, next: e.next } : {};
        void navigate(loginPath(state), { replace: true });
      },
    );
    return () => {
      current = false;
    };
  }, [navigate, url]);

  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <Spinner label="Completing login…" />
    </main>
  );
}
