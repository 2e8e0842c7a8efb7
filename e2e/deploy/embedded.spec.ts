// Lagoon inside an OSCAR cluster: the build from scripts/deploy_container.cjs (dist-embedded, made by
// e2e/run.mjs) served at /ui/ by a static server that behaves as OSCAR's gin r.Static does (files only,
// no fallback to index.html, `/` redirected to `/ui/`), with the demo cluster's API on the same origin.
import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, type Running } from '../support/deploy-servers';
import { checkA11y, useTheme } from '../support/app';

const DIST = process.env.LAGOON_EMBEDDED_DIST ?? 'dist-embedded';
let cluster: Running;

// Several full page loads per test on a shared 2-core machine.
test.describe.configure({ mode: 'default', timeout: 180_000 });
test.beforeAll(async () => {
  cluster = await startDemoServer(['--ui', DIST]);
});
test.afterAll(async () => {
  await cluster?.stop();
});

async function logIn(page: Page, start = '/') {
  await page.goto(`${cluster.url}${start}`);
  await expect(page.getByRole('heading', { name: 'Log in to Lagoon' })).toBeVisible();
  await page.getByLabel('Username').fill('oscar');
  await page.getByLabel(/^Password/).fill('lagoon-demo');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Log in to Lagoon' })).toBeHidden();
}

test('the server is gin-like: no fallback for a deep path, / goes to /ui/', async ({ request }) => {
  const deep = await request.get(`${cluster.url}/ui/services/grayify`);
  expect(deep.status()).toBe(404);
  expect(await deep.text()).toBe('404 page not found');
  const root = await request.get(`${cluster.url}/`, { maxRedirects: 0 });
  expect(root.status()).toBe(301);
  expect(root.headers().location).toBe('/ui/');
});

test('log in with no endpoint field, on the page origin, then reload on deep links', async ({ page }) => {
  const api: string[] = [];
  page.on('request', (r) => {
    if (/\/system\//.test(r.url())) api.push(r.url());
  });
  await page.goto(`${cluster.url}/`);
  await expect(page).toHaveURL(new RegExp(`^${cluster.url}/ui/#/login(\\?|$)`));
  await expect(page.getByText(`OSCAR cluster ${new URL(cluster.url).host}`)).toBeVisible();
  await expect(page.getByLabel('Cluster endpoint')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Use the demo cluster' })).toHaveCount(0);
  await logIn(page);
  await expect(page).toHaveURL(`${cluster.url}/ui/#/services`);
  await expect(page.getByRole('table', { name: 'Services' }).getByRole('link', { name: 'grayify', exact: true })).toBeVisible();
  expect(api.length).toBeGreaterThan(0);
  expect(api.every((u) => u.startsWith(`${cluster.url}/system/`))).toBe(true);

  for (const [route, check] of [
    ['#/services/grayify', () => page.getByRole('heading', { level: 1, name: /grayify/ })],
    ['#/buckets/grayify/', () => page.getByRole('heading', { level: 1, name: /grayify/ })],
    ['#/jobs?service=grayify', () => page.getByRole('heading', { level: 1, name: /Jobs/ })],
    ['#/info', () => page.getByRole('heading', { level: 1, name: /Cluster info|Info/ })],
  ] as const) {
    await page.goto(`${cluster.url}/ui/${route}`);
    await page.reload();
    await expect(check()).toBeVisible();
    await expect(page).toHaveURL(`${cluster.url}/ui/${route}`);
  }
});

test('a notebook opens signed in at lab through Jupyter’s login form, the token never in an address', async ({ page }) => {
  const addresses: string[] = [];
  page.context().on('request', (r) => addresses.push(r.url()));
  await logIn(page, '/ui/#/apps/notebooks');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'juno-coral-k4t9qe' }) });
  await expect(row).toContainText('ready');
  const popup = page.waitForEvent('popup');
  await row.getByRole('button', { name: 'Open juno-coral-k4t9qe' }).click();
  const open = page.getByRole('dialog', { name: 'Open juno-coral-k4t9qe' });
  // Same origin as the notebook: the token goes in the form, and the dialog says so.
  await expect(open).toContainText('The token goes to Jupyter’s login form in the new tab, not in the address.');
  const tab = await popup;
  await expect(tab).toHaveURL(`${cluster.url}/system/services/juno-coral-k4t9qe/exposed/lab`);
  await expect(tab.getByText('Logged in to juno-coral-k4t9qe.')).toBeVisible();
  await expect(open.getByRole('status')).toContainText('juno-coral-k4t9qe answers. It opened in a new tab.');
  // The form went to the tab Lagoon opened (no second tab), which was not left Lagoon as its opener.
  expect(page.context().pages()).toHaveLength(2);
  expect(await tab.evaluate(() => window.opener === null)).toBe(true);
  expect(addresses.filter((u) => /token=/i.test(u))).toEqual([]);
  expect(addresses).toContain(`${cluster.url}/system/services/juno-coral-k4t9qe/exposed/login?next=${encodeURIComponent('/system/services/juno-coral-k4t9qe/exposed/lab')}`);
});

test("the OSCAR Dashboard's URLs land on Lagoon's pages", async ({ page }) => {
  await logIn(page);
  for (const [legacy, lagoon, check] of [
    ['#/ui/services', '#/services', () => page.getByRole('table', { name: 'Services' })],
    ['#/ui/services/grayify/logs', '#/jobs?service=grayify', () => page.getByRole('heading', { level: 1, name: /Jobs/ })],
    ['#/ui/services/grayify/settings', '#/services/grayify/edit', () => page.getByRole('heading', { level: 1, name: /grayify/ })],
    ['#/ui/minio/grayify', '#/buckets/grayify/', () => page.getByRole('heading', { level: 1, name: /grayify/ })],
    ['#/ui/metrics', '#/usage', () => page.getByRole('heading', { level: 1, name: /Usage/ })],
  ] as const) {
    // Opened in a tab already on Lagoon (the hash changes, no page load) and as a fresh page load.
    for (const fresh of [false, true]) {
      if (fresh) await page.goto('about:blank');
      await page.goto(`${cluster.url}/ui/${legacy}`);
      await expect(page).toHaveURL(`${cluster.url}/ui/${lagoon}`);
      await expect(check()).toBeVisible();
    }
  }
});

test('the hand-over URL of an embedded OSCAR Dashboard starts that provider’s login, coming back to /ui/', async ({ page }) => {
  // A stand-in for EGI Check-in (no test reaches the internet): its discovery document, then its login page.
  const issuer = 'https://aai.egi.test/auth/realms/egi';
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: { oidcProviders: [{ id: 'egi', label: 'EGI Check-in', authority: issuer, clientId: 'lagoon', scope: 'openid profile email eduperson_entitlement' }] },
    }),
  );
  await page.route('https://aai.egi.test/**', (route) =>
    new URL(route.request().url()).pathname.endsWith('/.well-known/openid-configuration')
      ? route.fulfill({
          json: {
            issuer,
            authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
            token_endpoint: `${issuer}/protocol/openid-connect/token`,
            jwks_uri: `${issuer}/protocol/openid-connect/certs`,
            response_types_supported: ['code'],
          },
        })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>EGI Check-in</title><h1>EGI Check-in (stand-in)</h1>' }),
  );
  await page.goto(`${cluster.url}/ui/#/login?endpoint=${encodeURIComponent(cluster.url)}&process=EGI`);
  await page.waitForURL(/^https:\/\/aai\.egi\.test\/.*\/auth\?/);
  const login = new URL(page.url());
  expect(login.searchParams.get('client_id')).toBe('lagoon');
  expect(login.searchParams.get('redirect_uri')).toBe(`${cluster.url}/ui/`);
  expect(login.searchParams.get('code_challenge_method')).toBe('S256');
  expect(login.searchParams.get('scope')).toBe('openid profile email eduperson_entitlement');
  await expect(page.getByRole('heading', { name: 'EGI Check-in (stand-in)' })).toBeVisible();
});

test('invoke a service, upload into its input, and follow the job it starts to the end of its log', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, '/ui/#/services/cowsay/invoke');
  await expect(page.getByRole('heading', { name: 'Invoke cowsay' })).toBeVisible();
  await page.getByLabel('Text to send').fill('Hello from the cluster');
  await page.getByRole('button', { name: 'Send' }).click();
  const answer = page.getByRole('region', { name: 'Answer' });
  await expect(answer.getByText('< Hello from the cluster >')).toBeVisible();

  await page.goto(`${cluster.url}/ui/#/buckets/grayify/in/`);
  await page.getByTestId('bucket-drop-zone').waitFor();
  await page.evaluate(() => {
    const file = new File([new Uint8Array(4096).fill(7)], 'cat.png', { type: 'image/png' });
    const dt = new DataTransfer();
    dt.items.add(file);
    const zone = document.querySelector('[data-testid=bucket-drop-zone]')!;
    zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  await expect(page.getByRole('region', { name: 'Uploads' })).toContainText(/All done: 1 uploaded/);
  await expect(page.getByRole('button', { name: 'cat.png', exact: true })).toBeVisible();

  await page.goto(`${cluster.url}/ui/#/jobs?service=grayify`);
  const job = page.getByRole('row').filter({ hasText: 'cat.png' }).getByRole('link').first();
  await job.click();
  await expect(page).toHaveURL(/#\/jobs\/grayify\/grayify-/);
  const log = page.getByRole('region', { name: /^Log of job grayify-/ });
  await expect(log).toBeVisible();
  await expect(page.getByText(/Succeeded|Failed/).first()).toBeVisible({ timeout: 60_000 });
  await expect(log.locator('[data-line]').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: /^Log of job grayify-/ }).locator('[data-line]').first()).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the login page inside a cluster passes axe in ${theme} mode, and works from the keyboard`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto(`${cluster.url}/ui/`);
    await expect(page.getByRole('heading', { name: 'Log in to Lagoon' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Continue with/ }).first()).toBeVisible();
    await checkA11y(page, `embedded login (${theme})`);
    await page.screenshot({ path: `test-results/embedded-login-${theme}.png` });
    // From the user name, Tab reaches the password and Enter logs in.
    await page.getByLabel('Username').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/^Password/)).toBeFocused();
    await page.keyboard.type('lagoon-demo');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${cluster.url}/ui/#/services`);
  });
}
