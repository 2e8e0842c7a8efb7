import { http, HttpResponse } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEMO_ENDPOINT } from '../../../api/demo';
import { getSession } from '../../../lib/session/session';
import { CLUSTERS_KEY, rememberCluster } from '../recent-clusters';
import { setFlash } from '../session-end';
import { CLUSTER, PASSWORD, renderRoutes, serveAuthCluster } from '../test/helpers';
import { signIn } from '../../../test/session';

const server = serveAuthCluster();

async function fillAndSubmit(values: { endpoint?: string; username?: string; password?: string }) {
  const user = userEvent.setup();
  if (values.endpoint !== undefined) {
    await user.clear(screen.getByLabelText('Cluster endpoint'));
    if (values.endpoint) await user.type(screen.getByLabelText('Cluster endpoint'), values.endpoint);
  }
  if (values.username !== undefined) {
    await user.clear(screen.getByLabelText('Username'));
    if (values.username) await user.type(screen.getByLabelText('Username'), values.username);
  }
  if (values.password) await user.type(screen.getByLabelText('Password'), values.password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  return user;
}

function describedText(el: HTMLElement): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

test('defaults to the demo cluster and says which credentials to use', async () => {
  await renderRoutes('/login');
  expect(screen.getByLabelText('Cluster endpoint')).toHaveValue(DEMO_ENDPOINT);
  expect(screen.getByText(/this is the demo cluster/i).parentElement).toHaveTextContent(/as oscar with the password lagoon-demo/i);
  expect(screen.getByRole('button', { name: 'Use the demo cluster' })).toBeEnabled();
  await waitFor(() => expect(document.title).toBe('Log in · OSCAR'));
  // The providers come from config.json.
  expect(await screen.findByRole('button', { name: 'Continue with Test IdP' })).toBeEnabled();
});

test('empty fields get their own messages, tied to the fields, and nothing is sent', async () => {
  let calls = 0;
  server.events.on('request:start', () => void calls++);
  await renderRoutes('/login');
  await screen.findByRole('button', { name: 'Continue with Test IdP' });
  calls = 0;
  await fillAndSubmit({ endpoint: '', username: '' });
  const endpoint = screen.getByLabelText('Cluster endpoint');
  expect(endpoint).toHaveAttribute('aria-invalid', 'true');
  expect(describedText(endpoint)).toMatch(/enter the address of the oscar cluster/i);
  expect(describedText(screen.getByLabelText('Username'))).toMatch(/enter the user name/i);
  expect(describedText(screen.getByLabelText('Password'))).toMatch(/enter the password/i);
  await waitFor(() => expect(endpoint).toHaveFocus());
  expect(calls).toBe(0);
  expect(getSession()).toBeNull();
  server.events.removeAllListeners();
});

test('a wrong password is reported next to the password field', async () => {
  await renderRoutes('/login');
  await fillAndSubmit({ endpoint: CLUSTER, password: 'nope' });
  const password = screen.getByLabelText('Password');
  await waitFor(() => expect(describedText(password)).toMatch(/wrong username or password/i));
  expect(password).toHaveAttribute('aria-invalid', 'true');
  expect(getSession()).toBeNull();
});

test('the right password makes the session and returns to the page asked for', async () => {
  await renderRoutes('/login?next=%2Fservices%2Fcowsay');
  await fillAndSubmit({ endpoint: 'oscar.test/', password: PASSWORD });
  expect(await screen.findByTestId('location')).toHaveTextContent('/services/cowsay');
  expect(getSession()).toMatchObject({
    endpoint: CLUSTER,
    method: 'basic',
    user: { name: 'oscar' },
    credentials: { kind: 'basic', username: 'oscar', password: PASSWORD },
  });
  // The cluster is remembered, its password is not.
  const stored = localStorage.getItem(CLUSTERS_KEY) ?? '';
  expect(JSON.parse(stored)).toEqual([{ endpoint: CLUSTER, lastUsed: expect.any(Number), lastMethod: 'basic' }]);
  expect(JSON.stringify({ ...localStorage })).not.toContain(PASSWORD);
});

test('an unreachable cluster is reported on the endpoint field', async () => {
  server.use(http.get('https://down.test/system/info', () => HttpResponse.error()));
  await renderRoutes('/login');
  await fillAndSubmit({ endpoint: 'https://down.test', password: 'x' });
  const endpoint = screen.getByLabelText('Cluster endpoint');
  await waitFor(() => expect(describedText(endpoint)).toMatch(/cannot reach a cluster at https:\/\/down\.test/i));
  await waitFor(() => expect(endpoint).toHaveFocus());
});

test.each([
  ['answers a web page', () => new HttpResponse('<!doctype html><title>Welcome</title>', { headers: { 'Content-Type': 'text/html' } })],
  ['has no /system/info', () => new HttpResponse('404 page not found', { status: 404 })],
  ['answers JSON without a version', () => HttpResponse.json({ hello: 'world' })],
])('an endpoint that %s is not OSCAR, and the screen says so', async (_what, answer) => {
  server.use(http.get('https://not-oscar.test/system/info', answer));
  await renderRoutes('/login');
  await fillAndSubmit({ endpoint: 'https://not-oscar.test', password: 'x' });
  await waitFor(() => expect(describedText(screen.getByLabelText('Cluster endpoint'))).toMatch(/is not an OSCAR cluster/i));
  expect(getSession()).toBeNull();
});

test('an address that is not a URL is refused before anything is sent', async () => {
  await renderRoutes('/login');
  await fillAndSubmit({ endpoint: 'ftp://oscar.test', password: 'x' });
  expect(describedText(screen.getByLabelText('Cluster endpoint'))).toMatch(/must start with https:\/\//i);
});

test('known clusters can be picked and forgotten', async () => {
  rememberCluster('https://one.test', 'basic', undefined, 1000);
  rememberCluster(CLUSTER, 'oidc', 'test-idp', 2000);
  await renderRoutes('/login');
  // The most recent one is preselected.
  expect(screen.getByLabelText('Cluster endpoint')).toHaveValue(CLUSTER);
  const list = screen.getByRole('list', { name: 'Your clusters' });
  const user = userEvent.setup();
  await user.click(within(list).getByRole('button', { name: 'one.test' }));
  expect(screen.getByLabelText('Cluster endpoint')).toHaveValue('https://one.test');
  expect(within(list).getByRole('button', { name: 'one.test' })).toHaveAttribute('aria-pressed', 'true');
  await user.click(within(list).getByRole('button', { name: 'Forget oscar.test' }));
  expect(within(list).queryByRole('button', { name: 'oscar.test' })).toBeNull();
  expect(localStorage.getItem(CLUSTERS_KEY)).not.toContain('oscar.test');
});

test('an endpoint in the URL is preselected, over the remembered one', async () => {
  rememberCluster('https://one.test', 'basic');
  await renderRoutes(`/login?endpoint=${encodeURIComponent(CLUSTER)}`);
  expect(screen.getByLabelText('Cluster endpoint')).toHaveValue(CLUSTER);
});

test('the reason a session ended is shown once', async () => {
  setFlash({ kind: 'warning', message: 'Your login has expired or was refused by the cluster.' });
  const first = await renderRoutes('/login');
  expect(screen.getByRole('alert')).toHaveTextContent('Your login has expired or was refused by the cluster.');
  first.unmount();
  await renderRoutes('/login');
  expect(screen.queryByText(/your login has expired/i)).toBeNull();
});

test('an identity provider login needs a valid endpoint first', async () => {
  await renderRoutes('/login');
  const user = userEvent.setup();
  await user.clear(screen.getByLabelText('Cluster endpoint'));
  await user.click(await screen.findByRole('button', { name: 'Continue with Test IdP' }));
  expect(describedText(screen.getByLabelText('Cluster endpoint'))).toMatch(/enter the address/i);
});

test('a broken config.json leaves password login working and says why', async () => {
  server.use(http.get('/config.json', () => new HttpResponse('oops', { status: 500 })));
  await renderRoutes('/login');
  expect(await screen.findByText(/at http:\/\/[^ ]+\/config\.json could not be loaded: the server answered HTTP 500\. Only password login is available/i)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
});

test.each([
  ['missing', () => new HttpResponse('404 page not found', { status: 404 }), /config\.json could not be loaded: the file is missing \(HTTP 404\)/],
  ['a web page', () => new HttpResponse('<!doctype html><p>hi', { headers: { 'Content-Type': 'text/html' } }), /answered a web page instead of the JSON file/],
  ['not JSON', () => new HttpResponse('{"oidcProviders": [', { headers: { 'Content-Type': 'application/json' } }), /config\.json could not be loaded: it is not valid JSON/],
  ['the wrong shape', () => HttpResponse.json({ oidcProviders: { id: 'egi' } }), /config\.json is not valid \("oidcProviders" is not a list\)/],
])('a config.json that is %s says what is wrong and where the file is', async (_, answer, message) => {
  server.use(http.get('/config.json', answer));
  await renderRoutes('/login');
  expect(await screen.findByText(message)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
});

test('with a session already, /login goes on to the next page', async () => {
  signIn({ endpoint: CLUSTER, password: PASSWORD });
  await renderRoutes('/login?next=%2Finfo');
  expect(await screen.findByTestId('location')).toHaveTextContent('/info');
});

describe('a link naming a provider (the OSCAR Dashboard’s #/login?endpoint=…&process=…)', () => {
  /** The URLs asked of the test identity provider (its discovery document first, when a login starts). */
  function idpRequests(): string[] {
    const seen: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.startsWith('https://idp.test/')) seen.push(request.url);
    });
    return seen;
  }

  test('starts that provider’s login on arrival, with the endpoint the link gave', async () => {
    const seen = idpRequests();
    await renderRoutes(`/login?endpoint=${encodeURIComponent(CLUSTER)}&provider=test-idp`);
    expect(screen.getByLabelText('Cluster endpoint')).toHaveValue(CLUSTER);
    await waitFor(() => expect(seen.some((u) => u.includes('/.well-known/openid-configuration'))).toBe(true));
    expect(screen.getByRole('button', { name: /Continue with Test IdP/ })).toHaveAttribute('aria-busy', 'true');
  });

  test('does not start it when the screen has something to say first (a cancelled login)', async () => {
    setFlash({ kind: 'warning', message: 'The login was cancelled.' });
    const seen = idpRequests();
    await renderRoutes(`/login?endpoint=${encodeURIComponent(CLUSTER)}&provider=test-idp`);
    expect(await screen.findByText('The login was cancelled.')).toBeInTheDocument();
    const button = await screen.findByRole('button', { name: 'Continue with Test IdP' });
    expect(button).toBeEnabled();
    expect(seen).toEqual([]);
  });

  test('a provider this dashboard does not list is said, and nothing starts', async () => {
    const seen = idpRequests();
    await renderRoutes(`/login?endpoint=${encodeURIComponent(CLUSTER)}&provider=grycap`);
    expect(await screen.findByText(/asked for the identity provider “grycap”, which this dashboard does not list/)).toBeInTheDocument();
    expect(seen).toEqual([]);
  });
});
