// Test helpers for this feature: a demo cluster on a non-demo endpoint behind an MSW node server, a
// signed-in session, an in-memory history store, Blob/URL pieces jsdom lacks, and the routes rendered
// in a memory router.
import 'fake-indexeddb/auto';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { setupServer } from 'msw/node';
import { vi } from 'vitest';
import { createHandlers } from '../../../mocks/handlers';
import { createTestCluster } from '../../../mocks/node';
import { setSession } from '../../app/session';
import { openHistory } from '../../lib/invoke-history';
import { TOKEN } from '../../lib/invoke-snippets-test-utils';
import { setHistoryStore } from './api/history';
import { Component as InvokeRoute } from './routes/invoke-route';
import { Component as HistoryRoute } from './routes/history-route';

/** A service's token in the current cluster. */
export const tokenOf = (service: string) => cluster.services.get(service)?.token ?? '';

export const BASE = 'https://oscar.test';
export { TOKEN };

export const server = setupServer();
export let cluster: ReturnType<typeof createTestCluster>;

/** A fresh cluster whose cowsay service has TOKEN as its token (the snippets' test token). */
export function resetCluster(): void {
  cluster = createTestCluster();
  cluster.services.get('cowsay')!.token = TOKEN;
  server.resetHandlers(...createHandlers(cluster, BASE));
}

export function signIn(): void {
  setSession({
    endpoint: BASE,
    method: 'basic',
    user: { name: 'oscar' },
    credentials: { kind: 'basic', username: 'oscar', password: 'lagoon-demo' },
  });
}

let dbCount = 0;
export function freshHistory() {
  const store = openHistory(new IDBFactory(), `test-history-${dbCount++}`);
  setHistoryStore(store);
  return store;
}

/** jsdom's Blob and File cannot be read and it has no object URLs; Node's Blob and a fake URL do. */
export function browserBits(): void {
  vi.stubGlobal('Blob', NodeBlob);
  vi.stubGlobal('File', NodeFile);
  URL.createObjectURL = vi.fn(() => `blob:${BASE}/${Math.random().toString(36).slice(2)}`);
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  const proto = HTMLDialogElement.prototype;
  if (typeof proto.showModal !== 'function') {
    proto.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    proto.close = function close(this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  }
}

function LocationProbe() {
  const l = useLocation();
  return <output data-testid="location">{`${l.pathname}${l.search}`}</output>;
}

export function renderInvoke(url: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      {
        path: '/services/:name/invoke',
        element: (
          <>
            <InvokeRoute />
            <LocationProbe />
          </>
        ),
      },
      {
        path: '/invocations',
        element: (
          <>
            <HistoryRoute />
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
    </QueryClientProvider>,
  );
  return { router, queryClient };
}
