import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeJwt } from '../../../../mocks/auth';
import { DEMO_OIDC_ISSUER, DEMO_OIDC_USERS } from '../../../api/demo';
import { Toaster } from '../../../components/toast';
import { setSession } from '../../../lib/session/session';
import { serveDemoCluster } from '../../../test/demo';
import { renderRoutes, withLocation } from '../../../test/render';
import { signIn, TEST_ENDPOINT } from '../../../test/session';
import { Component as QuotasRoute } from './quotas-route';

const demo = serveDemoCluster(TEST_ENDPOINT);
const ana = DEMO_OIDC_USERS.ana;

function signInAsAna() {
  const token = makeJwt({ iss: DEMO_OIDC_ISSUER, sub: ana.sub, name: ana.name }, demo.cluster.now());
  setSession({ endpoint: TEST_ENDPOINT, method: 'oidc', user: { name: ana.name, sub: ana.sub }, credentials: { kind: 'bearer', token } });
}
function renderQuotas(url = '/quotas') {
  return renderRoutes([{ path: '/quotas', element: withLocation(<QuotasRoute />) }], { url, extra: <Toaster /> });
}
const item = (list: HTMLElement, label: string) => within(list).getByText(label, { selector: 'span.font-medium' }).closest('li')!;

describe('the quotas page', () => {
  it('shows an OIDC user their own limits as bars with used / max in words, and says which ones bite', async () => {
    signInAsAna();
    renderQuotas();
    const list = await screen.findByRole('list', { name: 'Your quota' });
    const cpu = item(list, 'CPU');
    expect(within(cpu).getByRole('meter', { name: 'CPU' })).toHaveAttribute('aria-valuenow', '100');
    expect(cpu).toHaveTextContent('At the limit');
    expect(cpu).toHaveTextContent('8 cores of 8 cores used · 0 cores left');
    const buckets = item(list, 'Buckets');
    expect(buckets).toHaveTextContent('Nearly at the limit');
    expect(buckets).toHaveTextContent('4 of 5 used · 1 left');
    expect(within(list).getAllByRole('meter').map((m) => m.getAttribute('aria-label'))).toEqual([
      'CPU',
      'Memory',
      'GPU',
      'Ephemeral storage',
      'Volumes',
      'Volume disk',
      'Buckets',
    ]);
    expect(item(list, 'Storage')).toHaveTextContent('limit: 20 GiB per bucket');
    expect(item(list, 'GPU')).toHaveTextContent('None allowed (the limit is 0)');
  });

  it('says the cluster has no quotas when it answers 503, not an error', async () => {
    demo.cluster.quotasEnabled = false;
    signInAsAna();
    renderQuotas();
    expect(await screen.findByRole('heading', { name: 'This cluster has no quotas' })).toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).toBeNull();
  });

  it('lets the admin look a user up, edit their limits, review before → after, and apply only the change', async () => {
    signIn();
    const user = userEvent.setup();
    renderQuotas();
    await user.type(screen.getByRole('combobox', { name: 'User ID' }), ana.sub);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/quotas?user=${encodeURIComponent(ana.sub)}`));
    const list = await screen.findByRole('list', { name: `Quota of ${ana.sub}` });
    expect(item(list, 'CPU')).toHaveTextContent('8 cores of 8 cores used');

    const cpu = screen.getByRole('textbox', { name: 'CPU' });
    expect(cpu).toHaveValue('8');
    await user.clear(cpu);
    await user.type(cpu, 'lots');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    expect(cpu).toHaveAttribute('aria-invalid', 'true');
    expect(cpu).toHaveAccessibleDescription(/millicores/);
    expect(screen.queryByRole('heading', { name: /Review the change/ })).toBeNull();

    await user.clear(cpu);
    await user.type(cpu, '12');
    const buckets = screen.getByRole('textbox', { name: 'Buckets' });
    await user.clear(buckets);
    await user.type(buckets, '8');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const review = screen.getByRole('table', { name: 'Limits that will change' });
    expect(within(review).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['CPU812', 'Buckets58']);
    // Nothing is sent before the review is confirmed.
    expect(demo.cluster.quotaFor(ana.sub).cpuMillis).toBe(8000);

    await user.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    await waitFor(() => expect(demo.cluster.quotaFor(ana.sub)).toMatchObject({ cpuMillis: 12000, buckets: 8, memoryBytes: 16 * 1024 ** 3 }));
    await waitFor(() => expect(item(screen.getByRole('list', { name: `Quota of ${ana.sub}` }), 'CPU')).toHaveTextContent('8 cores of 12 cores used'));
    expect(screen.getByRole('textbox', { name: 'CPU' })).toHaveValue('12');
  });
});
