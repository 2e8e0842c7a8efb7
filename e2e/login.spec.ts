// Logging in and out: the cluster's password on the demo cluster, the ways it goes wrong, and OIDC
// against a real OpenID provider (e2e/support/oidc-server.ts) with PKCE, renewal, a 401 and logout.
import { mkdirSync } from 'node:fs';
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { checkA11y, DEMO, useTheme, reloadDemo } from './support/app';
import { ANA, startOidcServer, type OidcServer } from './support/oidc-server';

const SHOTS = '.e2e-tmp/auth-shots';
mkdirSync(SHOTS, { recursive: true });

function appOrigin(): string {
  return new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:4173').origin;
}

async function passwordLogin(page: Page, { endpoint = DEMO.endpoint, password = DEMO.password } = {}) {
  await page.getByLabel('Cluster endpoint').fill(endpoint);
  await page.getByLabel('Username').fill(DEMO.username);
  await page.getByLabel(/^password/i).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

test.describe('password login', () => {
  test('on the demo cluster: the header then shows who and which cluster', async ({ page }) => {
    await page.goto('/services');
    await expect(page).toHaveURL(/\/login\?next=%2Fservices/);
    await expect(page).toHaveTitle('Log in · OSCAR');
    await expect(page.getByLabel('Cluster endpoint')).toHaveValue(DEMO.endpoint);
    await expect(page.getByText(/log in as oscar with the password lagoon-demo/i)).toBeVisible();
    await passwordLogin(page);
    await expect(page).toHaveURL(/\/services$/);
    const header = page.getByRole('banner');
    await expect(header.getByRole('button', { name: /oscar on demo\.lagoon\.test/i })).toBeVisible();
    await expect(header).toContainText('oscar');
    await expect(header).toContainText('demo.lagoon.test');

    // A reload keeps the session (sessionStorage); the cluster is remembered without its password.
    await reloadDemo(page);
    await expect(page.getByRole('heading', { name: 'Services' })).toBeVisible();
    const stored = await page.evaluate(() => ({ ...localStorage }));
    expect(stored['lagoon.clusters']).toContain(DEMO.endpoint);
    expect(JSON.stringify(stored)).not.toContain(DEMO.password);

    // Log out: back to the login screen, which says so.
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText('You have logged out.')).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem('lagoon.session'))).toBeNull();
  });

  test('"Use the demo cluster" logs in with one click', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Use the demo cluster' }).click();
    // As login(): the demo cluster starting in the tab can outlast expect's 10 s on a loaded machine.
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await expect(page.getByRole('heading', { name: 'Services' })).toBeVisible();
  });

  test('a wrong password is reported next to the field', async ({ page }) => {
    await page.goto('/login');
    await passwordLogin(page, { password: 'not-the-password' });
    const password = page.getByLabel(/^password/i);
    await expect(page.getByText('Wrong username or password for this cluster.')).toBeVisible();
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toBeFocused();
    await expect(page).toHaveURL(/\/login/);
  });

  test('an unreachable endpoint is reported', async ({ page }) => {
    await page.goto('/login');
    await passwordLogin(page, { endpoint: 'http://127.0.0.1:9' });
    await expect(page.getByText(/cannot reach a cluster at http:\/\/127\.0\.0\.1:9/i)).toBeVisible();
    await expect(page.getByLabel('Cluster endpoint')).toHaveAttribute('aria-invalid', 'true');
  });

  test('an endpoint that is not OSCAR is reported', async ({ page }) => {
    await page.goto('/login');
    // The app's own server answers /system/info with its HTML page, like any web site would.
    await passwordLogin(page, { endpoint: appOrigin() });
    await expect(page.getByText(/is not an OSCAR cluster/i)).toBeVisible();
  });

  test('switching cluster from the header', async ({ page }) => {
    await page.goto('/login');
    // A cluster used before, remembered in this browser.
    await page.evaluate(() =>
      localStorage.setItem('lagoon.clusters', JSON.stringify([{ endpoint: 'https://oscar.example.org', lastUsed: Date.now() - 86_400_000, lastMethod: 'oidc' }])),
    );
    await passwordLogin(page);
    const menu = page.getByRole('button', { name: /oscar on demo\.lagoon\.test/i });
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await page.keyboard.press('Enter');
    await page.screenshot({ path: `${SHOTS}/header-menu.png` });
    await page.getByRole('button', { name: /oscar\.example\.org/ }).click();
    await expect(page).toHaveURL(/\/login\?endpoint=https%3A%2F%2Foscar\.example\.org/);
    await expect(page.getByLabel('Cluster endpoint')).toHaveValue('https://oscar.example.org');
    await expect(page.getByText('You have left demo.lagoon.test. Log in to oscar.example.org.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Your clusters' }).getByRole('button', { name: 'demo.lagoon.test (demo)', exact: true })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/login-known-clusters.png`, fullPage: true });
  });
});

test.describe('the login screen', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`passes axe in ${theme} mode, also with errors shown`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto('/login');
      await expect(page.getByRole('button', { name: /continue with egi check-in/i }).first()).toBeVisible();
      await checkA11y(page, `login ${theme}`);
      await page.screenshot({ path: `${SHOTS}/login-${theme}.png`, fullPage: true });
      await page.getByLabel('Cluster endpoint').fill('');
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await expect(page.getByText(/enter the address of the oscar cluster/i)).toBeVisible();
      await checkA11y(page, `login ${theme} with errors`);
      await page.screenshot({ path: `${SHOTS}/login-${theme}-errors.png`, fullPage: true });
    });
  }

  test('can be used with the keyboard alone', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Cluster endpoint').focus();
    // Endpoint → (known clusters: none yet) → the demo's one-click button → its two OIDC users → username →
    // password → Enter.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Use the demo cluster' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Continue as Ana García, a demo user' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Continue as Marco Rossi, a demo user' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Username')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Services' })).toBeVisible();
  });
});

test.describe('OIDC login against a real OpenID provider', () => {
  let idp: OidcServer;

  test.beforeAll(async () => {
    idp = await startOidcServer({ appOrigin: appOrigin(), accessTokenTtl: 70 });
  });
  test.afterAll(async () => {
    await idp?.close();
  });

  async function useTestProvider(context: BrowserContext) {
    // Both the app and the demo cluster read /config.json: the app to offer the provider, the demo
    // cluster to trust its tokens. The context route also sees requests the service worker passes on.
    await context.route('**/config.json', (route) =>
      route.fulfill({
        json: {
          oidcProviders: [{ id: 'e2e', label: 'Test Check-in', authority: idp.issuer, clientId: idp.clientId, scope: 'openid profile email eduperson_entitlement' }],
        },
      }),
    );
    // The provider's development pages import a web font; there is no internet here.
    await context.route(/fonts\.googleapis\.com/, (route) => route.abort());
  }

  async function signInAtProvider(page: Page) {
    await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill(ANA.sub);
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  function sessionToken(page: Page): Promise<string> {
    return page.evaluate(() => (JSON.parse(sessionStorage.getItem('lagoon.session') ?? '{}') as { credentials?: { token?: string } }).credentials?.token ?? '');
  }

  function claims(jwt: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  }

  test('PKCE login, renewal, a 401 and back, logout at the provider', async ({ page, context }) => {
    test.setTimeout(120_000);
    await useTestProvider(context);
    const authorizeRequests: URL[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin === idp.issuer && url.pathname === '/auth') authorizeRequests.push(url);
    });

    // Going to /info without a session: log in first, at the provider, then arrive at /info.
    await page.goto('/info');
    await expect(page).toHaveURL(/\/login\?next=%2Finfo/);
    await page.getByRole('button', { name: 'Continue with Test Check-in' }).click();
    await signInAtProvider(page);

    // Back in the app, on the page asked for, logged in as Ana on the demo cluster. The callback exchanges
    // the code and starts the demo cluster in the tab: wait for it with the test's time, not expect's 10 s.
    await page.waitForURL(/\/info$/);
    await expect(page.getByRole('heading', { name: 'Cluster info' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('button', { name: /ana garcía on demo\.lagoon\.test/i })).toBeVisible();

    // The authorization request used PKCE (S256).
    const authorize = authorizeRequests[0];
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize?.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize?.searchParams.get('client_id')).toBe(idp.clientId);

    // The access token is the provider's JWT for Ana.
    const first = await sessionToken(page);
    expect(claims(first)).toMatchObject({ iss: idp.issuer, sub: ANA.sub });
    // Tokens are in sessionStorage only.
    expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage })))).not.toContain(first);

    // The header menu names the user and the provider.
    await page.getByRole('button', { name: /ana garcía on demo\.lagoon\.test/i }).click();
    await expect(page.getByText('with Test Check-in')).toBeVisible();
    await expect(page.getByText(ANA.email).first()).toBeVisible();
    await page.keyboard.press('Escape');

    // The 70 s token is renewed about 10 s in, with the refresh token; the session gets the new token.
    await expect.poll(() => sessionToken(page), { timeout: 30_000, intervals: [1000] }).not.toBe(first);
    expect(idp.grants).toContain('refresh_token');
    const renewed = await sessionToken(page);
    expect(claims(renewed)).toMatchObject({ iss: idp.issuer, sub: ANA.sub });
    // Calls keep working with the renewed token: the services list is fetched for the first time now.
    const main = page.getByRole('navigation', { name: 'Main' });
    await main.getByRole('link', { name: 'Services' }).click();
    await expect(page.getByRole('heading', { name: 'Services' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'cowsay' })).toBeVisible();
    expect(page.url()).not.toContain('/login');

    // The cluster refuses the token once, when the service's page asks for it: the session ends and
    // the login screen says why …
    await page.evaluate(() => {
      const demo = (window as unknown as { __lagoonDemo?: { fault: (f: object) => unknown } }).__lagoonDemo;
      if (!demo) throw new Error('The demo cluster is not running in this page');
      demo.fault({ method: 'GET', path: '/system/services/cowsay', status: 401, times: 1 });
    });
    await page.getByRole('link', { name: 'cowsay' }).click();
    await expect(page).toHaveURL(/\/login\?next=%2Fservices%2Fcowsay/);
    await expect(page.getByText(/your login has expired or was refused by the cluster/i)).toBeVisible();
    await expect(page.getByLabel('Cluster endpoint')).toHaveValue(DEMO.endpoint);
    expect(await sessionToken(page)).toBe('');

    // … and logging in again (the provider still knows Ana) comes back to the page she was on.
    await page.getByRole('button', { name: 'Continue with Test Check-in' }).click();
    await expect(page).toHaveURL(/\/services\/cowsay$/);
    await expect(page.getByRole('heading', { name: 'cowsay', level: 1 })).toBeVisible();

    // Logging out ends the provider's session too.
    const logoutsBefore = idp.logouts;
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText('You have logged out of Lagoon and of your identity provider.')).toBeVisible();
    expect(idp.logouts).toBe(logoutsBefore + 1);
    expect(await sessionToken(page)).toBe('');
    // The provider asks who is there again rather than letting the browser straight back in.
    await page.getByRole('button', { name: 'Continue with Test Check-in' }).click();
    await expect(page.locator('input[name="login"]')).toBeVisible();
  });

  test('cancelling at the provider comes back with a message', async ({ page, context }) => {
    await useTestProvider(context);
    await page.goto('/login?next=%2Finfo');
    await page.getByRole('button', { name: 'Continue with Test Check-in' }).click();
    await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await expect(page).toHaveURL(/\/login\?next=%2Finfo/);
    await expect(page.getByRole('alert')).toContainText(/the login at test check-in was cancelled or refused/i);
    await page.screenshot({ path: `${SHOTS}/login-oidc-cancelled.png`, fullPage: true });
  });
});
