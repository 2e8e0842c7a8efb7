import { useQuery } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { isApiError } from '../../../api/errors';
import { queryClient } from '../../../lib/session/query-client';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { ButtonLink } from '../../../components/button-link';
import { usePageTitle } from '../../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { serviceQueries } from '../api/queries';
import { ServiceDetail } from '../components/service-detail';
import { Name } from '../../../components/name';

export function loader({ params }: LoaderFunctionArgs) {
  if (params.name) void queryClient.prefetchQuery(serviceQueries.detail(params.name));
  return null;
}

export function Component() {
  const name = useParams().name ?? '';
  usePageTitle(name);
  const q = useQuery(serviceQueries.detail(name));
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Breadcrumbs items={[{ label: 'Services', to: '/services' }, { label: name }]} />
      {q.data ? (
        <ServiceDetail service={q.data} />
      ) : q.isError && isApiError(q.error) && q.error.status === 404 ? (
        <>
          <h1 className="sr-only">
            <Name value={name} />
          </h1>
          <EmptyState title={`No service named ${name}`} action={<ButtonLink to="/services">Back to services</ButtonLink>}>
            There is no such service on this cluster, or you are not allowed to see it. It may have been deleted.
          </EmptyState>
        </>
      ) : q.isError ? (
        <>
          <h1 className="text-2xl font-semibold break-all">
            <Name value={name} />
          </h1>
          <ErrorState error={q.error} title="Could not load the service" onRetry={() => void q.refetch()} />
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold break-all">
            <Name value={name} />
          </h1>
          <Loading label={`Loading ${name}…`} />
        </>
      )}
    </div>
  );
}
