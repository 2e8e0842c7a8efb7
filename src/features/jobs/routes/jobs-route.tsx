import { usePageTitle } from '../../../components/page-title';
import { queryClient } from '../../../lib/session/query-client';
import { jobQueries } from '../api/queries';
import { JobsPage } from '../components/jobs-page';

// Starts loading while the route renders; with ?service= only that service's pages are needed.
export function loader({ request }: { request: Request }) {
  const service = new URL(request.url).searchParams.get('service');
  if (service) void queryClient.prefetchQuery(jobQueries.list(service));
  else void queryClient.prefetchQuery(jobQueries.services());
  return null;
}

export function Component() {
  usePageTitle('Jobs');
  return <JobsPage />;
}
