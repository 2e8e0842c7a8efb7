// The embedded demo cluster: an in-memory OSCAR behind MSW (mocks/). Its code loads only when the
// demo endpoint is used, so a real cluster never pays for it.
export const DEMO_ENDPOINT = 'https://demo.lagoon.test';
export const DEMO_USERNAME = 'oscar';
export const DEMO_PASSWORD = 'lagoon-demo';

let started: Promise<void> | null = null;

export function isDemoEndpoint(endpoint: string): boolean {
  return endpoint.replace(/\/+$/, '') === DEMO_ENDPOINT;
}

/** Starts the demo cluster's service worker once; later calls wait for the same start. */
export function ensureDemo(): Promise<void> {
  if (!started) {
    started = import('../../mocks/browser')
      .then((m) => m.startDemo())
      .catch((e: unknown) => {
        started = null;
        throw e;
      });
  }
  return started;
}
