import { useQuery } from '@tanstack/react-query';
import { usePageTitle } from '../../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { queryClient } from '../../../lib/session/query-client';
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
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Volumes</h1>
      {q.data && q.isError && <ErrorState error={q.error} title="Could not refresh the volumes; showing the last list" onRetry={() => void q.refetch()} />}
      {q.data === null ? (
        <EmptyState title="This cluster has no volumes">
          Managed volumes are an OSCAR 4.1 feature the cluster&apos;s administrator turns on; this cluster does not
          offer them. A service can still mount a bucket as a folder (its Storage section).
        </EmptyState>
      ) : q.data ? (
        <VolumeList volumes={q.data} />
      ) : q.isError ? (
        <ErrorState error={q.error} title="Could not load the volumes" onRetry={() => void q.refetch()} />
      ) : (
        <Loading label="Loading volumes…" />
      )}
    </div>
  );
}
