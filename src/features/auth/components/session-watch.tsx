import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useSession, type Session } from '../../../lib/session/session';
import { queryClient } from '../../../lib/session/query-client';
import { Button } from '../../../components/button';
import { useClock } from '../../../components/use-clock';
import { useRenewal } from '../renewal-status';
import { endSessionLocally, loginPath } from '../session-end';

/** Renewal normally happens a minute before expiry; under this much left, it is late and the user should know. */
export const LATE_MS = 30_000;

/**
 * Keeps an OIDC session renewed across reloads and warns, under the header, when it cannot be renewed
 * or is about to expire. Password sessions do not expire, so it shows nothing for them.
 */
export function SessionWatch() {
  const session = useSession();
  const oidc = session?.method === 'oidc' ? session : null;
  const providerId = oidc?.providerId;

  useEffect(() => {
    if (!providerId) return;
    const current = oidc;
    // The OIDC library loads only for OIDC sessions; after a reload this restarts automatic renewal.
    void import('../oidc').then((m) => (current ? m.resumeOidc(current) : undefined)).catch(() => undefined);
    // Only when the provider changes (a new login), not on every renewed token.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [providerId]);

  if (!oidc) return null;
  return <ExpiryWarning session={oidc} />;
}

function ExpiryWarning({ session }: { session: Session }) {
  const renewal = useRenewal();
  const now = useClock(5_000);
  const navigate = useNavigate();
  const location = useLocation();
  const [renewing, setRenewing] = useState(false);
  const remaining = session.expiresAt ? session.expiresAt - now : Infinity;
  const expired = renewal.expired || remaining <= 0;
  if (!renewal.failed && !expired && remaining > LATE_MS) return null;

  async function loginAgain() {
    await endSessionLocally(queryClient);
    await navigate(loginPath({ endpoint: session.endpoint, next: location.pathname + location.search }));
  }

  async function renew() {
    setRenewing(true);
    try {
      const { renewNow } = await import('../oidc');
      await renewNow(session);
    } catch {
      // The failure is reported through the renewal status shown here.
    } finally {
      setRenewing(false);
    }
  }

  const message = expired
    ? 'Your login has expired, so the cluster will refuse further requests.'
    : `${renewal.failed || 'Your login has not been renewed yet.'} Your session ends ${inTime(remaining)}.`;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 border-b border-warn/50 bg-warn-soft px-4 py-2 text-sm">
      <span aria-hidden="true">⚠</span>
      <p className="flex-1">{message}</p>
      {!expired && (
        <Button size="sm" busy={renewing} onClick={() => void renew()}>
          Renew now
        </Button>
      )}
      <Button size="sm" variant="primary" onClick={() => void loginAgain()}>
        Log in again
      </Button>
    </div>
  );
}

function inTime(ms: number): string {
  if (ms < 60_000) return 'in less than a minute';
  const minutes = Math.round(ms / 60_000);
  return minutes === 1 ? 'in about a minute' : `in about ${minutes} minutes`;
}
