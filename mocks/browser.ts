// The demo cluster in the browser: MSW's service worker answering on DEMO_ENDPOINT from an in-memory
// cluster. Loaded lazily by src/api/demo.ts only when the demo endpoint is used.
import { setupWorker } from 'msw/browser';
import { DEMO_ENDPOINT } from '../src/api/demo';
import type { Cluster } from './cluster';
import { clearFaults, fault, faultsFromSearch, listFaults, setLatency } from './faults';
import { createHandlers } from './handlers';
import { createSeededCluster } from './seed';

export const worker = setupWorker();

export interface LagoonDemo {
  cluster: Cluster;
  fault: typeof fault;
  clearFaults: typeof clearFaults;
  listFaults: typeof listFaults;
  setLatency: typeof setLatency;
  trustIssuer: (iss: string) => void;
}

declare global {
  interface Window {
    __lagoonDemo?: LagoonDemo;
  }
}

interface AppConfig {
  oidcProviders?: { authority?: unknown }[];
}

/** The OIDC providers the app offers are trusted by the demo cluster, as a real cluster would be. */
async function configuredIssuers(): Promise<string[]> {
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' });
    if (!res.ok) return [];
    const config = (await res.json()) as AppConfig;
    return (config.oidcProviders ?? []).flatMap((p) => (typeof p.authority === 'string' ? [p.authority] : []));
  } catch {
    return [];
  }
}

let cluster: Cluster | null = null;

export async function startDemo(): Promise<void> {
  if (cluster) return;
  const issuers = await configuredIssuers();
  const c = createSeededCluster();
  for (const iss of issuers) c.trustIssuer(iss);
  cluster = c;
  worker.resetHandlers(...createHandlers(c, DEMO_ENDPOINT));
  for (const f of faultsFromSearch(location.search)) fault(f);
  window.__lagoonDemo = {
    cluster: c,
    fault,
    clearFaults,
    listFaults,
    setLatency,
    trustIssuer: (iss) => c.trustIssuer(iss),
  };
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
