import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { oscar, required } from '../../../api/client';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { usePageTitle } from '../../../components/page-title';
import { ErrorState, Skeleton } from '../../../components/states';
import { Name } from '../../../components/name';
import { queryClient } from '../../../lib/session/query-client';
import { useSession } from '../../../lib/session/session';
import { BatchBoard } from '../components/batch-board';
import { BatchForm } from '../components/batch-form';
import { useBatch } from '../components/use-batch';

// Its own key: the batch needs the service's token and paths, however the services feature caches it.
const batchServiceQuery = (name: string) => ({
  queryKey: ['batch', 'service', name] as const,
  queryFn: async ({ signal }: { signal: AbortSignal }) =>
    required((await oscar.GET('/system/services/{serviceName}', { params: { path: { serviceName: name } }, signal })).data, `the service ${name}`),
  staleTime: Infinity,
});

export function loader({ params }: LoaderFunctionArgs) {
  if (params.name) void queryClient.prefetchQuery(batchServiceQuery(params.name));
  return null;
}

export function Component() {
  const name = useParams().name ?? '';
  // "Batch run of … over this folder" on a bucket's page passes the folder.
  const [search] = useSearchParams();
  const from = search.get('bucket') ? { bucket: search.get('bucket')!, prefix: search.get('prefix') ?? '' } : undefined;
  usePageTitle(`Batch run of ${name}`);
  const endpoint = useSession()?.endpoint ?? '';
  const service = useQuery(batchServiceQuery(name));
  const batch = useBatch(service.data, endpoint);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <Breadcrumbs items={[{ label: 'Services', to: '/services' }, { label: name, to: `/services/${encodeURIComponent(name)}` }, { label: 'Batch run' }]} />
      <h1 className="text-2xl font-semibold break-all">
        Batch run of <Name value={name} />
      </h1>
      {service.error ? (
        <ErrorState error={service.error} title={`The service ${name} could not be read`} onRetry={() => void service.refetch()} />
      ) : !service.data || !batch.loaded ? (
        <Skeleton rows={4} />
      ) : (
        <>
          {batch.storeProblem && (
            <p role="status" className="text-sm text-warn">
              {batch.storeProblem}
            </p>
          )}
          {batch.state ? (
            <BatchBoard state={batch.state} actions={batch.actions} uploads={batch.uploads} onNew={() => void batch.clear()} />
          ) : (
            <BatchForm service={service.data} from={from} onStart={batch.start} onStartDropped={batch.startDropped} preparing={batch.preparing} dropProblem={batch.dropProblem} />
          )}
        </>
      )}
    </div>
  );
}
