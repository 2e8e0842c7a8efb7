// The demo's GitHub (mocks/handlers/catalog-hub.ts) for this feature's tests: its published crates, a full
// hourly budget and no cached trees before each test.
import { beforeEach } from 'vitest';
import type { SetupServer } from 'msw/node';
import { catalogHubHandlers, githubDemo } from '../../../../mocks/handlers/catalog-hub';
import { clearTreeCache } from '../lib/github';

export { githubDemo };

export function serveGitHub(server: SetupServer): void {
  beforeEach(() => {
    githubDemo.reset();
    githubDemo.restoreFiles();
    clearTreeCache();
    server.use(...catalogHubHandlers());
  });
}
