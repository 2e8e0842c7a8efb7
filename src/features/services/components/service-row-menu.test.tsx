import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { Service, ServiceDeploymentStatus } from '../../../api/types';
import { Toaster } from '../../../components/toast';
import { ALL, fish, nginx } from '../test/fixtures';
import { serveDuringTests } from '../../../test/msw';
import { TEST_ENDPOINT as BASE, signIn } from '../../../test/session';
import { fakeLayout } from '../../../test/layout';
import { renderServices } from '../test/helpers';

const TOKEN = 'a1'.repeat(32);
let services: Service[] = [];
let deployment: ServiceDeploymentStatus;
let lifecycleAnswer: (action: string) => Response;
let probes: { method: string; url: string }[] = [];
const calls: string[] = [];

serveDuringTests(
  http.get('*/config.json', () => HttpResponse.json({})),
  http.get(`${BASE}/system/services`, () => HttpResponse.json(services)),
  http.get(`${BASE}/system/services/:name`, ({ params }) => {
    const s = services.find((x) => x.name === params.name);
    return s ? HttpResponse.json({ ...s, token: s.name === 'fish-detector' ? TOKEN : '' }) : new HttpResponse('not found', { status: 404 });
  }),
  http.get(`${BASE}/system/services/:name/deployment`, () => HttpResponse.json(deployment)),
  http.post(`${BASE}/system/services/:name/:action`, ({ params }) => {
    calls.push(`${String(params.action)} ${String(params.name)}`);
    return lifecycleAnswer(String(params.action));
  }),
  http.all(`${BASE}/system/services/:name/exposed/*`, ({ request }) => {
    probes.push({ method: request.method, url: request.url });
    return new HttpResponse(null, { status: 200 });
  }),
);

const blobs: Blob[] = [];
/** jsdom's Blob has no text(). */
function readBlob(b: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(b);
  });
}
beforeEach(() => {
  services = structuredClone(ALL).map((s) =>
    s.name === 'nginx' ? { ...s, deployment: { state: 'ready', active_instances: 1 }, expose: { ...s.expose, nodePort: [30080] } } : s,
  );
  deployment = { service_name: 'nginx', state: 'ready', active_instances: 1, reason: 'Deployment is ready.' };
  lifecycleAnswer = (action) => HttpResponse.json({ service_name: 'nginx', state: action === 'stop' ? 'stopped' : 'pending', active_instances: 0 });
  probes = [];
  calls.length = 0;
  blobs.length = 0;
  signIn();
  fakeLayout();
  URL.createObjectURL = vi.fn((b: Blob) => {
    blobs.push(b);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

async function openMenu(user: ReturnType<typeof userEvent.setup>, name: string) {
  const button = await screen.findByRole('button', { name: `Actions for ${name}` });
  button.focus();
  await user.keyboard('{Enter}');
  return screen.getByRole('menu', { name: `Actions for ${name}` });
}

async function choose(user: ReturnType<typeof userEvent.setup>, name: string, item: string) {
  const menu = await openMenu(user, name);
  await user.click(within(menu).getByRole('menuitem', { name: item }));
}

describe('the row menu', () => {
  it('lists the actions; only exposed services get Open, NodePorts and the lifecycle', async () => {
    const user = userEvent.setup();
    renderServices('/services');
    let menu = await openMenu(user, 'fish-detector');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Invoke',
      'Jobs and logs',
      'Copy token',
      'Download FDL (.yaml)',
      'Download script (.sh)',
      'Edit',
      'Delete',
    ]);
    await user.keyboard('{Escape}');
    menu = await openMenu(user, 'nginx');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.getAttribute('aria-label'))).toEqual([
      'Invoke',
      'Jobs and logs',
      'Open',
      'NodePort 30080',
      'Stop',
      'Restart',
      'Copy token',
      'Download FDL (.yaml)',
      'Download script (.sh)',
      'Edit',
      'Delete',
    ]);
    expect(within(menu).getByRole('menuitem', { name: 'NodePort 30080' })).toHaveAttribute('href', 'https://oscar.test:30080/');
    await user.keyboard('{Escape}');
    await choose(user, 'nginx', 'Jobs and logs');
    expect(screen.getByTestId('location')).toHaveTextContent('/jobs?service=nginx');
  });

  it('downloads the FDL as the editor exports it, and the script', async () => {
    const user = userEvent.setup();
    renderServices('/services');
    await choose(user, 'fish-detector', 'Download FDL (.yaml)');
    expect(blobs).toHaveLength(1);
    const fdl = await readBlob(blobs[0]!);
    expect(fdl).toContain('functions:');
    expect(fdl).toContain('name: fish-detector');
    expect(fdl).toContain('script: script.sh');
    expect(fdl).not.toContain('owner');
    await choose(user, 'fish-detector', 'Download script (.sh)');
    expect(await readBlob(blobs[1]!)).toBe(fish.script);
  });

  it('copies the token (asking the service when the list blanked it), and says when there is none', async () => {
    const user = userEvent.setup();
    renderServices('/services', { extra: <Toaster /> });
    await choose(user, 'fish-detector', 'Copy token');
    expect(await screen.findByText('Copied the token of fish-detector')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(TOKEN);
    await choose(user, 'cowsay', 'Copy token');
    expect(await screen.findByText(/The cluster did not send a token for cowsay/)).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(TOKEN);
  });

  it("stops and restarts only after a confirmation, with the server's words when one fails", async () => {
    const user = userEvent.setup();
    renderServices('/services', { extra: <Toaster /> });
    lifecycleAnswer = () => new HttpResponse('the deployment of "nginx" is being deleted', { status: 409 });
    await choose(user, 'nginx', 'Restart');
    const restart = screen.getByRole('dialog', { name: 'Restart nginx?' });
    expect(restart).toHaveTextContent('anyone using it now loses their connection');
    expect(calls).toEqual([]);
    await user.click(within(restart).getByRole('button', { name: 'Restart service' }));
    expect(await screen.findByText('Could not restart nginx: the deployment of "nginx" is being deleted')).toBeInTheDocument();
    expect(calls).toEqual(['restart nginx']);

    lifecycleAnswer = () => HttpResponse.json({ service_name: 'nginx', state: 'stopped', active_instances: 0, reason: 'Deployment is stopped.' });
    await choose(user, 'nginx', 'Stop');
    const stop = screen.getByRole('dialog', { name: 'Stop nginx?' });
    await user.click(within(stop).getByRole('button', { name: 'Cancel' }));
    expect(calls).toEqual(['restart nginx']);
    await choose(user, 'nginx', 'Stop');
    await user.click(within(screen.getByRole('dialog', { name: 'Stop nginx?' })).getByRole('button', { name: 'Stop service' }));
    expect(await screen.findByText('Stopping nginx: stopped (Deployment is stopped.)')).toBeInTheDocument();
    expect(calls).toEqual(['restart nginx', 'stop nginx']);
  });

  it('offers Start and not Open for a stopped service, and deletes one service through the delete dialog', async () => {
    const user = userEvent.setup();
    services = services.map((s) => (s.name === 'nginx' ? { ...s, deployment: { state: 'stopped', active_instances: 0 } } : s));
    renderServices('/services', { extra: <Toaster /> });
    const menu = await openMenu(user, 'nginx');
    const open = within(menu).getByRole('menuitem', { name: 'Open' });
    expect(open).toHaveAttribute('aria-disabled', 'true');
    expect(open).toHaveAccessibleDescription('Stopped: start it first');
    expect(within(menu).queryByRole('menuitem', { name: 'Stop' })).not.toBeInTheDocument();
    await user.click(within(menu).getByRole('menuitem', { name: 'Start' }));
    expect(await screen.findByText(/Starting nginx: pending/)).toBeInTheDocument();
    expect(calls).toEqual(['start nginx']);

    await choose(user, 'cowsay', 'Delete');
    const dialog = screen.getByRole('dialog', { name: 'Delete the service cowsay?' });
    expect(within(dialog).getByRole('list', { name: 'Services to delete' })).toHaveTextContent('cowsay');
  });

  it('opens an exposed service once it answers, with a link when the browser blocks the tab', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    const fakeTab = { opener: {} } as unknown as Window;
    const open = vi.spyOn(window, 'open').mockImplementation((url) => {
      opened.push(String(url));
      return opened.length === 1 ? fakeTab : null;
    });
    renderServices('/services');
    await choose(user, 'nginx', 'Open');
    const dialog = screen.getByRole('dialog', { name: 'Open nginx' });
    expect(within(dialog).getByText(`${BASE}/system/services/nginx/exposed/`)).toBeInTheDocument();
    expect(await within(dialog).findByText(/It opened in a new tab/)).toBeInTheDocument();
    expect(opened).toEqual([`${BASE}/system/services/nginx/exposed/`]);
    expect(fakeTab.opener).toBeNull();
    expect(probes).toEqual([{ method: 'HEAD', url: `${BASE}/system/services/nginx/exposed/` }]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await choose(user, 'nginx', 'Open');
    const again = screen.getByRole('dialog', { name: 'Open nginx' });
    expect(await within(again).findByText(/The browser blocked the new tab/)).toBeInTheDocument();
    expect(within(again).getByRole('link', { name: 'Open nginx in a new tab' })).toHaveAttribute('href', `${BASE}/system/services/nginx/exposed/`);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('fills a notebook token without showing it, warns when the cluster hid it, and stops at a stopped deployment', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    vi.spyOn(window, 'open').mockImplementation((url) => {
      opened.push(String(url));
      return null;
    });
    services = [
      { ...nginx, name: 'jupyter', deployment: { state: 'ready', active_instances: 1 }, environment: { variables: { JUPYTER_TOKEN: 'open-sesame' } } },
      { ...nginx, name: 'lab', deployment: { state: 'ready', active_instances: 1 }, environment: { secrets: { JUPYTER_TOKEN: '' } } },
    ];
    renderServices('/services');
    await choose(user, 'jupyter', 'Open');
    let dialog = screen.getByRole('dialog', { name: 'Open jupyter' });
    expect(within(dialog).getByText(`${BASE}/system/services/jupyter/exposed/?token=••••••`)).toBeInTheDocument();
    expect(dialog).not.toHaveTextContent('open-sesame');
    await within(dialog).findByText(/The browser blocked the new tab/);
    expect(opened).toEqual([`${BASE}/system/services/jupyter/exposed/?token=open-sesame`]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    deployment = { service_name: 'lab', state: 'stopped', active_instances: 0, reason: 'Deployment is stopped.' };
    await choose(user, 'lab', 'Open');
    dialog = screen.getByRole('dialog', { name: 'Open lab' });
    expect(dialog).toHaveTextContent('The cluster did not send JUPYTER_TOKEN (it hides secret values)');
    expect(await within(dialog).findByText(/is stopped, so it cannot answer: start it first/)).toBeInTheDocument();
    expect(opened).toHaveLength(1);
  });
});
