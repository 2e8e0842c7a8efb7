import { useQuery } from '@tanstack/react-query';
import { ErrorState, Loading } from '../../../components/states';
import { quotaQueries } from '../../../lib/quotas/queries';
import { QuotaBars } from './quota-bars';
import { NoQuotas } from './no-quotas';

/** The signed-in OIDC user's own limits and use. */
export function OwnQuota() {
  const q = useQuery(quotaQueries.own());
  if (q.data === null) return <NoQuotas />;
  if (q.data) {
    return (
      <section aria-labelledby="own-quota" className="flex flex-col gap-4">
        <h2 id="own-quota" className="text-lg font-semibold">
          Your quota
        </h2>
        <QuotaBars quota={q.data} label="Your quota" />
        <p className="text-sm text-muted">Running jobs and exposed services count against CPU and memory while they run. Ask the cluster&apos;s administrator for more.</p>
      </section>
    );
  }
  if (q.isError) return <ErrorState error={q.error} title="Could not load your quota" onRetry={() => void q.refetch()} />;
  return <Loading label="Loading your quota…" />;
}

