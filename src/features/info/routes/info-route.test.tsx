import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { DEMO_ENDPOINT } from '../../../api/demo';
import { setSession } from '../../../lib/session/session';
import { clearFaults, listFaults } from '../../../../mocks/faults';
import { serveDuringTests } from '../../../test/msw';
import { renderRoutes } from '../../../test/render';
import { TEST_ENDPOINT as BASE, signIn } from '../../../test/session';
import { Component as InfoRoute } from './info-route';

// The demo's service worker cannot run in jsdom; these tests answer the demo endpoint with msw/node.
vi.mock('../../../api/demo', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../api/demo')>()),
  ensureDemo: () => Promise.resolve(),
}));

let configStatus = 200;
const server = serveDuringTests(
  http.get(`${BASE}/system/info`, () =>
    HttpResponse.json({
      version: 'v4.1.2',
      git_commit: '9f1c2ab',
      architecture: 'amd64',
      kubernetes_version: 'v1.31.4',
      serverless_backend: { name: 'Knative', version: '1.17' },
      oidc: { enabled: true, issuers: ['https://aai.egi.eu/auth/realms/egi'] },
    }),
  ),
  http.get(`${BASE}/system/config`, () =>
    configStatus !== 200
      ? new HttpResponse('could not read the MinIO credentials', { status: configStatus })
      : HttpResponse.json({
          config: { name: 'oscar', namespace: 'oscar', services_namespace: 'oscar-svc', gpu_available: true, yunikorn_enable: false, oidc_groups: ['vo.ai4eosc.eu'] },
          minio_provider: { endpoint: 'https://minio.oscar.test', region: 'us-east-1', verify: true, access_key: 'minio-root', secret_key: 'minio-root-secret-9876' },
          allowed_image_repositories: ['ghcr.io/grycap'],
        }),
  ),
);
beforeEach(() => {
  configStatus = 200;
  signIn();
});
afterEach(() => clearFaults());

async function renderInfo() {
  // Rendered inside an awaited act: the demo panel suspends on a lazily loaded module (React 19 `use`).
  await act(async () => {
    renderRoutes([{ path: '/info', element: <InfoRoute /> }], { url: '/info' });
  });
}

describe('who you are', () => {
  it('shows an OIDC user’s name, subject, VOs (marking those the cluster accepts) and the access token, masked and copyable', async () => {
    const user = userEvent.setup();
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmEifQ.sig-abc123';
    setSession({
      endpoint: BASE,
      method: 'oidc',
      providerId: 'egi',
      user: {
        name: 'Ana Díaz',
        email: 'ana@example.org',
        sub: '1f2e3d4c@egi.eu',
        entitlements: [
          'urn:mace:egi.eu:group:vo.ai4eosc.eu:role=member#aai.egi.eu',
          'urn:mace:egi.eu:group:vo.imagine-ai.eu:role=member#aai.egi.eu',
        ],
      },
      credentials: { kind: 'bearer', token },
    });
    await renderInfo();
    const you = await screen.findByRole('region', { name: 'You' });
    expect(you).toHaveTextContent('Ana Díaz');
    expect(you).toHaveTextContent('ana@example.org');
    expect(you).toHaveTextContent('1f2e3d4c@egi.eu');
    const vos = within(you).getByRole('list', { name: 'Your VOs' });
    expect(await within(vos).findByText('accepted here')).toBeInTheDocument();
    expect(within(vos).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['vo.ai4eosc.euaccepted here', 'vo.imagine-ai.eunot used here']);
    // Masked until revealed; the copy button copies the real token.
    expect(you).not.toHaveTextContent(token);
    await user.click(within(you).getByRole('button', { name: /copy access token/i }));
    expect(await navigator.clipboard.readText()).toBe(token);
  });

  it('says a Basic login has no token to copy', async () => {
    await renderInfo();
    const you = await screen.findByRole('region', { name: 'You' });
    expect(you).toHaveTextContent('oscar');
    expect(you).toHaveTextContent('there is no token to copy');
    expect(within(you).queryByText(/Access token/)).toBeNull();
  });
});

describe('the info page', () => {
  it('shows the cluster, its version and every configuration field', async () => {
    await renderInfo();
    const cluster = screen.getByRole('region', { name: 'Cluster' });
    expect(cluster).toHaveTextContent(`Endpoint${BASE}`);
    expect(await within(cluster).findByText('v4.1.2')).toBeInTheDocument();
    expect(cluster).toHaveTextContent('Git commit9f1c2ab');
    expect(cluster).toHaveTextContent('Architectureamd64');
    expect(cluster).toHaveTextContent('Kubernetes versionv1.31.4');
    expect(cluster).toHaveTextContent('Serverless backendKnative 1.17');
    expect(cluster).toHaveTextContent('OIDC login');
    const config = await screen.findByRole('region', { name: 'Configuration' });
    expect(config).toHaveTextContent('Services namespaceoscar-svc');
    expect(config).toHaveTextContent('GPUs availableYes');
    expect(config).toHaveTextContent('Apache YuniKornNo');
    expect(config).toHaveTextContent('OIDC groups allowedvo.ai4eosc.eu');
    expect(screen.getByRole('region', { name: 'Allowed image repositories' })).toHaveTextContent('ghcr.io/grycap');
    expect(screen.queryByRole('region', { name: /simulate failures/ })).not.toBeInTheDocument();
  });

  it('masks the MinIO keys until revealed, from the keyboard too, and copies them', async () => {
    const user = userEvent.setup();
    await renderInfo();
    const minio = await screen.findByRole('region', { name: 'MinIO storage' });
    await within(minio).findByRole('button', { name: 'Reveal Secret key' });
    expect(document.body).not.toHaveTextContent('minio-root-secret-9876');
    expect(minio).not.toHaveTextContent('minio-root');
    expect(minio).toHaveTextContent('https://minio.oscar.test');

    within(minio).getByRole('button', { name: 'Reveal Secret key' }).focus();
    await user.keyboard('{Enter}');
    expect(minio).toHaveTextContent('minio-root-secret-9876');
    const hide = within(minio).getByRole('button', { name: 'Hide Secret key' });
    expect(hide).toHaveFocus();
    await user.keyboard(' ');
    expect(minio).not.toHaveTextContent('minio-root-secret-9876');

    await user.click(within(minio).getByRole('button', { name: 'Copy Access key' }));
    expect(await navigator.clipboard.readText()).toBe('minio-root');
    expect(minio).not.toHaveTextContent('minio-root');
  });

  it('shows the server’s words when the configuration cannot be read', async () => {
    configStatus = 500;
    await renderInfo();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the cluster configuration (HTTP 500)');
    expect(alert).toHaveTextContent('could not read the MinIO credentials');
    // The rest of the page still works.
    expect(await within(screen.getByRole('region', { name: 'Cluster' })).findByText('v4.1.2')).toBeInTheDocument();
  });
});

describe('the demo failure panel', () => {
  it('is offered on the demo cluster and adds and clears faults', async () => {
    const user = userEvent.setup();
    signIn({ endpoint: DEMO_ENDPOINT });
    server.use(
      http.get(`${DEMO_ENDPOINT}/system/info`, () => HttpResponse.json({ version: 'demo' })),
      http.get(`${DEMO_ENDPOINT}/system/config`, () => HttpResponse.json({ config: {} })),
    );
    await renderInfo();
    const panel = await screen.findByRole('region', { name: 'Demo cluster: simulate failures' });
    expect(panel).toHaveTextContent('None: the demo cluster answers normally.');
    await user.selectOptions(within(panel).getByLabelText('Method'), 'DELETE');
    await user.clear(within(panel).getByLabelText('Route pattern'));
    await user.type(within(panel).getByLabelText('Route pattern'), '/system/services/*');
    await user.selectOptions(within(panel).getByLabelText('Failure'), 'network');
    await user.click(within(panel).getByRole('button', { name: 'Add failure' }));
    expect(panel).toHaveTextContent('DELETE /system/services/* → network failure');
    expect(listFaults()).toMatchObject([{ method: 'DELETE', path: '/system/services/*', network: true }]);

    await user.selectOptions(within(panel).getByLabelText('Failure'), 'latency');
    await user.clear(within(panel).getByLabelText('Delay (ms)'));
    await user.type(within(panel).getByLabelText('Delay (ms)'), '1500');
    await user.click(within(panel).getByRole('button', { name: 'Add failure' }));
    expect(listFaults()).toHaveLength(2);
    expect(listFaults()[1]).toMatchObject({ latency: 1500 });

    await user.click(within(panel).getByRole('button', { name: 'Remove DELETE /system/services/* → network failure' }));
    expect(listFaults()).toHaveLength(1);
    await user.click(within(panel).getByRole('button', { name: 'Clear all' }));
    expect(listFaults()).toHaveLength(0);
    expect(panel).toHaveTextContent('None: the demo cluster answers normally.');
  });
});
