import { useQuery } from '@tanstack/react-query';
import { usePageTitle } from '../../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { quotaLine } from '../../../lib/quotas/quota';
import { quotaQueries } from '../../../lib/quotas/queries';
import { queryClient } from '../../../lib/session/query-client';
import { useSession } from '../../../lib/session/session';
import { volumeQueries } from '../../../lib/volumes/queries';
import { VolumeList } from '../components/volume-list';

// Starts the request while the route renders; the screen shows its own loading and error states.
export function loader() {
  void queryClient.prefetchQuery(volumeQueries.list());
  return null;
}

export function Component() {
  usePageTitle('Volumes');
  const q = useQuery(volumeQueries.list());
  // An OIDC user's quota says how many more volumes fit and how large one may be (the admin has none).
  const oidc = useSession()?.method === 'oidc';
  const quota = useQuery({ ...quotaQueries.own(), enabled: oidc, retry: false });
  const count = quota.data ? quotaLine(quota.data, 'volumes') : undefined;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Volumes</h1>
      {count?.max !== undefined && (
        <p className="text-sm text-muted">
          Your quota: {count.usedText} of {count.maxText} volumes, at most {quota.data?.volumes?.max_disk_per_volume ?? '?'} each.
        </p>
      )}
      {q.data && q.isError && <ErrorState error={q.error} title="Could not refresh the volumes; showing the last list" onRetry={() => void q.refetch()} />}
      {q.data === null ? (
        <EmptyState title="This cluster has no volumes">
          Managed volumes are an OSCAR 4.1 feature the cluster&apos;s administrator turns on; this cluster does not
          offer them. A service can still mount a bucket as a folder (its Storage section).
        </EmptyState>
      ) : q.data ? (
        <VolumeList volumes={q.data} maxPerVolume={quota.data?.volumes?.max_disk_per_volume} />
      ) : q.isError ? (
        <ErrorState error={q.error} title="Could not load the volumes" onRetry={() => void q.refetch()} />
      ) : (
        <Loading label="Loading volumes…" />
      )}
    </div>
  );
}
