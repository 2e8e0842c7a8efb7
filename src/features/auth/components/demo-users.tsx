import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { DEMO_OIDC_USERS, type DemoOidcUser } from '../../../api/demo';
import { Button } from '../../../components/button';
import { queryClient } from '../../../lib/session/query-client';
import { safeNext } from '../../../lib/session/require-session';
import { loginAsDemoUser } from '../demo-user-login';

/**
 * On the demo cluster's box: log in as one of its seeded OIDC users instead of the admin, to try what each
 * one sees (their own services and buckets, their quota) without an identity provider.
 */
export function DemoUsers() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');

  async function choose(user: DemoOidcUser) {
    setBusy(user.sub);
    setError('');
    try {
      await loginAsDemoUser(user);
      queryClient.clear();
      await navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <p>Or as one of its OIDC users, to see what each of them sees:</p>
      <ul className="flex flex-wrap gap-2" aria-label="Demo users">
        {Object.values(DEMO_OIDC_USERS).map((u) => (
          <li key={u.sub}>
            <Button
              size="sm"
              busy={busy === u.sub}
              disabled={busy !== null}
              aria-label={`Continue as ${u.name}, a demo user`}
              onClick={() => void choose(u)}
            >
              {u.name}
            </Button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
