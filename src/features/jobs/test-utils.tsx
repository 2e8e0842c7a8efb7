// Test helpers for the jobs list: a session on a non-demo endpoint answered by the demo cluster's
// handlers, a memory router around the route, and enough layout for the virtualised table.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { vi } from 'vitest';
import { setSession } from '../../app/session';
import { Toaster } from '../../components/toast';
import { Component as JobsRoute } from './routes/jobs-route';

export const BASE = 'https://oscar.test';

export function signIn(): void {
  setSession({ endpoint: BASE, method: 'basic', user: { name: 'oscar' }, credentials: { kind: 'basic', username: 'oscar', password: 'lagoon-demo' } });
}

export function fakeLayout(height = 600): void {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(height);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1400);
}

export function polyfillDialog(): void {
  const proto = HTMLDialogElement.prototype;
  if (typeof proto.showModal === 'function') return;
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

function LocationProbe() {
  const l = useLocation();
  return <output data-testid="location">{`${l.pathname}${l.search}`}</output>;
}

export function renderJobs(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      {
        path: '/jobs',
        element: (
          <>
            <JobsRoute />
            <LocationProbe />
          </>
        ),
      },
      { path: '*', element: <LocationProbe /> },
    ],
    { initialEntries: [url] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster />
    </QueryClientProvider>,
  );
  return { router, queryClient };
}
