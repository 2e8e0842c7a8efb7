import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { usePageTitle } from '../components/page-title';
import { ErrorState } from '../components/states';

/** Shown when a route fails to load or render: a message and a way on, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  // NotFound sets its own title; a parent's effect runs after its child's and would overwrite it.
  usePageTitle(notFound ? 'Page not found' : 'Error');
  if (notFound) {
    return <NotFound />;
  }
  return (
    <div className="flex flex-col gap-4 p-6">
      <ErrorState error={error} title="This page could not be shown" onRetry={() => location.reload()} />
      <Link to="/services" className="text-accent underline">
        Back to services
      </Link>
    </div>
  );
}

export function NotFound() {
  usePageTitle('Page not found');
  return (
    <div className="flex flex-col gap-3 p-6">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-muted">There is nothing at this address.</p>
      <Link to="/services" className="text-accent underline">
        Go to services
      </Link>
    </div>
  );
}
