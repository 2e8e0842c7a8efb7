// Test helpers for the log views: a signed-in session on a non-demo endpoint answered by the demo
// cluster's handlers (so the real OSCAR shapes and job lifecycle are used, on a clock the test moves),
// a memory router around the routes, and enough layout for the virtualised lines to render.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { vi } from 'vitest';
import { setSession } from '../../app/session';
import { Toaster } from '../../components/toast';
import { Component as DeploymentRoute } from './routes/deployment-route';
import { Component as JobLogRoute } from './routes/job-log-route';

export const BASE = 'https://oscar.test';

export function signIn(): void {
  setSession({ endpoint: BASE, method: 'basic', user: { name: 'oscar' }, credentials: { kind: 'basic', username: 'oscar', password: 'lagoon-demo' } });
}

/** jsdom has no layout: give scroll containers a size so the virtualizer renders a window of rows. */
export function fakeLayout(height = 400): void {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(height);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(height);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(1200);
  Element.prototype.scrollIntoView = vi.fn();
  // The virtualizer scrolls with element.scrollTo, which jsdom lacks.
  Element.prototype.scrollTo = function scrollTo(this: Element, opts?: ScrollToOptions | number) {
    if (typeof opts === 'object') {
      if (opts.top !== undefined) this.scrollTop = opts.top;
      if (opts.left !== undefined) this.scrollLeft = opts.left;
    }
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
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
  return <output data-testid="location">{`${l.pathname}${l.search}${l.hash}`}</output>;
}

export function renderRoutes(url: string, extra: ReactNode = null) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrap = (el: ReactNode) => (
    <>
      {el}
      <LocationProbe />
    </>
  );
  const router = createMemoryRouter(
    [
      { path: '/jobs/:service/:job', element: wrap(<JobLogRoute />) },
      { path: '/services/:name/deployment', element: wrap(<DeploymentRoute />) },
      { path: '*', element: <LocationProbe /> },
    ],
    { initialEntries: [url] },
  );
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster />
      {extra}
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}

/** Renders any element inside a router (for the viewer on its own). */
export function renderInRouter(el: ReactNode, url = '/') {
  const router = createMemoryRouter([{ path: '*', element: wrapProbe(el) }], { initialEntries: [url] });
  return { ...render(<RouterProvider router={router} />), router };
}

function wrapProbe(el: ReactNode) {
  return (
    <>
      {el}
      <Toaster />
      <LocationProbe />
    </>
  );
}
