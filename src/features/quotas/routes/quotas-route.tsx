import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../../components/page-title';
import { useSession } from '../../../lib/session/session';
import { OwnQuota } from '../components/own-quota';
import { UserLookup } from '../components/user-lookup';
import { UserQuota } from '../components/user-quota';

/**
 * An OIDC user sees their own quota. The cluster's admin (Basic login) has none: OSCAR answers 401 to a
 * Basic call of /system/quotas/user (NOTES.md), so the admin looks a user up instead (?user=) and may
 * change their limits.
 */
export function Component() {
  usePageTitle('Quotas');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const user = params.get('user') ?? '';
  const admin = session?.method === 'basic';
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Quotas</h1>
      {admin ? (
        <>
          <p className="max-w-prose text-muted">
            You are logged in as the cluster&apos;s administrator, who has no quota of its own. Look up a user to see
            what they use and change their limits.
          </p>
          <UserLookup key={user} value={user} onLookup={(id) => setParams(id ? { user: id } : {})} />
          {user && <UserQuota userId={user} />}
        </>
      ) : (
        <OwnQuota />
      )}
    </div>
  );
}
