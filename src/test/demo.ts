// The demo cluster in Node: the same stateful handlers the browser demo uses (they behave like OSCAR),
// answering on a test endpoint through an MSW node server, from a freshly seeded cluster in each test.
import type { SetupServer } from 'msw/node';
import { beforeEach, afterEach } from 'vitest';
import { createHandlers } from '../../mocks/handlers';
import { clearFaults, createTestCluster } from '../../mocks/node';
import { serveDuringTests } from './msw';
import { TEST_ENDPOINT } from './session';

export type TestCluster = ReturnType<typeof createTestCluster>;

export interface NodeDemo {
  server: SetupServer;
  /** This test's cluster (a new one before each test). */
  readonly cluster: TestCluster;
}

/**
 * Call at the top level of a test file. `prepare` changes each fresh cluster before the test sees it.
 * Faults set with mocks/node's fault() are cleared after each test.
 */
export function serveDemoCluster(
  endpoint: string = TEST_ENDPOINT,
  prepare: (cluster: TestCluster) => void = () => {},
): NodeDemo {
  const server = serveDuringTests();
  let cluster = createTestCluster();
  beforeEach(() => {
    cluster = createTestCluster();
    prepare(cluster);
    server.resetHandlers(...createHandlers(cluster, endpoint));
  });
  afterEach(() => clearFaults());
  return {
    server,
    get cluster() {
      return cluster;
    },
  };
}
