import { readFile } from 'node:fs/promises';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { checkA11y, DEMO, login, useTheme } from './support/app';

interface DemoWindow {
  __lagoonDemo: { cluster: { services: Map<string, { token?: string }> }; fault(spec: string): () => void };
}

const row = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Services' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
const actions = (page: Page, name: string) => page.getByRole('button', { name: `Actions for ${name}` });
const menu = (page: Page, name: string) => page.getByRole('menu', { name: `Actions for ${name}` });

/** Screenshots go where LAGOON_SHOTS_DIR says (outside the repo), else to the test's output folder. */
function shot(testInfo: TestInfo, name: string): string {
  const dir = process.env.LAGOON_SHOTS_DIR;
  return dir ? `${dir}/${name}.png` : testInfo.outputPath(`${name}.png`);
}

/**
 * The in-page demo cluster answers the app's own requests, but a new tab cannot reach its address (it
 * exists only inside the page): the tab's navigation is answered here, as the cluster's ingress would.
 */
async function serveTabs(page: Page): Promise<string[]> {
  const opened: string[] = [];
  await page.context().route(`${DEMO.endpoint.replace('https://', 'https://*')}*/**`, (route) => {
    if (!route.request().isNavigationRequest()) return route.fallback();
    opened.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Stand-in for the exposed service</title><h1>It answered</h1>' });
  });
  return opened;
}

test('the row menu by keyboard: download the FDL as the editor exports it, copy the token, Esc gives the focus back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await login(page, '/services?q=cowsay');
  await expect(row(page, 'cowsay')).toBeVisible();
  await actions(page, 'cowsay').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Invoke' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu(page, 'cowsay')).toBeHidden();
  await expect(actions(page, 'cowsay')).toBeFocused();

  // ArrowDown opens on the first item; "d" jumps to the first item starting with it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('d');
  await expect(page.getByRole('menuitem', { name: 'Download FDL (.yaml)' })).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toBe('cowsay.yaml');
  const fdl = await readFile((await file.path())!, 'utf8');
  expect(fdl).toMatch(/^functions:\n {2}oscar:\n {4}- oscar-cluster:\n/);
  expect(fdl).toContain('name: cowsay');
  expect(fdl).toContain('script: script.sh');
  expect(fdl).not.toMatch(/token|owner/);
  await expect(actions(page, 'cowsay')).toBeFocused();

  // cowsay is not exposed: Invoke, Jobs and logs, then Copy token.
  await page.keyboard.press('Enter');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Copy token' })).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.getByText('Copied the token of cowsay')).toBeVisible();
  const token = await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.cluster.services.get('cowsay')?.token);
  expect(token).toMatch(/^[0-9a-f]{64}$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expect(menu(page, 'cowsay')).toBeHidden();
});

test('stop and start an exposed service from its row menu with the mouse, Stop confirmed; a stopped one cannot be opened', async ({ page }) => {
  await login(page, '/services?q=nginx2');
  await expect(row(page, 'nginx2')).toContainText('ready');
  await actions(page, 'nginx2').click();
  await menu(page, 'nginx2').getByRole('menuitem', { name: 'Stop' }).click();
  const confirm = page.getByRole('dialog', { name: 'Stop nginx2?' });
  await expect(confirm).toContainText('its web address stops answering');
  await confirm.getByRole('button', { name: 'Stop service' }).click();
  await expect(page.getByText('Stopping nginx2: stopped')).toBeVisible();
  await expect(row(page, 'nginx2')).toContainText('stopped');

  await actions(page, 'nginx2').click();
  const open = menu(page, 'nginx2').getByRole('menuitem', { name: 'Open' });
  await expect(open).toHaveAttribute('aria-disabled', 'true');
  await expect(open).toContainText('Stopped: start it first');
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(menu(page, 'nginx2')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(menu(page, 'nginx2').getByRole('menuitem', { name: 'Stop' })).toHaveCount(0);
  await menu(page, 'nginx2').getByRole('menuitem', { name: 'Start' }).click();
  await expect(page.getByText('Starting nginx2: pending')).toBeVisible();
  await expect(row(page, 'nginx2')).toContainText('pending');
});

test('open an exposed service: the readiness dialog waits for an answer and opens a new tab; NodePort links', async ({ page }) => {
  const opened = await serveTabs(page);
  await login(page, '/services?q=nginx2');
  await actions(page, 'nginx2').click();
  const popup = page.waitForEvent('popup');
  await menu(page, 'nginx2').getByRole('menuitem', { name: 'Open' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open nginx2' });
  await expect(dialog).toContainText(`${DEMO.endpoint}/system/services/nginx2/exposed/`);
  await expect(dialog.getByRole('status')).toContainText('nginx2 answers. It opened in a new tab.');
  await expect(dialog.getByRole('status')).toContainText('Last answer: The service answered HTTP 200');
  const tab = await popup;
  await expect(tab).toHaveTitle('Stand-in for the exposed service');
  expect(tab.url()).toBe(`${DEMO.endpoint}/system/services/nginx2/exposed/`);
  await expect(dialog.getByRole('link', { name: 'Open nginx2 in a new tab' })).toHaveAttribute('href', `${DEMO.endpoint}/system/services/nginx2/exposed/`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(actions(page, 'nginx2')).toBeFocused();

  // dogs-breed opens two NodePorts on the cluster's host.
  await page.getByRole('searchbox', { name: 'Filter services' }).fill('dogs-breed');
  await actions(page, 'dogs-breed').click();
  const nodePort = menu(page, 'dogs-breed').getByRole('menuitem', { name: 'NodePort 30500' });
  await expect(nodePort).toHaveAttribute('href', 'https://demo.lagoon.test:30500/');
  await expect(menu(page, 'dogs-breed').getByRole('menuitem', { name: 'NodePort 30501' })).toBeVisible();
  const portTab = page.waitForEvent('popup');
  await nodePort.click();
  expect((await portTab).url()).toBe('https://demo.lagoon.test:30500/');

  // The service page: Open (a 401 from set_auth means it is up and asks for a login) and the NodePort links.
  await row(page, 'dogs-breed').getByRole('link', { name: 'dogs-breed', exact: true }).click();
  const section = page.getByRole('region', { name: 'Exposed service' });
  await expect(section.getByRole('link', { name: 'https://demo.lagoon.test:30501' })).toHaveAttribute('target', '_blank');
  const pageTab = page.waitForEvent('popup');
  await section.getByRole('button', { name: 'Open the exposed service' }).click();
  await expect(page.getByRole('dialog', { name: 'Open dogs-breed' }).getByRole('status')).toContainText('The service answered HTTP 401');
  await pageTab;
  expect(opened).toEqual([`${DEMO.endpoint}/system/services/nginx2/exposed/`, 'https://demo.lagoon.test:30500/', `${DEMO.endpoint}/system/services/dogs-breed/exposed/`]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the row menu and the open dialog pass axe (${theme})`, async ({ page }, testInfo) => {
    await useTheme(page, theme);
    await serveTabs(page);
    await login(page, '/services?q=dogs-breed');
    await actions(page, 'dogs-breed').click();
    await expect(menu(page, 'dogs-breed').getByRole('menuitem', { name: 'Invoke' })).toBeFocused();
    await checkA11y(page, `row menu ${theme}`);
    await page.screenshot({ path: shot(testInfo, `row-menu-${theme}`) });
    await page.keyboard.press('Escape');

    await page.getByRole('searchbox', { name: 'Filter services' }).fill('nginx2');
    await actions(page, 'nginx2').click();
    await menu(page, 'nginx2').getByRole('menuitem', { name: 'Open' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open nginx2' });
    await expect(dialog.getByRole('status')).toContainText('nginx2 answers');
    await checkA11y(page, `open dialog ${theme}`);
    await page.screenshot({ path: shot(testInfo, `open-dialog-${theme}`) });
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  test(`a stopped service's menu and the dialog still waiting pass axe (${theme})`, async ({ page }, testInfo) => {
    await useTheme(page, theme);
    await login(page, '/services?q=openclaw-volume');
    await actions(page, 'openclaw-volume').click();
    await menu(page, 'openclaw-volume').getByRole('menuitem', { name: 'Open' }).focus();
    await page.screenshot({ path: shot(testInfo, `row-menu-stopped-${theme}`) });
    await menu(page, 'openclaw-volume').getByRole('menuitem', { name: 'Start' }).click();
    await expect(row(page, 'openclaw-volume')).toContainText('pending');
    // Starting takes a few seconds, and this one will not answer once started (the ingress says 503): the dialog
    // says what it waits for, and Cancel ends the wait.
    await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.fault('HEAD /system/services/openclaw-volume/exposed/* 503'));
    await actions(page, 'openclaw-volume').click();
    await menu(page, 'openclaw-volume').getByRole('menuitem', { name: 'Open' }).click();
    const waiting = page.getByRole('dialog', { name: 'Open openclaw-volume' });
    await expect(waiting.getByRole('status')).toContainText(/Waiting for (the deployment of openclaw-volume to be ready|openclaw-volume to answer)…/);
    await expect(waiting.getByRole('status')).toContainText(/Last answer: (Deployment pending: Deployment is initializing\.|The service answered HTTP 503)/);
    await checkA11y(page, `open dialog waiting ${theme}`);
    await page.screenshot({ path: shot(testInfo, `open-dialog-waiting-${theme}`) });
    await waiting.getByRole('button', { name: 'Cancel' }).click();
    await expect(waiting).toBeHidden();
    await expect(actions(page, 'openclaw-volume')).toBeFocused();
  });

  test(`the restart confirmation and the service page pass axe (${theme})`, async ({ page }, testInfo) => {
    await useTheme(page, theme);
    await login(page, '/services?q=nginx2');
    await actions(page, 'nginx2').click();
    await menu(page, 'nginx2').getByRole('menuitem', { name: 'Restart' }).click();
    await expect(page.getByRole('dialog', { name: 'Restart nginx2?' })).toBeVisible();
    await checkA11y(page, `restart confirmation ${theme}`);
    await page.screenshot({ path: shot(testInfo, `restart-confirm-${theme}`) });
    await page.keyboard.press('Escape');

    await page.getByRole('searchbox', { name: 'Filter services' }).fill('dogs-breed');
    await row(page, 'dogs-breed').getByRole('link', { name: 'dogs-breed', exact: true }).click();
    const section = page.getByRole('region', { name: 'Exposed service' });
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByRole('button', { name: 'Open the exposed service' })).toBeVisible();
    await checkA11y(page, `service page ${theme}`);
    await section.screenshot({ path: shot(testInfo, `service-page-exposed-${theme}`) });
  });
}
