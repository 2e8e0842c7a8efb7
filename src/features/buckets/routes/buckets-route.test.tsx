import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BASE, recordRequests, setUpBucketTests } from '../../../test/buckets';
import { location, renderBuckets } from '../test/helpers';
import { http, HttpResponse } from 'msw';
import { DEMO_OIDC_USER, oidcToken } from '../../../../mocks/node';
import { getSession, setSession } from '../../../lib/session/session';

const demo = setUpBucketTests();

const table = () => screen.findByRole('table', { name: 'Buckets' });
/** The bucket names in the table, top to bottom. */
const names = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('link')[0]?.textContent);

describe('the bucket list', () => {
  it('shows each bucket with its owner, visibility, size and services; filters and sorts through the URL', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets');
    const t = await table();
    // A service's bucket links to the service.
    const [bucketLink, serviceLink] = within(t).getAllByRole('link', { name: 'fish-detector' });
    expect(bucketLink).toHaveAttribute('href', '/buckets/fish-detector/');
    expect(serviceLink).toHaveAttribute('href', '/services/fish-detector');
    expect(serviceLink!.closest('tr')).toBe(bucketLink!.closest('tr'));
    const models = within(t).getByRole('link', { name: 'shared-models' }).closest('tr')!;
    expect(within(models).getAllByRole('cell').map((c) => c.textContent)).toEqual(['shared-models', '—', 'cluster_admin', 'public', '1.06 GB', '6', 'VisibilityDelete']);
    expect(await names()).toEqual([...(await names())].sort((a, b) => (a ?? '').localeCompare(b ?? '', undefined, { numeric: true, sensitivity: 'base' })));

    await user.type(screen.getByRole('searchbox', { name: 'Filter buckets' }), 'shared');
    await waitFor(() => expect(location()).toBe('/buckets?q=shared'));
    expect(await names()).toEqual(['shared-models']);
    await user.clear(screen.getByRole('searchbox', { name: 'Filter buckets' }));

    await user.click(screen.getByRole('button', { name: 'Size' }));
    await waitFor(() => expect(location()).toBe('/buckets?sort=size&dir=asc'));
    await user.click(screen.getByRole('button', { name: 'Size' }));
    await waitFor(() => expect(location()).toBe('/buckets?sort=size&dir=desc'));
    const sizes = [...demo.cluster.buckets.values()].map((b) => ({ name: b.name, bytes: [...b.objects.values()].reduce((n, o) => n + o.size, 0) }));
    const largest = sizes.sort((a, b) => b.bytes - a.bytes)[0]!.name;
    expect((await names())[0]).toBe(largest);
  });

  it('shows only the buckets the user owns when "Only mine" is ticked, kept in the URL (PARITY B1)', async () => {
    const sub = DEMO_OIDC_USER.sub;
    setSession({
      endpoint: BASE,
      method: 'oidc',
      user: { name: DEMO_OIDC_USER.name, sub },
      credentials: { kind: 'bearer', token: oidcToken({}, demo.cluster.now()) },
    });
    const own = [...demo.cluster.buckets.values()].filter((b) => b.owner === sub).map((b) => b.name);
    const user = userEvent.setup();
    renderBuckets('/buckets');
    await table();
    const all = await names();
    // The user sees more than her own (public buckets of others), so the filter has something to remove.
    expect(all.length).toBeGreaterThan(own.length);
    expect(own.length).toBeGreaterThan(0);
    await user.click(screen.getByRole('checkbox', { name: 'Only mine' }));
    await waitFor(() => expect(location()).toBe('/buckets?mine=1'));
    expect((await names()).sort()).toEqual([...own].sort());
    // With a text filter that matches none of hers, the empty state clears both.
    await user.type(screen.getByRole('searchbox', { name: 'Filter buckets' }), 'shared-models');
    expect(await screen.findByText('No buckets match “shared-models”')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    await waitFor(() => expect(location()).toBe('/buckets'));
    expect(screen.getByRole('checkbox', { name: 'Only mine' })).not.toBeChecked();
    expect((await names()).length).toBe(all.length);
  });

  it('opens with "Only mine" ticked from a link, and a Basic login owns the buckets OSCAR records for cluster_admin', async () => {
    renderBuckets('/buckets?mine=1');
    await table();
    expect(screen.getByRole('checkbox', { name: 'Only mine' })).toBeChecked();
    const admin = [...demo.cluster.buckets.values()].filter((b) => b.owner === 'cluster_admin').map((b) => b.name);
    expect((await names()).sort()).toEqual([...admin].sort());
    expect(admin.length).toBeLessThan(demo.cluster.buckets.size);
  });

  it('creates a restricted bucket with its allowed users, after saying what is wrong with a bad name', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets');
    await table();
    await user.click(screen.getByRole('button', { name: 'Create bucket' }));
    const dialog = screen.getByRole('dialog', { name: 'Create bucket' });
    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    await user.type(name, 'Bad_Name');
    await user.click(within(dialog).getByRole('button', { name: 'Create bucket' }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByText(/Use 3 to 63 lowercase letters/)).toBeInTheDocument();
    expect(demo.cluster.buckets.has('Bad_Name')).toBe(false);

    await user.clear(name);
    await user.type(name, 'leaf-scans');
    await user.click(within(dialog).getByRole('radio', { name: 'Restricted' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Allowed users/ }), 'ana@egi.eu\nmarco@egi.eu, ana@egi.eu');
    await user.click(within(dialog).getByRole('button', { name: 'Create bucket' }));
    await waitFor(() => expect(location()).toBe('/buckets/leaf-scans/'));
    const created = demo.cluster.buckets.get('leaf-scans')!;
    expect(created.visibility).toBe('restricted');
    expect(created.allowedUsers).toEqual(['ana@egi.eu', 'marco@egi.eu']);
    expect(await screen.findByText('Created bucket leaf-scans')).toBeInTheDocument();
  });

  it('shows the server words when it refuses a bucket, and keeps what was typed', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets');
    await table();
    await user.click(screen.getByRole('button', { name: 'Create bucket' }));
    const dialog = screen.getByRole('dialog', { name: 'Create bucket' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'shared-models');
    await user.click(within(dialog).getByRole('button', { name: 'Create bucket' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/shared-models/);
    expect(within(dialog).getByRole('textbox', { name: /^Name/ })).toHaveValue('shared-models');
    expect(location()).toBe('/buckets');
  });

  it('says the bucket quota is full when the server refuses with a bare 403 and the quota explains it', async () => {
    const sub = DEMO_OIDC_USER.sub;
    const owned = demo.cluster.quotaView(sub).minio!.buckets!.used!;
    demo.cluster.quotas.set(sub, { ...demo.cluster.quotaFor(sub), buckets: owned });
    setSession({
      endpoint: BASE,
      method: 'oidc',
      user: { name: DEMO_OIDC_USER.name },
      credentials: { kind: 'bearer', token: oidcToken({}, demo.cluster.now()) },
    });
    const user = userEvent.setup();
    renderBuckets('/buckets');
    await table();
    await user.click(screen.getByRole('button', { name: 'Create bucket' }));
    const dialog = screen.getByRole('dialog', { name: 'Create bucket' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'one-too-many');
    await user.click(within(dialog).getByRole('button', { name: 'Create bucket' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      `You have ${owned} of ${owned} buckets: delete one or ask the cluster's administrators for a larger quota.`,
    );
    expect(demo.cluster.buckets.has('one-too-many')).toBe(false);
  });

  it('keeps the plain words for a bare 403 with a Basic login, which may not read quotas, and stays signed in', async () => {
    demo.server.use(http.post(`${BASE}/system/buckets`, () => new HttpResponse(null, { status: 403 })));
    const seen = recordRequests(demo);
    const user = userEvent.setup();
    renderBuckets('/buckets');
    await table();
    await user.click(screen.getByRole('button', { name: 'Create bucket' }));
    const dialog = screen.getByRole('dialog', { name: 'Create bucket' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'not-allowed');
    await user.click(within(dialog).getByRole('button', { name: 'Create bucket' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You do not have permission to do this');
    expect(seen.map((u) => u.pathname)).not.toContain('/system/quotas/user');
    expect(getSession()).not.toBeNull();
  });

  it('deletes a bucket only once its name is typed, saying how much goes with it', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets');
    await user.click(within(await table()).getByRole('button', { name: 'Delete ana-datasets' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete bucket ana-datasets?' });
    expect(dialog).toHaveTextContent('46 objects');
    const confirm = within(dialog).getByRole('button', { name: 'Delete bucket' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), 'ana-dataset');
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), 's');
    await user.click(confirm);
    expect(await screen.findByText('Deleted bucket ana-datasets')).toBeInTheDocument();
    expect(demo.cluster.buckets.has('ana-datasets')).toBe(false);
    await waitFor(async () => expect(within(await table()).queryByRole('link', { name: 'ana-datasets' })).not.toBeInTheDocument());
  });

  it('warns that a service uses the bucket before deleting it', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets');
    await user.click(within(await table()).getByRole('button', { name: 'Delete grayify' }));
    expect(screen.getByRole('dialog', { name: 'Delete bucket grayify?' })).toHaveTextContent(/Used by the service grayify/);
  });

  it('changes the visibility of a bucket', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets');
    const row = () => within(screen.getByRole('table', { name: 'Buckets' })).getByRole('link', { name: 'marco-private' }).closest('tr')!;
    await table();
    expect(row()).toHaveTextContent('private');
    await user.click(within(row()).getByRole('button', { name: 'Change visibility of marco-private' }));
    const dialog = screen.getByRole('dialog', { name: 'Visibility of marco-private' });
    expect(within(dialog).getByRole('radio', { name: 'Private' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'Public' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('marco-private is now public')).toBeInTheDocument();
    expect(demo.cluster.buckets.get('marco-private')!.visibility).toBe('public');
    await waitFor(() => expect(row()).toHaveTextContent('public'));
  });
});
