// Rendering for tests: a fresh query client per test (no retries, so errors show at once) and a
// memory data router, with a probe that shows where the router is so tests can assert on the URL.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation, type RouteObject } from 'react-router';

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** The router's location as text, in an element with test id "location". */
export function LocationProbe() {
  const l = useLocation();
  return <output data-testid="location">{`${l.pathname}${l.search}${l.hash}`}</output>;
}

/** `element` followed by a LocationProbe, for a route's element. */
export function withLocation(element: ReactNode) {
  return (
    <>
      {element}
      <LocationProbe />
    </>
  );
}

export interface RenderOptions {
  /** Defaults to a fresh testQueryClient(). */
  queryClient?: QueryClient;
  /** Rendered next to the content, inside the query client (a Toaster, say). */
  extra?: ReactNode;
}

/** Renders `ui` inside a query client (no router). */
export function renderWithQueryClient(ui: ReactNode, { queryClient = testQueryClient(), extra }: RenderOptions = {}) {
  const view = render(
    <QueryClientProvider client={queryClient}>
      {ui}
      {extra}
    </QueryClientProvider>,
  );
  return { ...view, queryClient };
}

/** Renders `routes` in a memory router starting at `url`, inside a query client. */
export function renderRoutes(routes: RouteObject[], { url = '/', ...options }: RenderOptions & { url?: string } = {}) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  return { ...renderWithQueryClient(<RouterProvider router={router} />, options), router };
}
