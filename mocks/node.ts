// The demo cluster for vitest: an MSW node server answering on DEMO_ENDPOINT from a fresh seeded cluster.
//
//   import { server, resetDemoCluster, demoCluster, oidcToken } from '../../mocks/node';
//   beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
//   afterEach(() => { server.resetHandlers(); resetDemoCluster(); });
//   afterAll(() => server.close());
//
// resetDemoCluster() gives every test the same untouched data; pass `{ now }` to drive the job clock.
import { setupServer } from 'msw/node';
import { DEMO_ENDPOINT, DEMO_PASSWORD, DEMO_USERNAME } from '../src/api/demo';
import { makeJwt, type OidcClaims } from './auth';
import { EGI_ISSUERS, type Cluster } from './cluster';
import { clearFaults } from './faults';
import { createHandlers } from './handlers';
import { catalogHubHandlers, githubDemo } from './handlers/catalog-hub';
import { createSeededCluster, DEMO_OIDC_USER, type SeedOptions } from './seed';

export { DEMO_OIDC_USER, OTHER_OIDC_USER } from './seed';
export { fault, clearFaults, setLatency } from './faults';
export { githubDemo } from './handlers/catalog-hub';

/** A seeded cluster (no server). `now` defaults to a fake clock starting at 2025-06-02T10:00:00Z. */
export function createTestCluster(options: SeedOptions & { start?: number } = {}): Cluster & { advance(ms: number): void } {
  let t = options.start ?? Date.UTC(2025, 5, 2, 10, 0, 0);
  const now = options.now ?? (() => t);
  const cluster = createSeededCluster({ ...options, now }) as Cluster & { advance(ms: number): void };
  cluster.advance = (ms: number) => {
    t += ms;
    cluster.settle();
  };
  return cluster;
}

let current: Cluster = createSeededCluster();

// The Hub's GitHub (trees API and raw files) answers beside the cluster: it is not the OSCAR API.
export const server = setupServer(...createHandlers(current, DEMO_ENDPOINT), ...catalogHubHandlers());

/** The cluster the server is answering from now. */
export function demoCluster(): Cluster {
  return current;
}

/** Replaces the server's cluster with a fresh one (and clears faults); returns it. */
export function resetDemoCluster(cluster: Cluster = createSeededCluster()): Cluster {
  current = cluster;
  clearFaults();
  githubDemo.reset();
  githubDemo.restoreFiles();
  server.resetHandlers(...createHandlers(current, DEMO_ENDPOINT), ...catalogHubHandlers());
  return current;
}

/** Basic auth header for the demo admin. */
export function basicAuth(username = DEMO_USERNAME, password = DEMO_PASSWORD): string {
  return `Basic ${btoa(`${username}:${password}`)}`;
}

/** An OIDC access token (unsigned JWT) for Ana García by default, from EGI Check-in. */
export function oidcToken(claims: Partial<OidcClaims> = {}, now = current.now()): string {
  return makeJwt(
    {
      iss: EGI_ISSUERS[0]!,
      sub: DEMO_OIDC_USER.sub,
      name: DEMO_OIDC_USER.name,
      email: DEMO_OIDC_USER.email,
      eduperson_entitlement: [...DEMO_OIDC_USER.eduperson_entitlement],
      ...claims,
    },
    now,
  );
}

export { DEMO_ENDPOINT };
