// Test helpers for this feature: a memory router around the feature's routes, a fresh query client,
// a signed-in session on a non-demo endpoint, and a layout size so the virtualised table renders rows.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { vi } from 'vitest';
import { setSession } from '../../app/session';
import { Component as ServicesRoute } from './routes/services-route';
import { Component as ServiceDetailRoute } from './routes/service-detail-route';

export const BASE = 'https://oscar.test';

export function signIn(): void {
  setSession({
    endpoint: BASE,
    method: 'basic',
    user: { name: 'oscar' },
    credentials: { kind: 'basic', username: 'oscar', password: 'x' },
  });
}

/** jsdom has no layout; give scroll containers a height so the virtualizer shows a window of rows. */
export function fakeLayout(height = 600): void {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(height);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1200);
}

/** jsdom has no modal dialogs yet; enough of <dialog> for ConfirmDialog (the browser's own is used in e2e). */
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
polyfillDialog();

function LocationProbe() {
  const l = useLocation();
  return <output data-testid="location">{`${l.pathname}${l.search}`}</output>;
}

export function renderServices(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <LocationProbe />,
        children: [],
      },
      { path: '/services', element: <><ServicesRoute /><LocationProbe /></> },
      { path: '/services/:name', element: <><ServiceDetailRoute /><LocationProbe /></> },
      { path: '*', element: <LocationProbe /> },
    ],
    { initialEntries: [url] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, queryClient };
}
