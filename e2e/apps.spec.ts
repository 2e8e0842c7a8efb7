import { expect, test, type Page } from '@playwright/test';
import { checkA11y, DEMO, login, loginAsDemoUser, useTheme, reloadDemo } from './support/app';

// The research apps (PARITY A1–A5): New → the editor's review of the filled template → create → ready →
// open, the file browser's JWT sign-in, and the failures said where they happen.

interface DemoWindow {
  __lagoonDemo: {
    fault: (spec: { method?: string; path: string; network?: boolean; status?: number }) => () => void;
    clearFaults: () => void;
    cluster: { updateQuota: (user: string, body: unknown) => unknown };
  };
}

/** A new tab cannot reach the in-page demo's address: answer its navigation here, and list what was opened. */
async function serveTabs(page: Page): Promise<string[]> {
  const opened: string[] = [];
  await page.context().route(`${DEMO.endpoint}/**`, (route) => {
    if (!route.request().isNavigationRequest()) return route.fallback();
    opened.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Stand-in for the app</title><h1>It answered</h1>' });
  });
  return opened;
}

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

/** The new-service review the apps hand off to: the template as published on the left, the filled service on the right. */
async function expectReview(page: Page, name: string, app: string) {
  await expect(page.getByRole('heading', { name: `Review the new service ${name}` })).toBeVisible();
  await expect(page.getByText(`left: the template of ${app} as published, right: the new service with your choices`)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: app })).toHaveAttribute('href', `/apps/${app === 'Notebooks' ? 'notebooks' : 'file-browsers'}`);
  const diff = page.locator('[data-diff-editor] .monaco-diff-editor');
  await expect(diff.locator('.editor.original .view-lines')).toContainText('name:');
  await expect(diff.locator('.editor.modified .view-lines')).toContainText(`name: ${name}`);
}

test('a notebook: New → review with the diff → Create → ready → Open, the token never shown and its place said plainly', async ({ page }, testInfo) => {
  const opened = await serveTabs(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, '/apps/notebooks');
  await expect(page.getByRole('heading', { name: 'Notebooks', level: 1 })).toBeVisible();
  await expect(row(page, 'juno-coral-k4t9qe')).toContainText('ready');
  // The sidebar groups the apps under their heading.
  await expect(page.getByRole('group', { name: 'Apps' }).getByRole('link', { name: 'Notebooks' })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: 'New notebook' }).click();
  const dialog = page.getByRole('dialog', { name: 'New notebook' });
  await expect(dialog.getByLabel('Name')).toHaveValue(/^juno-[a-z]+-[a-z0-9]{6}$/);
  await dialog.getByLabel('Name').fill('juno-e2e');
  await dialog.getByLabel('CPU cores').fill('many');
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByText(/^CPU "many" is not a number of CPU cores/)).toBeVisible();
  await expect(dialog.getByLabel('CPU cores')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('CPU cores').fill('0.5');
  await dialog.getByRole('radio', { name: 'Full: with Elyra and ApricotLab' }).check();
  await dialog.getByRole('button', { name: 'Review' }).click();

  await expectReview(page, 'juno-e2e', 'Notebooks');
  const modified = page.locator('[data-diff-editor] .editor.modified .view-lines');
  await expect(modified).toContainText('image: ghcr.io/grycap/juno:full');
  await page.screenshot({ path: testInfo.outputPath('apps-review-light.png') });
  await page.getByRole('button', { name: 'Create service' }).click();

  await expect(page).toHaveURL(/\/apps\/notebooks\?created=juno-e2e$/);
  await expect(page.getByRole('status').filter({ hasText: 'Created juno-e2e' })).toBeVisible();
  // Starting on the demo clock, then ready without a reload.
  await expect(row(page, 'juno-e2e')).toContainText('ready');
  await expect(row(page, 'juno-e2e')).toContainText('0.5');
  const token = await page.evaluate(async () => {
    const all = (await (await fetch('https://demo.lagoon.test/system/services/juno-e2e', { headers: { Authorization: `Basic ${btoa('oscar:lagoon-demo')}` } })).json()) as {
      labels: Record<string, string>;
      environment: { variables: Record<string, string> };
    };
    return { labels: all.labels, token: all.environment.variables.JUPYTER_TOKEN ?? '', base: all.environment.variables.JHUB_BASE_URL };
  });
  expect(token.labels).toEqual({ jupyter_notebook: 'true' });
  expect(token.token).toMatch(/^[A-Za-z0-9]{128}$/);
  expect(token.base).toBe('/system/services/juno-e2e/exposed');

  const popup = page.waitForEvent('popup');
  await row(page, 'juno-e2e').getByRole('button', { name: 'Open juno-e2e' }).click();
  const open = page.getByRole('dialog', { name: 'Open juno-e2e' });
  await expect(open.getByRole('status')).toContainText('juno-e2e answers. It opened in a new tab.');
  // Lagoon is not on the notebook's origin here, so Jupyter's login form cannot be used: said in words.
  await expect(open).toContainText('Jupyter takes the token in the address here');
  await expect(open).toContainText(`${DEMO.endpoint}/system/services/juno-e2e/exposed/?token=••••••`);
  await expect(open).not.toContainText(token.token);
  const tab = await popup;
  await expect(tab).toHaveTitle('Stand-in for the app');
  expect(opened.at(-1)).toBe(`${DEMO.endpoint}/system/services/juno-e2e/exposed/?token=${token.token}`);
  await open.getByRole('button', { name: 'Close' }).click();
  await expect(open).toBeHidden();
});

test('a file browser on a volume: New → review → Create → ready → Open signs in with a JWT and opens its files', async ({ page }) => {
  const opened = await serveTabs(page);
  const renewals: { status: number }[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/auth/renew')) renewals.push({ status: r.status() });
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, '/apps/file-browsers');
  await expect(row(page, 'filebrowser-isle-v5n1hd')).toContainText('bucket filebrowser-isle-v5n1hd');

  await page.getByRole('button', { name: 'New file browser' }).click();
  const dialog = page.getByRole('dialog', { name: 'New file browser' });
  await dialog.getByLabel('Name').fill('files-e2e');
  // A volume by default, as the dashboard offers it; nothing chosen is said at the field.
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByText('Choose a volume.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Volume' }).selectOption('shared-datasets');
  await dialog.getByRole('button', { name: 'Review' }).click();

  await expectReview(page, 'files-e2e', 'File browsers');
  await expect(page.locator('[data-diff-editor] .editor.original .view-lines')).toContainText('your-volume-name');
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page).toHaveURL(/\/apps\/file-browsers\?created=files-e2e$/);
  await expect(row(page, 'files-e2e')).toContainText('ready');

  const popup = page.waitForEvent('popup');
  await row(page, 'files-e2e').getByRole('button', { name: 'Open files-e2e' }).click();
  const open = page.getByRole('dialog', { name: 'Open files-e2e' });
  await expect(open).toContainText('Lagoon signs you in with a token valid for five minutes');
  await expect(open.getByRole('status')).toContainText('files-e2e answers. It opened in a new tab.');
  await popup;
  // The demo's FileBrowser checked the JWT's signature with the service token before Lagoon opened files/.
  expect(renewals).toEqual([{ status: 200 }]);
  expect(opened.at(-1)).toBe(`${DEMO.endpoint}/system/services/files-e2e/exposed/files/`);
  await expect(open.getByRole('alert')).toHaveCount(0);
});

test('failures said where they happen: an app that never answers, a template that cannot be fetched (input kept), then a name already taken (409)', async ({ page }, testInfo) => {
  const opened = await serveTabs(page);
  // The page's clock runs as usual until the wait is fast-forwarded.
  await page.clock.install();
  await useTheme(page, 'dark');
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, '/apps/flows');
  await expect(row(page, 'flows-tide-m2w8rz')).toContainText('ready');
  await page.waitForFunction(() => (window as unknown as Partial<DemoWindow>).__lagoonDemo);

  // Its deployment is ready but the app behind it only ever answers 503 (as a crashing app does).
  await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.fault({ path: '/system/services/flows-tide-m2w8rz/exposed/*', status: 503 }));
  await row(page, 'flows-tide-m2w8rz').getByRole('button', { name: 'Open flows-tide-m2w8rz' }).click();
  const open = page.getByRole('dialog', { name: 'Open flows-tide-m2w8rz' });
  await expect(open.getByRole('status')).toContainText('Last answer: The service answered HTTP 503');
  await page.clock.fastForward('03:00');
  await expect(open.getByRole('status')).toContainText('flows-tide-m2w8rz did not answer within 3 minutes, so nothing was opened.');
  await expect(open.getByRole('status')).toContainText('Last answer: The service answered HTTP 503');
  await expect(open.getByRole('status')).toContainText('the image is still being pulled');
  await expect(open.getByRole('link', { name: 'deployment page of flows-tide-m2w8rz' })).toHaveAttribute('href', '/services/flows-tide-m2w8rz/deployment');
  expect(opened).toEqual([]);
  for (const theme of ['dark', 'light'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await checkA11y(page, `open: never ready, ${theme}`);
    await page.screenshot({ path: testInfo.outputPath(`apps-never-ready-${theme}.png`) });
  }
  // Once the app answers, Try again opens it.
  await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.clearFaults());
  const popup = page.waitForEvent('popup');
  await open.getByRole('button', { name: 'Try again' }).click();
  await expect(open.getByRole('status')).toContainText('flows-tide-m2w8rz answers. It opened in a new tab.');
  await popup;
  expect(opened).toEqual([`${DEMO.endpoint}/system/services/flows-tide-m2w8rz/exposed/`]);
  await open.getByRole('button', { name: 'Close' }).click();

  await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.fault({ method: 'GET', path: '/grycap/oscar-flows/*', network: true }));

  await page.getByRole('button', { name: 'New flow editor' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow editor' });
  await dialog.getByLabel('Name').fill('flows-tide-m2w8rz');
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByText(/^Choose an admin password of at least 8 characters/)).toBeVisible();
  await dialog.getByLabel('Admin password').fill('correct horse');
  await dialog.getByRole('button', { name: 'Review' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Could not load the Flows template.');
  await expect(alert).toContainText('Could not reach the template (FDL)');
  await expect(alert).toContainText('https://raw.githubusercontent.com/grycap/oscar-flows/refs/heads/main/flows.yaml');
  await expect(dialog.getByLabel('Name')).toHaveValue('flows-tide-m2w8rz');
  await expect(dialog.getByLabel('Admin password')).toHaveValue('correct horse');

  await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.clearFaults());
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { name: 'Review the new service flows-tide-m2w8rz' })).toBeVisible();
  await page.getByRole('button', { name: 'Create service' }).click();
  // The editor places the server's words: above the review, and at the name with what to do.
  await expect(page.getByRole('heading', { name: 'A service with this name already exists (HTTP 409)' })).toBeVisible();
  await expect(page.getByText('A service with the provided name already exists: "flows-tide-m2w8rz" is taken on this cluster; choose another name')).toBeVisible();
  await expect(page).toHaveURL(/\/services\/new$/);
});

test('over the bucket quota: Create is refused with a 400, explained with the user’s limits and the quotas page, the edit kept (dark)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await useTheme(page, 'dark');
  await loginAsDemoUser(page, 'Ana García', '/apps/notebooks');
  await expect(page.getByRole('heading', { name: 'Notebooks', level: 1 })).toBeVisible();
  // Ana owns 4 buckets; with a limit of 4 the notebook's own bucket is one too many.
  await page.waitForFunction(() => (window as unknown as Partial<DemoWindow>).__lagoonDemo);
  await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.cluster.updateQuota('0f3e0c5a5c1d4c1e9f6a2b7d8c9e1f20@egi.eu', { minio: { buckets: 4 } }));

  await page.getByRole('button', { name: 'New notebook' }).click();
  const dialog = page.getByRole('dialog', { name: 'New notebook' });
  await dialog.getByLabel('Name').fill('juno-ana');
  await dialog.getByLabel('CPU cores').fill('0.5');
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { name: 'Review the new service juno-ana' })).toBeVisible();
  await page.getByRole('button', { name: 'Create service' }).click();

  const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Over your quota (HTTP 400)' }) });
  await expect(alert).toContainText('Bucket quota exceeded: the service needs a new bucket ("juno-ana"), and you have 4 of at most 4 buckets');
  await expect(alert.getByRole('list', { name: 'Your limits' })).toContainText('Buckets: 4 of 4 used · 0 left');
  await expect(alert.getByRole('link', { name: 'your quotas page' })).toHaveAttribute('href', '/quotas');
  await expect(page).toHaveURL(/\/services\/new$/);
  await checkA11y(page, 'quota refusal dark');
  await page.screenshot({ path: testInfo.outputPath('apps-over-quota-dark.png') });
  // Nothing was created; the editor is back at the form, what was chosen still there to change.
  await expect(page.getByLabel('Service name', { exact: true })).toHaveValue('juno-ana');
  await expect(page.getByLabel('CPU cores', { exact: true })).toHaveValue('0.5');
  await expect(alert).toBeVisible();
});

test('an app page and the New dialog pass axe in light and dark', async ({ page }, testInfo) => {
  async function check(theme: 'light' | 'dark') {
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await expect(row(page, 'terminal-reef-p7c3xa')).toContainText('ready');
    await checkA11y(page, `terminals ${theme}`);
    await page.screenshot({ path: testInfo.outputPath(`apps-page-${theme}.png`) });
    await page.getByRole('button', { name: 'New terminal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New terminal' });
    await dialog.getByLabel('Memory', { exact: true }).fill('');
    await dialog.getByRole('button', { name: 'Review' }).click();
    await expect(dialog.getByText('Give the memory, such as 2 Gi.')).toBeVisible();
    await checkA11y(page, `new terminal ${theme}`);
    await page.screenshot({ path: testInfo.outputPath(`apps-new-${theme}.png`) });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await useTheme(page, 'light');
  await login(page, '/apps/terminals');
  await check('light');
  // A later init script wins: the reload comes up dark, the session kept.
  await useTheme(page, 'dark');
  await reloadDemo(page);
  await check('dark');
});
