import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fault } from '../../../../mocks/node';
import { renderRoutes, servePages } from '../test/helpers';

const demo = servePages();

async function later(ms: number, pollMs = 1100) {
  demo.cluster.advance(ms);
  await act(() => vi.advanceTimersByTimeAsync(pollMs));
}

const stateBadge = () => within(screen.getByText('State').parentElement as HTMLElement);

describe('the deployment page', () => {
  it('shows an exposed service’s state, instances and log', async () => {
    renderRoutes('/services/jupyter/deployment');
    expect(await screen.findByRole('heading', { name: 'Deployment of jupyter' })).toBeInTheDocument();
    expect(await screen.findByText('ready')).toBeInTheDocument();
    expect(screen.getByText('Running instances (pods)').nextSibling).toHaveTextContent('1');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Deployment log of jupyter' })).toHaveTextContent('Jupyter Server is running'));
  });

  it('stops after confirmation and starts again, the state following each action', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderRoutes('/services/jupyter/deployment');
    await screen.findByText('ready');
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Stop' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop jupyter?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stop service' }));
    await waitFor(() => expect(stateBadge().getByText('stopped')).toBeInTheDocument());
    expect(demo.cluster.deployments.get('jupyter')?.stopped).toBe(true);
    expect(screen.getByRole('button', { name: 'Start' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(stateBadge().getByText('pending')).toBeInTheDocument());
    expect(screen.getByText(/Starting: waiting for the deployment to be ready/)).toBeInTheDocument();
    // Polled until the state changes: no reload needed.
    await later(5000);
    await waitFor(() => expect(stateBadge().getByText('ready')).toBeInTheDocument());
    await waitFor(() => expect(screen.queryByText(/Starting: waiting/)).toBeNull());
  });

  it('restarts, passing through pending back to ready', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderRoutes('/services/nginx2/deployment');
    await screen.findByText('ready');
    await user.click(screen.getByRole('button', { name: 'Restart' }));
    await waitFor(() => expect(stateBadge().getByText('pending')).toBeInTheDocument());
    await later(4000);
    await waitFor(() => expect(stateBadge().getByText('ready')).toBeInTheDocument());
    await act(() => vi.advanceTimersByTimeAsync(3100));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Deployment log of nginx2' })).toHaveTextContent('Restart requested: rolling the deployment pods'));
  });

  it('reports a refused action in the server’s words and keeps the state', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    fault({ method: 'POST', path: '/system/services/nginx2/restart', status: 403, body: "User x doesn't have permission to manage this service" });
    renderRoutes('/services/nginx2/deployment');
    await screen.findByText('ready');
    await user.click(screen.getByRole('button', { name: 'Restart' }));
    expect(await screen.findByText(/Could not restart nginx2: User x doesn't have permission/)).toBeInTheDocument();
    expect(stateBadge().getByText('ready')).toBeInTheDocument();
  });

  it('offers no start or stop for a service that is not exposed', async () => {
    renderRoutes('/services/cowsay/deployment');
    expect(await screen.findByText(/not exposed: it runs on demand/)).toBeInTheDocument();
    await screen.findByText('ready');
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start' })).toBeNull();
  });

  it('says when the service does not exist', async () => {
    renderRoutes('/services/nope/deployment');
    expect(await screen.findByText('No service named nope')).toBeInTheDocument();
  });
});
