// Test helpers for this feature: the demo cluster (cowsay's token set to the snippets' test token)
// behind a signed-in session, an in-memory history store, the Blob/URL pieces jsdom lacks, and the
// routes in a memory router. The generic pieces are in src/test/.
import 'fake-indexeddb/auto';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, vi } from 'vitest';
import { openHistory, type HistoryStore } from '../lib/history';
import type { InputSpec } from '../lib/request';
import { TOKEN } from './snippets';
import { serveDemoCluster, type NodeDemo } from '../../../test/demo';
import { fakeLayout } from '../../../test/layout';
import { LocationProbe, renderRoutes, withLocation } from '../../../test/render';
import { signIn, TEST_ENDPOINT } from '../../../test/session';
import { setHistoryStore } from '../api/history';
import type { PreparedCall } from '../api/send-call';
import { Component as InvokeRoute } from '../routes/invoke-route';
import { Component as HistoryRoute } from '../routes/history-route';

export const BASE = TEST_ENDPOINT;
export { TOKEN };

export interface InvokeTestBed extends NodeDemo {
  /** This test's (empty at first) call history. */
  readonly store: HistoryStore;
}

let bed: InvokeTestBed | undefined;

/** A service's token in the current test's cluster. */
export const tokenOf = (service: string) => bed?.cluster.services.get(service)?.token ?? '';

/** A synchronous call to `service` on BASE with the service's own token. */
export function serviceCall(service: string, input: InputSpec, extra: Partial<PreparedCall> = {}): PreparedCall {
  return { endpoint: BASE, service, mode: 'sync', auth: 'service', token: tokenOf(service), input, timeoutMs: 10_000, ...extra };
}

/**
 * Call at the top level of a test file. Before each test: a fresh demo cluster on BASE, a Basic
 * session, an empty history and the browser pieces.
 */
export function setUpInvokeTests(): InvokeTestBed {
  const demo = serveDemoCluster(BASE, (cluster) => {
    cluster.services.get('cowsay')!.token = TOKEN;
  });
  let store: HistoryStore | undefined;
  beforeEach(() => {
    signIn();
    store = freshHistory();
    browserBits();
  });
  bed = {
    server: demo.server,
    get cluster() {
      return demo.cluster;
    },
    get store() {
      if (!store) throw new Error('the history store exists once a test runs');
      return store;
    },
  };
  return bed;
}

let dbCount = 0;
function freshHistory(): HistoryStore {
  const store = openHistory(new IDBFactory(), `test-history-${dbCount++}`);
  setHistoryStore(store);
  return store;
}

/** jsdom's Blob and File cannot be read and it has no object URLs; Node's Blob and a fake URL do. */
function browserBits(): void {
  vi.stubGlobal('Blob', NodeBlob);
  vi.stubGlobal('File', NodeFile);
  URL.createObjectURL = vi.fn(() => `blob:${BASE}/${Math.random().toString(36).slice(2)}`);
  URL.revokeObjectURL = vi.fn();
  fakeLayout();
}

export function renderInvoke(url: string) {
  return renderRoutes(
    [
      { path: '/services/:name/invoke', element: withLocation(<InvokeRoute />) },
      { path: '/invocations', element: withLocation(<HistoryRoute />) },
      { path: '*', element: <LocationProbe /> },
    ],
    { url },
  );
}
