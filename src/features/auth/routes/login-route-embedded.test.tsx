// The login screen of the embedded build (inside an OSCAR cluster at /ui/): the cluster is the page's origin.
import { http, HttpResponse } from 'msw';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getSession } from '../../../lib/session/session';
import { CLUSTER, PASSWORD, renderRoutes, serveAuthCluster } from '../test/helpers';

vi.mock('../../../lib/deploy/mode', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/deploy/mode')>();
  // The page is served by the cluster itself.
  return { ...real, EMBEDDED: true, sameOriginEndpoint: () => 'https://oscar.test' };
});

const server = serveAuthCluster();

async function logIn(password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

test('no endpoint field and no demo: the credentials go to the page origin', async () => {
  await renderRoutes('/login?next=%2Finfo');
  expect(screen.queryByLabelText('Cluster endpoint')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Use the demo cluster' })).toBeNull();
  expect(screen.getByText('OSCAR cluster oscar.test')).toBeInTheDocument();
  await logIn(PASSWORD);
  expect(await screen.findByTestId('location')).toHaveTextContent('/info');
  expect(getSession()?.endpoint).toBe(CLUSTER);
});

test('an origin that answers a web page instead of the API says it is not OSCAR, for the whole form', async () => {
  server.use(http.get(`${CLUSTER}/system/info`, () => new HttpResponse('<!doctype html><title>Lagoon</title>', { headers: { 'Content-Type': 'text/html' } })));
  await renderRoutes('/login');
  await logIn(PASSWORD);
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(/https:\/\/oscar\.test answered, but it is not an OSCAR cluster/);
  await waitFor(() => expect(alert.parentElement).toHaveFocus());
  expect(getSession()).toBeNull();
});

test("the OSCAR Dashboard's hand-over lists the provider it names first", async () => {
  server.use(
    http.get('/config.json', () =>
      HttpResponse.json({
        oidcProviders: [
          { id: 'other', label: 'Other IdP', authority: 'https://other.test', clientId: 'c' },
          { id: 'egi', label: 'EGI Check-in', authority: 'https://aai.egi.test', clientId: 'c' },
        ],
      }),
    ),
  );
  await renderRoutes('/login?endpoint=https%3A%2F%2Foscar.test&process=EGI');
  const buttons = await screen.findAllByRole('button', { name: /^Continue with/ });
  expect(buttons.map((b) => b.textContent)).toEqual(['Continue with EGI Check-in', 'Continue with Other IdP']);
});
