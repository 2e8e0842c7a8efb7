// An MSW node server for one test file: listening for the whole file, refusing requests nothing
// answers (so a wrong URL fails the test instead of reaching the network), and back to its own
// handlers after each test, so one test's server.use() does not leak into the next.
import { setupServer, type SetupServer } from 'msw/node';
import type { RequestHandler } from 'msw';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Call at the top level of a test file (it registers the file's hooks). */
export function serveDuringTests(...handlers: RequestHandler[]): SetupServer {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
