import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { Service, ServiceDeploymentStatus } from '../api/types';
import { serveDuringTests } from '../test/msw';
import { TEST_ENDPOINT as BASE, signIn } from '../test/session';
import { renderRoutes, withLocation } from '../test/render';
import { OpenExposedDialog } from './open-exposed-dialog';
import type { ExposedTarget } from '../lib/exposed/use-exposed';

let deployment: ServiceDeploymentStatus;
let health: number;
let probes = 0;

serveDuringTests(
  http.get(`${BASE}/system/services/:name/deployment`, () => HttpResponse.json(deployment)),
  http.all(`${BASE}/system/services/:name/exposed/*`, () => {
    probes++;
    return new HttpResponse(null, { status: health });
  }),
);

const service = { name: 'juno-slow', image: 'ghcr.io/grycap/juno', cpu: '1', memory: '2Gi', script: '' } as Service;
const target: ExposedTarget = {
  open: { url: `${BASE}/system/services/juno-slow/exposed/`, shown: `${BASE}/system/services/juno-slow/exposed/`, missing: [] },
  base: `${BASE}/system/services/juno-slow/exposed/`,
  health: `${BASE}/system/services/juno-slow/exposed/health`,
  nodePorts: [],
  demo: false,
};

beforeEach(() => {
  signIn();
  deployment = { service_name: 'juno-slow', state: 'ready', active_instances: 1, reason: 'Deployment is ready.' };
  health = 503;
  probes = 0;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function renderDialog(launch = vi.fn(async () => ({ kind: 'opened' as const }))) {
  const onClose = vi.fn();
  renderRoutes([
    { path: '/apps/notebooks', element: withLocation(<OpenExposedDialog service={service} target={target} onClose={onClose} launcher={{ open: launch }} />) },
    { path: '/services/:name/deployment', element: withLocation(<p>deployment page</p>) },
  ], { url: '/apps/notebooks' });
  return { launch, onClose };
}

/** Lets the fake clock run `ms`, a poll at a time, with the answers in between. */
async function pass(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('OpenExposedDialog, an app that never answers', () => {
  it('keeps waiting for three minutes, then gives up in words: nothing opened, the last answer, the usual causes, a link to the deployment, Try again', async () => {
    const { launch, onClose } = renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Open juno-slow' });
    await pass(0);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Waiting for juno-slow to answer…');
    await pass(178_000);
    // Still waiting just before the bound, with the latest answer shown.
    expect(within(dialog).getByRole('status')).toHaveTextContent('Last answer: The service answered HTTP 503');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    await pass(2_000);
    const status = within(dialog).getByRole('status');
    expect(status).toHaveTextContent('juno-slow did not answer within 3 minutes, so nothing was opened.');
    expect(status).toHaveTextContent('Last answer: The service answered HTTP 503');
    expect(status).toHaveTextContent(/image is still being pulled.*not enough CPU or memory.*crashes as it starts/);
    expect(launch).not.toHaveBeenCalled();
    const polled = probes;
    await pass(10_000);
    expect(probes).toBe(polled);

    // Try again waits anew, and opens once the app answers.
    health = 200;
    await act(async () => within(dialog).getByRole('button', { name: 'Try again' }).click());
    await pass(0);
    expect(within(dialog).getByRole('status')).toHaveTextContent('juno-slow answers. It opened in a new tab.');
    expect(launch).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('says the deployment’s own state when the deployment never becomes ready, and links to its page', async () => {
    deployment = { service_name: 'juno-slow', state: 'pending', active_instances: 0, reason: 'Back-off pulling image "ghcr.io/grycap/juno"' };
    const { onClose } = renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Open juno-slow' });
    await pass(180_000);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Last answer: Deployment pending: Back-off pulling image "ghcr.io/grycap/juno" (0 running)');
    expect(probes).toBe(0);
    const link = within(dialog).getByRole('link', { name: 'deployment page of juno-slow' });
    expect(link).toHaveAttribute('href', '/services/juno-slow/deployment');
    await act(async () => link.click());
    await pass(0);
    expect(screen.getByTestId('location')).toHaveTextContent('/services/juno-slow/deployment');
    expect(onClose).toHaveBeenCalled();
  });
});
