// @vitest-environment jsdom
import { http, HttpResponse } from 'msw';
import { User } from 'oidc-client-ts';
import { getSession, setSession, type Session } from '../../lib/session/session';
import { queryClient } from '../../lib/session/query-client';
import { logout } from './logout';
import { userManagerFor } from './oidc';
import { peekFlash } from './session-end';
import { ANA, CLUSTER, IDP, PASSWORD, testConfig, serveAuthCluster } from './test/helpers';
import { signIn } from '../../test/session';

const provider = testConfig.oidcProviders[0]!;

const server = serveAuthCluster();

test('a password session ends here, with a message for the login screen', async () => {
  signIn({ endpoint: CLUSTER, password: PASSWORD });
  queryClient.setQueryData(['services'], ['x']);
  expect(await logout(queryClient)).toEqual({ to: '/login' });
  expect(getSession()).toBeNull();
  expect(queryClient.getQueryData(['services'])).toBeUndefined();
  expect(peekFlash()).toEqual({ kind: 'info', message: 'You have logged out.' });
});

test('when the provider cannot end its session, the local session still ends and the user is told', async () => {
  // A provider without an end-session endpoint.
  server.use(
    http.get(`${IDP}/.well-known/openid-configuration`, () =>
      HttpResponse.json({ issuer: IDP, authorization_endpoint: `${IDP}/auth`, token_endpoint: `${IDP}/token`, jwks_uri: `${IDP}/jwks` }),
    ),
  );
  const session: Session = {
    endpoint: CLUSTER,
    method: 'oidc',
    providerId: provider.id,
    user: { name: ANA.name, sub: ANA.sub },
    credentials: { kind: 'bearer', token: 'good.1' },
    expiresAt: Date.now() + 300_000,
  };
  setSession(session);
  const um = userManagerFor(provider);
  await um.storeUser(new User({ access_token: 'good.1', token_type: 'Bearer', profile: { sub: ANA.sub, iss: IDP, aud: 'lagoon', exp: 0, iat: 0 } }));

  expect(await logout(queryClient)).toEqual({ to: '/login' });
  expect(getSession()).toBeNull();
  expect(await um.getUser()).toBeNull();
  expect(peekFlash()).toMatchObject({ kind: 'warning', message: expect.stringMatching(/could not end its own session/) });
});
