import { http, HttpResponse } from 'msw';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { oscar } from '../../api/client';
import { isApiError } from '../../api/errors';
import { getSession } from '../../lib/session/session';
import { queryClient } from '../../lib/session/query-client';
import { installSessionEnd, loginPath } from './session-end';
import { CLUSTER, PASSWORD, renderRoutes, serveAuthCluster } from './test/helpers';
import { signIn } from '../../test/session';

const server = serveAuthCluster();

test('a 401 ends the session, explains why, and after logging in again the user is back where they were', async () => {
  // The password changed on the cluster since this session was made.
  signIn({ endpoint: CLUSTER, password: 'old' });
  queryClient.setQueryData(['services'], ['cached']);
  const { router } = await renderRoutes('/services/cowsay?tab=logs');
  installSessionEnd(router, queryClient);

  const error = await oscar.GET('/system/services').catch((e: unknown) => e);
  expect(isApiError(error) && error.status).toBe(401);

  expect(await screen.findByRole('alert')).toHaveTextContent(/no longer accepts the saved password/i);
  expect(router.state.location.pathname).toBe('/login');
  expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/services/cowsay?tab=logs');
  expect(getSession()).toBeNull();
  expect(queryClient.getQueryData(['services'])).toBeUndefined();
  expect(screen.getByLabelText('Cluster endpoint')).toHaveValue(CLUSTER);

  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  expect(await screen.findByTestId('location')).toHaveTextContent('/services/cowsay?tab=logs');
});

test('a 401 on credentials being tried (not the session) does not end the session', async () => {
  signIn({ endpoint: CLUSTER, password: PASSWORD });
  server.use(http.get(`${CLUSTER}/system/services`, () => new HttpResponse('no', { status: 401 })));
  const { router } = await renderRoutes('/services');
  installSessionEnd(router, queryClient);
  // An explicit Authorization header is not the session's: a refusal says nothing about the session.
  await oscar.GET('/system/services', { headers: { Authorization: 'Bearer someone-else' } }).catch(() => undefined);
  expect(getSession()).not.toBeNull();
  expect(router.state.location.pathname).toBe('/services');
});

test('loginPath keeps the endpoint and the page, but never loops back to /login', () => {
  expect(loginPath({ endpoint: 'https://a.test', next: '/info' })).toBe('/login?next=%2Finfo&endpoint=https%3A%2F%2Fa.test');
  expect(loginPath({ next: '/login?next=/x' })).toBe('/login');
  expect(loginPath({ endpoint: '' })).toBe('/login?endpoint=');
});
