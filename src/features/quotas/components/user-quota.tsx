import { useQuery } from '@tanstack/react-query';
import { ErrorState, Loading } from '../../../components/states';
import { quotaQueries } from '../../../lib/quotas/queries';
import { NoQuotas } from './no-quotas';
import { QuotaBars } from './quota-bars';
import { QuotaEditor } from './quota-editor';

/** For the admin: one user's limits and use, and the editor for them. */
export function UserQuota({ userId }: { userId: string }) {
  const q = useQuery(quotaQueries.user(userId));
  if (q.data === null) return <NoQuotas />;
  if (q.data) {
    return (
      <section aria-labelledby="user-quota" className="flex flex-col gap-5">
        <h2 id="user-quota" className="text-lg font-semibold">
          Quota of <span className="font-mono break-all">{userId}</span>
        </h2>
        <QuotaBars quota={q.data} label={`Quota of ${userId}`} />
        <QuotaEditor key={userId} userId={userId} quota={q.data} />
      </section>
    );
  }
  if (q.isError) return <ErrorState error={q.error} title={`Could not load the quota of ${userId}`} onRetry={() => void q.refetch()} />;
  return <Loading label="Loading the quota…" />;
}
