import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { User } from 'oidc-client-ts';
import { getSession, setSession, type Session } from '../../../lib/session/session';
import { userManagerFor } from '../oidc';
import { setRenewal } from '../renewal-status';
import { ANA, CLUSTER, PASSWORD, fakeJwt, IDP, renderRoutes, testConfig, serveAuthCluster } from '../test/helpers';
import { SessionWatch } from './session-watch';

const provider = testConfig.oidcProviders[0]!;

serveAuthCluster();
afterEach(async () => {
  setRenewal('ok');
  await userManagerFor(provider).removeUser();
});

function oidcSession(expiresInMs: number, token = 'good.initial'): Session {
  return {
    endpoint: CLUSTER,
    method: 'oidc',
    providerId: provider.id,
    user: { name: ANA.name, email: ANA.email, sub: ANA.sub },
    credentials: { kind: 'bearer', token },
    expiresAt: Date.now() + expiresInMs,
  };
}

/** What oidc-client-ts would hold after a login: the tokens, including a refresh token. */
async function storeProviderUser(session: Session, refresh = 'refresh-0') {
  const now = Math.floor(Date.now() / 1000);
  await userManagerFor(provider).storeUser(
    new User({
      access_token: session.credentials.kind === 'bearer' ? session.credentials.token : '',
      token_type: 'Bearer',
      refresh_token: refresh,
      id_token: fakeJwt({ iss: IDP, aud: 'lagoon', iat: now, exp: now + 300, ...ANA }),
      scope: 'openid profile email',
      profile: { iss: IDP, aud: 'lagoon', sub: ANA.sub, iat: now, exp: now + 300 },
      expires_at: Math.floor((session.expiresAt ?? 0) / 1000),
    }),
  );
}

async function renderWatch(session: Session | null) {
  if (session) setSession(session);
  return renderRoutes('/services/cowsay', [{ path: '/services/cowsay', Component: SessionWatch }]);
}

test('nothing to say for a password session', async () => {
  const { container } = await renderWatch({
    endpoint: CLUSTER,
    method: 'basic',
    user: { name: 'oscar' },
    credentials: { kind: 'basic', username: 'oscar', password: PASSWORD },
  });
  expect(container).toBeEmptyDOMElement();
});

test('nothing to say while a renewable login has time left', async () => {
  const session = oidcSession(10 * 60_000);
  await storeProviderUser(session);
  await renderWatch(session);
  // Give the resume (config, stored user) time to run and possibly complain.
  await act(() => new Promise((r) => setTimeout(r, 50)));
  expect(screen.queryByRole('alert')).toBeNull();
});

test('warns when the login is about to expire without having been renewed', async () => {
  const session = oidcSession(20_000);
  await storeProviderUser(session);
  await renderWatch(session);
  expect(await screen.findByRole('alert')).toHaveTextContent(/has not been renewed yet\. your session ends in less than a minute/i);
});

test('warns when renewal failed, and "Renew now" renews with the refresh token and updates the session', async () => {
  const session = oidcSession(10 * 60_000);
  await storeProviderUser(session);
  await renderWatch(session);
  act(() => setRenewal({ failed: 'Test IdP could not be reached to renew your login.' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(/test idp could not be reached to renew your login\. your session ends in about 10 minutes/i);

  await userEvent.setup().click(screen.getByRole('button', { name: 'Renew now' }));
  await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  const renewed = getSession();
  expect(renewed?.credentials).toEqual({ kind: 'bearer', token: expect.stringMatching(/^good\.\d+$/) });
  expect(renewed?.credentials).not.toEqual(session.credentials);
  expect(renewed?.expiresAt).toBeGreaterThan(Date.now() + 4 * 60_000);
});

test('after a reload past the expiry, the login is renewed at once with the refresh token', async () => {
  const session = oidcSession(-60_000, 'good.stale');
  await storeProviderUser(session);
  await renderWatch(session);
  await waitFor(() => expect(getSession()?.credentials).not.toEqual(session.credentials));
  expect(getSession()?.expiresAt).toBeGreaterThan(Date.now());
  await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
});

test('a login that cannot be renewed in this tab (no stored tokens) is flagged', async () => {
  await renderWatch(oidcSession(10 * 60_000));
  expect(await screen.findByRole('alert')).toHaveTextContent(/the test idp login cannot be renewed in this tab/i);
});

test('an expired login offers to log in again, back to the same page', async () => {
  const session = oidcSession(-1000);
  await renderWatch(session);
  expect(await screen.findByRole('alert')).toHaveTextContent(/your login has expired/i);
  expect(screen.queryByRole('button', { name: 'Renew now' })).toBeNull();
  await userEvent.setup().click(screen.getByRole('button', { name: 'Log in again' }));
  expect(await screen.findByLabelText('Cluster endpoint')).toHaveValue(CLUSTER);
  expect(getSession()).toBeNull();
});
