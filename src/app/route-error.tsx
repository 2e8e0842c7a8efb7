import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorState } from '../components/states';

/** Shown when a route fails to load or render: a message and a way on, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
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
