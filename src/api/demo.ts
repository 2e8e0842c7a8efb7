// The embedded demo cluster: an in-memory OSCAR behind MSW (mocks/). Its code loads only when the
// demo endpoint is used, so a real cluster never pays for it.
export const DEMO_ENDPOINT = 'https://demo.lagoon.test';
export const DEMO_USERNAME = 'oscar';
export const DEMO_PASSWORD = 'lagoon-demo';

/**
 * The demo cluster's seeded OIDC users (EGI Check-in style subjects), shared by its seed (mocks/seed.ts)
 * and the login screen, which can sign in as them without an identity provider (tokens from the demo
 * issuer below, which only the demo cluster accepts unsigned).
 */
export const DEMO_OIDC_USERS = {
  ana: {
    sub: '0f3e0c5a5c1d4c1e9f6a2b7d8c9e1f20@egi.eu',
    name: 'Ana García',
    email: 'ana.garcia@example.org',
    eduperson_entitlement: [
      'urn:mace:egi.eu:group:vo.ai4eosc.eu:role=member#aai.egi.eu',
      'urn:mace:egi.eu:group:vo.imagine-ai.eu:role=member#aai.egi.eu',
    ],
  },
  marco: {
    sub: 'a81c7e2d4b9f4f0e8d3c6b5a4e2f1d09@egi.eu',
    name: 'Marco Rossi',
    email: 'marco.rossi@example.org',
    eduperson_entitlement: ['urn:mace:egi.eu:group:dev.intertwin.eu:role=member#aai.egi.eu'],
  },
} as const;

export type DemoOidcUser = (typeof DEMO_OIDC_USERS)[keyof typeof DEMO_OIDC_USERS];

/** The issuer of the demo users' tokens: EGI Check-in's, which the demo cluster trusts as a real one would. */
export const DEMO_OIDC_ISSUER = 'https://aai.egi.eu/auth/realms/egi';

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
