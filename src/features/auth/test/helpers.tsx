// Test helpers for the auth feature: a small OSCAR on https://oscar.test (Basic and Bearer checks on
// /system/info, as the real server does), a stand-in identity provider on https://idp.test, and a
// router with the login and callback routes. Only tests import this file.
import { http, HttpResponse } from 'msw';
import { act, waitFor } from '@testing-library/react';
import type { RouteObject } from 'react-router';
import { queryClient } from '../../../lib/session/query-client';
import { setSession } from '../../../lib/session/session';
import { serveDuringTests } from '../../../test/msw';
import { LocationProbe, renderRoutes as renderRouter } from '../../../test/render';
import { resetAuthConfig } from '../auth-config';
import * as loginRoute from '../routes/login-route';
import * as callbackRoute from '../routes/callback-route';

export const CLUSTER = 'https://oscar.test';
export const IDP = 'https://idp.test/realms/lagoon';
export const PASSWORD = 'right-password';
export const GOOD_TOKEN_PREFIX = 'good.';

export const ANA = {
  sub: '0f3e0c5a5c1d4c1e9f6a2b7d8c9e1f20@egi.eu',
  name: 'Ana García',
  email: 'ana.garcia@example.org',
};

/** EGI Check-in sends group memberships as entitlement URNs (one here as a lone string would also be read). */
export const ANA_ENTITLEMENTS = ['urn:mace:egi.eu:group:vo.ai4eosc.eu:role=member#aai.egi.eu'];

export const testConfig = {
  oidcProviders: [{ id: 'test-idp', label: 'Test IdP', authority: IDP, clientId: 'lagoon', scope: 'openid profile email' }],
};

function b64url(s: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** An unsigned JWT: oidc-client-ts reads ID token claims but leaves signatures to the server. */
export function fakeJwt(claims: Record<string, unknown>): string {
  return `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.`;
}

function basicOk(header: string | null): boolean {
  return header === `Basic ${btoa(`oscar:${PASSWORD}`)}`;
}

export const token = { issued: 0 };

export const handlers = [
  http.get('/config.json', () => HttpResponse.json(testConfig)),
  http.get(`${CLUSTER}/system/info`, ({ request }) => {
    const auth = request.headers.get('Authorization');
    if (basicOk(auth) || auth?.startsWith(`Bearer ${GOOD_TOKEN_PREFIX}`)) {
      return HttpResponse.json({ version: 'v4.1.2', architecture: 'amd64' });
    }
    return new HttpResponse('Unauthorized', { status: 401, headers: { 'Content-Type': 'text/plain' } });
  }),
  http.get(`${CLUSTER}/system/services`, ({ request }) => {
    const auth = request.headers.get('Authorization');
    if (basicOk(auth)) return HttpResponse.json([]);
    return new HttpResponse('Unauthorized', { status: 401 });
  }),
  http.get(`${IDP}/.well-known/openid-configuration`, () =>
    HttpResponse.json({
      issuer: IDP,
      authorization_endpoint: `${IDP}/auth`,
      token_endpoint: `${IDP}/token`,
      end_session_endpoint: `${IDP}/logout`,
      jwks_uri: `${IDP}/jwks`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    }),
  ),
  http.post(`${IDP}/token`, async ({ request }) => {
    const body = new URLSearchParams(await request.text());
    const grant = body.get('grant_type');
    if (grant === 'authorization_code' && !body.get('code_verifier')) {
      return HttpResponse.json({ error: 'invalid_request', error_description: 'PKCE required' }, { status: 400 });
    }
    if (grant === 'refresh_token' && !body.get('refresh_token')?.startsWith('refresh-')) {
      return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
    }
    const now = Math.floor(Date.now() / 1000);
    token.issued++;
    return HttpResponse.json({
      access_token: `${GOOD_TOKEN_PREFIX}${token.issued}`,
      token_type: 'Bearer',
      expires_in: 300,
      refresh_token: `refresh-${token.issued}`,
      scope: 'openid profile email',
      id_token: fakeJwt({ iss: IDP, aud: 'lagoon', iat: now, exp: now + 300, ...ANA, eduperson_entitlement: ANA_ENTITLEMENTS }),
    });
  }),
];

/**
 * Call at the top level of a test file: serves the handlers above and, after each test, ends the
 * session and forgets the auth config and the app's cached queries.
 */
export function serveAuthCluster() {
  const server = serveDuringTests(...handlers);
  afterEach(() => {
    setSession(null);
    resetAuthConfig();
    queryClient.clear();
  });
  return server;
}

/** Renders the auth routes at `initial` and waits for the first loaders to settle. */
export async function renderRoutes(initial: string, extra: RouteObject[] = []) {
  const routes: RouteObject[] = [
    { path: '/login', Component: loginRoute.Component, loader: loginRoute.loader },
    { path: '/auth/callback', Component: callbackRoute.Component },
    { path: '*', Component: LocationProbe },
    ...extra,
  ];
  // The app's own query client: logout and the session's end clear it.
  const view = renderRouter(routes, { url: initial, queryClient });
  const { router } = view;
  await waitFor(() => expect(router.state.initialized).toBe(true));
  // The router's state change reaches React in a transition: let it commit before the test looks.
  await act(async () => {});
  return view;
}
