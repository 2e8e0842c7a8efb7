import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { serveDemoCluster } from '../../../test/demo';
import { renderRoutes } from '../../../test/render';
import { signIn, TEST_ENDPOINT } from '../../../test/session';
import { DeployedBanner } from './deployed-banner';

serveDemoCluster(TEST_ENDPOINT, () => {
  signIn();
});

const banner = (name: string, tryLabel: string | null = null) =>
  renderRoutes([{ path: '/hub/:crate', element: <DeployedBanner name={name} tryLabel={tryLabel} onTry={() => {}} trying={false} onDismiss={() => {}} /> }], { url: '/hub/x' });

describe('the deployed banner', () => {
  it('offers Open for an exposed service, which waits in the readiness dialog, beside its service page', async () => {
    const user = userEvent.setup();
    banner('nginx2');
    const open = await screen.findByRole('button', { name: 'Open' });
    expect(screen.getByRole('link', { name: 'Service page' })).toHaveAttribute('href', '/services/nginx2');
    expect(screen.getByText(/Open it once it answers/)).toBeInTheDocument();
    const tab = vi.spyOn(window, 'open').mockReturnValue({ opener: window } as unknown as Window);
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Open nginx2' });
    expect(dialog).toHaveTextContent(`${TEST_ENDPOINT}/system/services/nginx2/exposed/`);
    await waitFor(() => expect(tab).toHaveBeenCalledWith(`${TEST_ENDPOINT}/system/services/nginx2/exposed/`, '_blank'));
    expect(await screen.findByText(/nginx2 answers\. It opened in a new tab\./)).toBeInTheDocument();
    tab.mockRestore();
  });

  it('offers no Open for a service that is not exposed, Try it when the crate can be tried', async () => {
    const { queryClient } = banner('cowsay', "Try it with the crate's sample input (input.json), sent synchronously.");
    expect(await screen.findByRole('button', { name: 'Try it' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Service page' })).toHaveAttribute('href', '/services/cowsay');
    // Once the service has been read, still no Open: it is not exposed.
    await waitFor(() => expect(queryClient.getQueryState(['services', 'detail', 'cowsay'])?.status).toBe('success'));
    expect(screen.queryByRole('button', { name: 'Open' })).toBeNull();
  });
});
