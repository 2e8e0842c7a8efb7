import { useQuery } from '@tanstack/react-query';
import { queryClient } from '../../../lib/session/query-client';
import { ButtonLink } from '../../../components/button-link';
import { usePageTitle } from '../../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { serviceQueries } from '../api/queries';
import { ServiceList } from '../components/service-list';

// Starts the request while the route renders; the screen shows its own loading and error states.
export function loader() {
  void queryClient.prefetchQuery(serviceQueries.list());
  return null;
}

export function Component() {
  usePageTitle('Services');
  const q = useQuery(serviceQueries.list());
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Services</h1>
        <ButtonLink to="/services/new" variant="primary">
          Create service
        </ButtonLink>
      </div>
      {q.data && q.isError && (
        <ErrorState error={q.error} title="Could not refresh the services; showing the last list" onRetry={() => void q.refetch()} />
      )}
      {q.data ? (
        q.data.length === 0 ? (
          <EmptyState title="No services yet" action={<ButtonLink to="/services/new" variant="primary">Create your first service</ButtonLink>}>
            A service runs your container image and script on the cluster, for each file uploaded to its input
            bucket or each request sent to it. Create one from a form or from an FDL file.
          </EmptyState>
        ) : (
          <ServiceList services={q.data} />
        )
      ) : q.isError ? (
        <ErrorState error={q.error} title="Could not load the services" onRetry={() => void q.refetch()} />
      ) : (
        <Loading label="Loading services…" />
      )}
    </div>
  );
}
