import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { makeJwt } from '../../../../mocks/auth';
import { DEMO_OIDC_ISSUER, DEMO_OIDC_USERS } from '../../../api/demo';
import { Toaster } from '../../../components/toast';
import { setSession } from '../../../lib/session/session';
import { serveDemoCluster } from '../../../test/demo';
import { fakeLayout } from '../../../test/layout';
import { renderRoutes, withLocation } from '../../../test/render';
import { signIn, TEST_ENDPOINT } from '../../../test/session';
import { Component as VolumesRoute } from './volumes-route';

const demo = serveDemoCluster(TEST_ENDPOINT, () => {
  signIn();
  fakeLayout();
});

function renderVolumes(url = '/volumes') {
  return renderRoutes([{ path: '/volumes', element: withLocation(<VolumesRoute />) }], { url, extra: <Toaster /> });
}
const location = () => screen.getByTestId('location').textContent;
const table = () => screen.findByRole('table', { name: 'Volumes' });
const names = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[1]?.textContent);
/** The admin's volumes that a service mounts, and by which service. */
const attached = () => [...demo.cluster.volumes.values()].filter((v) => v.owner === 'cluster_admin' && v.createdByService);

describe('the volumes page', () => {
  it('lists the volumes with owner, size, the service using them and phase; filter and sort live in the URL', async () => {
    const user = userEvent.setup();
    renderVolumes();
    const t = await table();
    const shared = within(t).getByText('shared-datasets').closest('tr')!;
    expect(within(shared).getAllByRole('cell').map((c) => c.textContent).slice(1)).toEqual(['shared-datasets', 'cluster_admin', '10Gi', 'Not attached', 'Bound', 'Yours to delete']);
    const mounted = attached()[0]!;
    const row = within(t).getByText(mounted.name).closest('tr')!;
    expect(within(row).getByRole('link', { name: mounted.createdByService! })).toHaveAttribute('href', `/services/${mounted.createdByService}`);
    // Ana's volume is hers: the admin does not see it.
    expect(within(t).queryByText('ana-scratch')).toBeNull();

    await user.click(within(t).getByRole('button', { name: 'Size' }));
    await user.click(within(t).getByRole('button', { name: 'Size' }));
    await waitFor(() => expect(location()).toBe('/volumes?sort=size&dir=desc'));
    expect((await names())[0]).toBe('shared-datasets');

    await user.type(screen.getByRole('searchbox', { name: 'Filter volumes' }), 'shared');
    await waitFor(() => expect(location()).toContain('q=shared'));
    expect(await names()).toEqual(['shared-datasets']);
  });

  it('creates a volume, showing the server’s refusal of a bad or taken name at the name field', async () => {
    const user = userEvent.setup();
    renderVolumes();
    await table();
    await user.click(screen.getAllByRole('button', { name: 'Create volume' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Create volume' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });

    await user.type(name, 'Bad_Name');
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('invalid volume name "Bad_Name": it must be a lowercase RFC 1123 label');

    await user.clear(name);
    await user.type(name, 'shared-datasets');
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription('volume "shared-datasets" already exists'));

    const size = within(dialog).getByRole('textbox', { name: 'Size' });
    await user.clear(size);
    await user.type(size, '50');
    await user.clear(name);
    await user.type(name, 'scratch-two');
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    await waitFor(() => expect(size).toHaveAccessibleDescription(/exceeds the maximum of 20Gi/));
    expect(name).toHaveAttribute('aria-invalid', 'false');

    await user.clear(size);
    await user.type(size, '512');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Unit' }), 'Mi');
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(demo.cluster.volumes.get('scratch-two')).toMatchObject({ size: '512Mi', owner: 'cluster_admin' });
    expect(await within(await table()).findByText('scratch-two')).toBeInTheDocument();
  });

  it('deletes several volumes; the one a service mounts is refused and the page says which service holds it', async () => {
    const user = userEvent.setup();
    renderVolumes();
    const t = await table();
    const mounted = attached()[0]!;
    await user.click(within(t).getByRole('checkbox', { name: 'Select shared-datasets' }));
    await user.click(within(t).getByRole('checkbox', { name: `Select ${mounted.name}` }));
    await user.click(screen.getByRole('button', { name: 'Delete 2 volumes' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 2 volumes?' });
    expect(dialog).toHaveTextContent(`${mounted.name} is mounted by ${mounted.createdByService}`);
    await user.click(within(dialog).getByRole('button', { name: 'Delete 2 volumes' }));

    const alert = await screen.findByText('One volume was not deleted').then((p) => p.closest('[role=alert]') as HTMLElement);
    expect(alert).toHaveTextContent('One volume was not deleted');
    expect(alert).toHaveTextContent(`volume "${mounted.name}" is attached to ${mounted.createdByService}`);
    expect(alert).toHaveTextContent(`It is mounted by ${mounted.createdByService}`);
    expect(demo.cluster.volumes.has('shared-datasets')).toBe(false);
    expect(demo.cluster.volumes.has(mounted.name)).toBe(true);
    await waitFor(() => expect(within(t).queryByText('shared-datasets')).toBeNull());
  });

  it('says the cluster has no volumes when it answers 404, not an error', async () => {
    demo.server.use(http.get(`${TEST_ENDPOINT}/system/volumes`, () => new HttpResponse('404 page not found', { status: 404 })));
    renderVolumes();
    expect(await screen.findByRole('heading', { name: 'This cluster has no volumes' })).toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).toBeNull();
  });
});

describe('the volumes page for an OIDC user', () => {
  it('shows only her volumes and what her quota leaves', async () => {
    const ana = DEMO_OIDC_USERS.ana;
    const token = makeJwt({ iss: DEMO_OIDC_ISSUER, sub: ana.sub, name: ana.name }, demo.cluster.now());
    setSession({ endpoint: TEST_ENDPOINT, method: 'oidc', user: { name: ana.name, sub: ana.sub }, credentials: { kind: 'bearer', token } });
    const user = userEvent.setup();
    renderVolumes();
    expect(await names()).toEqual(['ana-scratch']);
    expect(await screen.findByText('Your quota: 1 of 3 volumes, at most 10Gi each.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create volume' }));
    expect(within(screen.getByRole('dialog', { name: 'Create volume' })).getByRole('textbox', { name: 'Size' })).toHaveAccessibleDescription(
      'At most 10Gi per volume on this cluster.',
    );
  });
});
