import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useLocation } from 'react-router';
import { readPrefill } from '../../../lib/service-prefill/prefill';
import { serveDemoCluster } from '../../../test/demo';
import { fakeLayout } from '../../../test/layout';
import { renderRoutes } from '../../../test/render';
import { signIn, TEST_ENDPOINT } from '../../../test/session';
import { appById, type AppDef } from '../lib/apps';
import { NewAppDialog } from './new-app-dialog';

const demo = serveDemoCluster(TEST_ENDPOINT, () => {
  signIn();
  fakeLayout();
});

const FDL = 'https://raw.githubusercontent.com/grycap/oscar-juno/refs/heads/main/juno.yaml';

/** Where the dialog sent the user, and the prefill it handed over in navigation state. */
function Editor() {
  const prefill = readPrefill(useLocation().state);
  return <pre data-testid="prefill">{JSON.stringify(prefill)}</pre>;
}

describe('New notebook', () => {
  it('checks at the field, says a template it cannot fetch with its URL keeping what was typed, then hands the filled template to the review', async () => {
    const user = userEvent.setup();
    let missing = true;
    demo.server.use(http.get(FDL, () => (missing ? new HttpResponse('404: Not Found', { status: 404, statusText: 'Not Found' }) : undefined)));
    renderRoutes(
      [
        { path: '/apps/notebooks', element: <NewAppDialog app={appById('notebooks') as AppDef} open onClose={() => {}} /> },
        { path: '/services/new', element: <Editor /> },
      ],
      { url: '/apps/notebooks' },
    );
    const dialog = await screen.findByRole('dialog', { name: 'New notebook' });
    const name = within(dialog).getByLabelText('Name');
    await user.clear(name);
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByText(/^Name is empty/)).toBeInTheDocument();

    await user.type(name, 'my-notebook');
    await user.click(within(dialog).getByRole('radio', { name: 'Full: with Elyra and ApricotLab' }));
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the Notebooks template.');
    expect(alert).toHaveTextContent('The template (FDL) could not be fetched: HTTP 404 Not Found.');
    expect(alert).toHaveTextContent(FDL);
    expect(name).toHaveValue('my-notebook');
    expect(within(dialog).getByRole('radio', { name: 'Full: with Elyra and ApricotLab' })).toBeChecked();

    missing = false;
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await waitFor(() => expect(screen.getByTestId('prefill')).toBeInTheDocument());
    const prefill = JSON.parse(screen.getByTestId('prefill').textContent!);
    expect(prefill).toMatchObject({
      source: { label: 'Notebooks', href: '/apps/notebooks' },
      afterCreate: '/apps/notebooks?created={name}',
      review: true,
      template: { service: { name: 'juno', image: 'ghcr.io/grycap/juno' } },
      value: { service: { name: 'my-notebook', image: 'ghcr.io/grycap/juno:full', labels: { jupyter_notebook: 'true' } } },
    });
    expect(prefill.value.service.environment.variables.JUPYTER_TOKEN).toMatch(/^[A-Za-z0-9]{128}$/);
    // The bucket followed the name the user typed.
    expect(prefill.value.service.mount).toEqual({ storage_provider: 'minio.default', path: 'my-notebook' });
  });
});
