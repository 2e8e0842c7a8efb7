import { http, HttpResponse } from 'msw';
import { screen, waitFor } from '@testing-library/react';
import { OidcClient } from 'oidc-client-ts';
import { getSession } from '../../../lib/session/session';
import { managerSettings } from '../oidc';
import { listClusters } from '../recent-clusters';
import { ANA, ANA_ENTITLEMENTS, CLUSTER, IDP, renderRoutes, testConfig, serveAuthCluster } from '../test/helpers';

const provider = testConfig.oidcProviders[0]!;

const server = serveAuthCluster();

/** Starts a login the way the login screen does, and returns the state the provider would send back. */
async function startedLogin(data: { endpoint: string; next: string }) {
  const client = new OidcClient(managerSettings(provider));
  const request = await client.createSigninRequest({ request_type: 'si:r', state: { ...data, providerId: provider.id } });
  const url = new URL(request.url);
  return { state: url.searchParams.get('state') ?? '', authorizeUrl: url };
}

test('the authorization request uses PKCE with S256', async () => {
  const { authorizeUrl } = await startedLogin({ endpoint: CLUSTER, next: '/services' });
  expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${IDP}/auth`);
  expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorizeUrl.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(`${location.origin}/auth/callback`);
});

test('a successful login makes a bearer session and goes back to where the user was', async () => {
  const { state } = await startedLogin({ endpoint: CLUSTER, next: '/services/cowsay' });
  await renderRoutes(`/auth/callback?code=abc&state=${state}`);
  expect(await screen.findByTestId('location')).toHaveTextContent('/services/cowsay');
  const session = getSession();
  expect(session).toMatchObject({
    endpoint: CLUSTER,
    method: 'oidc',
    providerId: 'test-idp',
    user: { name: ANA.name, email: ANA.email, sub: ANA.sub, entitlements: ANA_ENTITLEMENTS },
    credentials: { kind: 'bearer', token: expect.stringMatching(/^good\./) },
  });
  expect(session?.expiresAt).toBeGreaterThan(Date.now());
  expect(listClusters()[0]).toMatchObject({ endpoint: CLUSTER, lastMethod: 'oidc', providerId: 'test-idp' });
  // oidc-client-ts keeps its user (with the refresh token) in sessionStorage, and nothing goes to localStorage.
  const stored = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
  expect(stored && sessionStorage.getItem(stored)).toContain('refresh-');
  expect(JSON.stringify({ ...localStorage })).not.toMatch(/good\.|refresh-/);
});

test('a cancelled login comes back to the login screen with a message, keeping the cluster', async () => {
  const { state } = await startedLogin({ endpoint: CLUSTER, next: '/info' });
  await renderRoutes(`/auth/callback?error=access_denied&error_description=End-User+aborted+interaction&state=${state}`);
  expect(await screen.findByRole('alert')).toHaveTextContent(/the login at test idp was cancelled or refused \(end-user aborted interaction\)/i);
  expect(screen.getByLabelText('Cluster endpoint')).toHaveValue(CLUSTER);
  expect(getSession()).toBeNull();
});

test('a provider error is explained', async () => {
  const { state } = await startedLogin({ endpoint: CLUSTER, next: '/info' });
  await renderRoutes(`/auth/callback?error=temporarily_unavailable&state=${state}`);
  expect(await screen.findByRole('alert')).toHaveTextContent(/test idp is not available right now/i);
});

test('a cluster that refuses the token: no session, and the login screen says why', async () => {
  server.use(http.get(`${CLUSTER}/system/info`, () => new HttpResponse('Unauthorized', { status: 401 })));
  const { state } = await startedLogin({ endpoint: CLUSTER, next: '/info' });
  await renderRoutes(`/auth/callback?code=abc&state=${state}`);
  expect(await screen.findByRole('alert')).toHaveTextContent(/the cluster did not accept your test idp login/i);
  expect(getSession()).toBeNull();
  // The refused tokens are not kept either.
  expect(Object.keys(sessionStorage).some((k) => k.startsWith('oidc.user:'))).toBe(false);
});

test('a response that matches no login started here is refused', async () => {
  await renderRoutes('/auth/callback?code=abc&state=made-up');
  expect(await screen.findByRole('alert')).toHaveTextContent(/does not match a login started in this tab/i);
  expect(getSession()).toBeNull();
});

test('a code exchange the provider refuses is reported', async () => {
  server.use(http.post(`${IDP}/token`, () => HttpResponse.json({ error: 'invalid_grant', error_description: 'code expired' }, { status: 400 })));
  const { state } = await startedLogin({ endpoint: CLUSTER, next: '/info' });
  await renderRoutes(`/auth/callback?code=abc&state=${state}`);
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/test idp refused the login: code expired/i));
});
