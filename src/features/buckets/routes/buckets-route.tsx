import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryClient } from '../../../lib/session/query-client';
import { usePageTitle } from '../../../components/page-title';
import { ErrorState, Loading } from '../../../components/states';
import { bucketQueries } from '../api/queries';
import { BucketList } from '../components/bucket-list';
import { bucketUses } from '../lib/bucket-services';

// Starts the requests while the route renders; the screen shows its own loading and error states.
export function loader() {
  void queryClient.prefetchQuery(bucketQueries.list());
  void queryClient.prefetchQuery(bucketQueries.services());
  return null;
}

export function Component() {
  usePageTitle('Buckets');
  const q = useQuery(bucketQueries.list());
  const services = useQuery(bucketQueries.services());
  const uses = useMemo(() => bucketUses(services.data ?? []), [services.data]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Buckets</h1>
      {q.data && q.isError && (
        <ErrorState error={q.error} title="Could not refresh the buckets; showing the last list" onRetry={() => void q.refetch()} />
      )}
      {q.data ? (
        <BucketList buckets={q.data} uses={uses} />
      ) : q.isError ? (
        <ErrorState error={q.error} title="Could not load the buckets" onRetry={() => void q.refetch()} />
      ) : (
        <Loading label="Loading buckets…" />
      )}
    </div>
  );
}
