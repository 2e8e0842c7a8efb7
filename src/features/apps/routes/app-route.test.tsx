import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { serveDemoCluster } from '../../../test/demo';
import { fakeLayout } from '../../../test/layout';
import { renderRoutes, withLocation } from '../../../test/render';
import { signIn, TEST_ENDPOINT } from '../../../test/session';
import { Component as AppRoute } from './app-route';

const demo = serveDemoCluster(TEST_ENDPOINT, () => {
  signIn();
  fakeLayout();
});

const renderApp = (url: string) => renderRoutes([{ path: '/apps/:app', element: withLocation(<AppRoute />) }], { url });

describe('an app page', () => {
  it('lists only the services with the app’s label, with state, CPU, memory and storage', async () => {
    renderApp('/apps/flows');
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['flows-tide-m2w8rz']);
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.textContent).slice(0, 4)).toEqual(['ready', '1.0', '2Gi', 'bucket flows-tide-m2w8rz']);
    expect(within(rows[0]!).getByRole('button', { name: 'Open flows-tide-m2w8rz' })).toBeEnabled();
  });

  it('says what the app is and offers New when the user has none', async () => {
    const user = userEvent.setup();
    demo.cluster.services.delete('terminal-reef-p7c3xa');
    renderApp('/apps/terminals');
    expect(await screen.findByRole('heading', { name: 'No terminals yet' })).toBeInTheDocument();
    expect(screen.getByText(/A shell in the browser/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New terminal' }));
    expect(await screen.findByRole('dialog', { name: 'New terminal' })).toBeInTheDocument();
  });

  it('a failed list is said with the server’s words, and Try again asks again', async () => {
    const user = userEvent.setup();
    let fail = true;
    demo.server.use(http.get(`${TEST_ENDPOINT}/system/services`, () => (fail ? new HttpResponse('etcd is down', { status: 500 }) : undefined)));
    renderApp('/apps/notebooks');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your notebooks (HTTP 500)');
    expect(alert).toHaveTextContent('etcd is down');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('rowheader', { name: 'juno-coral-k4t9qe' })).toBeInTheDocument());
  });

  it('Delete asks for the name, says the cluster’s refusal in its words, then deletes', async () => {
    const user = userEvent.setup();
    let refuse = true;
    demo.server.use(
      http.delete(`${TEST_ENDPOINT}/system/services/flows-tide-m2w8rz`, () => (refuse ? new HttpResponse('the service is locked by an admin', { status: 403 }) : undefined)),
    );
    renderApp('/apps/flows');
    await user.click(await screen.findByRole('button', { name: 'Actions for flows-tide-m2w8rz' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete flows-tide-m2w8rz?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete flow editor' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), 'flows-tide-m2w8rz');
    await user.click(confirm);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The cluster refused: the service is locked by an admin');
    expect(demo.cluster.services.has('flows-tide-m2w8rz')).toBe(true);

    refuse = false;
    await user.type(within(dialog).getByRole('textbox'), 'flows-tide-m2w8rz');
    await user.click(within(dialog).getByRole('button', { name: 'Delete flow editor' }));
    expect(await screen.findByRole('heading', { name: 'No flows yet' })).toBeInTheDocument();
    expect(demo.cluster.services.has('flows-tide-m2w8rz')).toBe(false);
  });

  it('an unknown app is said, not a blank page', async () => {
    renderApp('/apps/spreadsheets');
    expect(await screen.findByRole('heading', { name: 'No such app' })).toBeInTheDocument();
  });
});
