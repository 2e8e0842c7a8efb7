// The demo cluster in the browser: MSW's service worker answering on DEMO_ENDPOINT from an in-memory
// cluster. Loaded lazily by src/api/demo.ts only when the demo endpoint is used. The state survives a
// reload within the tab (sessionStorage, see ./persist.ts) and starts fresh in a new tab.
//
// window.__lagoonDemo lets Playwright tests and curious users poke at it:
//   __lagoonDemo.fault('GET /system/services 500')      // or { method, path, status, body, network, latency, times }
//   __lagoonDemo.clearFaults(); __lagoonDemo.setLatency(800)
//   __lagoonDemo.trustIssuer('http://127.0.0.1:4000')  // accept tokens from a test OIDC provider
//   __lagoonDemo.cluster.addGeneratedServices(5000); __lagoonDemo.cluster.addGeneratedObjects('shared-models', 10000)
//   __lagoonDemo.cluster.jobPendingMs = 3_600_000        // new jobs wait an hour as Pending (a full cluster)
//   __lagoonDemo.github.exhaust()                        // GitHub's hourly limit spent (the Hub)
//   __lagoonDemo.github.putRepository('me/crates@main', { 'crates/x/fdl.yml': '…' })  // another source for the Hub
//   __lagoonDemo.reset()                                // back to the seed
import { setupWorker } from 'msw/browser';
import { DEMO_ENDPOINT } from '../src/api/demo';
import type { Cluster } from './cluster';
import { clearFaults, fault, faultsFromSearch, listFaults, setLatency } from './faults';
import { createHandlers } from './handlers';
import { catalogHubHandlers, githubDemo } from './handlers/catalog-hub';
import { loadFrom, persistTo, SNAPSHOT_KEY } from './persist';
import { createSeededCluster } from './seed';

export const worker = setupWorker();

export interface LagoonDemo {
  cluster: Cluster;
  fault: typeof fault;
  clearFaults: typeof clearFaults;
  listFaults: typeof listFaults;
  setLatency: typeof setLatency;
  trustIssuer: (iss: string) => void;
  /** The demo's GitHub for the Hub: `exhaust()` the rate limit, `putFile(path, text | null)`, `reset()`. */
  github: typeof githubDemo;
  /** Throws the current state away and starts again from the seed. */
  reset: () => void;
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

let started = false;
let stopPersisting: (() => void) | null = null;

function serve(c: Cluster, issuers: string[]): void {
  for (const iss of issuers) c.trustIssuer(iss);
  // A real cluster takes a moment to answer a synchronous call.
  c.runLatencyMs = 300;
  worker.resetHandlers(...createHandlers(c, DEMO_ENDPOINT), ...catalogHubHandlers());
  stopPersisting?.();
  stopPersisting = persistTo(sessionStorage, c);
  const demo = window.__lagoonDemo;
  if (demo) demo.cluster = c;
}

export async function startDemo(): Promise<void> {
  if (started) return;
  started = true;
  const issuers = await configuredIssuers();
  const cluster = loadFrom(sessionStorage) ?? createSeededCluster();
  window.__lagoonDemo = {
    cluster,
    fault,
    clearFaults,
    listFaults,
    setLatency,
    trustIssuer: (iss) => window.__lagoonDemo?.cluster.trustIssuer(iss),
    github: githubDemo,
    reset: () => {
      sessionStorage.removeItem(SNAPSHOT_KEY);
      serve(createSeededCluster(), issuers);
    },
  };
  serve(cluster, issuers);
  for (const f of faultsFromSearch(location.search)) fault(f);
  try {
    await worker.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    });
  } catch (e) {
    started = false;
    throw e;
  }
}
