// PARITY L5 and the legal routes: community branding chosen by the page's origin or by the cluster (from
// config.json), and the terms of use and privacy policy that anyone reaches from the login screen, by
// keyboard, in light and dark, from the OSCAR Dashboard's old URLs too.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkA11y, DEMO, login, useTheme } from './support/app';

const SHOTS = '.e2e-tmp/legal-shots';
mkdirSync(SHOTS, { recursive: true });

/** Serves the shipped config.json with `communities` replaced. */
async function withCommunities(page: Page, communities: unknown[]) {
  await page.route('**/config.json', async (route) => {
    const res = await route.fetch();
    const shipped = (await res.json()) as Record<string, unknown>;
    await route.fulfill({ response: res, json: { ...shipped, communities } });
  });
}

test('the shipped config brands no community on an unlisted origin, and the login links to the legal pages by keyboard', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Log in to Lagoon' })).toBeVisible();
  await expect(page.locator('[data-community]')).toHaveCount(0);

  // Keyboard: from the last control of the page backwards to the privacy link, then Enter.
  const privacy = page.getByRole('navigation', { name: 'Legal' }).getByRole('link', { name: 'Privacy policy' });
  await privacy.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/privacy-policy$/);
  await expect(page).toHaveTitle(/^Privacy policy · /);
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
  // The operator named in the shipped config.json, with a mail link.
  const controller = page.locator('dt', { hasText: 'Data controller' }).locator('xpath=following-sibling::dd');
  await expect(controller).toContainText('GRyCAP, Universitat Politècnica de València');
  await expect(controller.getByRole('link', { name: 'products@grycap.upv.es' })).toHaveAttribute('href', 'mailto:products@grycap.upv.es');
  await expect(page.getByText('Lagoon sets no cookies.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Legal' }).getByRole('link', { name: 'Terms of use' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Terms of use' })).toBeVisible();
  await expect(page.getByText('This site is run by GRyCAP, Universitat Politècnica de València.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the login' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test("the OSCAR Dashboard's #/terms-of-use and #/privacy-policy open Lagoon's pages, without logging in", async ({ page }) => {
  await page.goto('/#/terms-of-use');
  await expect(page).toHaveURL(/\/terms-of-use$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Terms of use' })).toBeVisible();
  await page.goto('/#/privacy-policy');
  await expect(page).toHaveURL(/\/privacy-policy$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
});

test("a page served from a community's origin shows its logo on the login, the legal pages and the header", async ({ page, baseURL }) => {
  await withCommunities(page, [
    { id: 'ai4eosc', name: 'AI4EOSC', logo: 'branding/ai4eosc.svg', url: 'https://ai4eosc.eu', origins: [new URL(baseURL!).origin] },
  ]);
  await page.goto('/login');
  const logo = page.getByRole('img', { name: 'AI4EOSC' });
  await expect(logo).toBeVisible();
  // The logo file is served and drawn (not a broken image).
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole('link', { name: /AI4EOSC/ })).toHaveAttribute('href', 'https://ai4eosc.eu');
  await page.goto('/privacy-policy');
  await expect(page.getByRole('img', { name: 'AI4EOSC' })).toBeVisible();
  await login(page);
  await expect(page.getByRole('banner').getByRole('img', { name: 'AI4EOSC' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/shell-ai4eosc.png` });
});

test("hosted elsewhere, the header brands by the cluster: iMagine's cluster shows iMagine, another shows none", async ({ page }) => {
  await withCommunities(page, [
    { id: 'imagine', name: 'iMagine', logo: 'branding/imagine.svg', origins: ['https://inference.cloud.imagine-ai.eu', DEMO.endpoint] },
  ]);
  await page.goto('/login');
  // The login names the community as soon as the endpoint field holds its cluster…
  const field = page.getByLabel('Cluster endpoint');
  await field.fill('https://oscar.elsewhere.example');
  await expect(page.locator('[data-community]')).toHaveCount(0);
  await field.fill(DEMO.endpoint);
  await expect(page.getByRole('img', { name: 'iMagine' })).toBeVisible();
  // …and the header does once logged in to it.
  await login(page);
  await expect(page.getByRole('banner').getByRole('img', { name: 'iMagine' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Legal' }).getByRole('link', { name: 'Privacy policy' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`legal pages and a branded login pass axe in ${theme} mode (screenshots)`, async ({ page, baseURL }) => {
    await useTheme(page, theme);
    await withCommunities(page, [{ id: 'imagine', name: 'iMagine', logo: 'branding/imagine.svg', origins: [new URL(baseURL!).origin] }]);
    await page.goto('/login');
    await expect(page.getByRole('img', { name: 'iMagine' })).toBeVisible();
    await checkA11y(page, `branded login ${theme}`);
    await page.screenshot({ path: `${SHOTS}/login-${theme}.png`, fullPage: true });
    for (const [path, title] of [
      ['/privacy-policy', 'Privacy policy'],
      ['/terms-of-use', 'Terms of use'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await checkA11y(page, `${path} ${theme}`);
      await page.screenshot({ path: `${SHOTS}${path}-${theme}.png`, fullPage: true });
    }
  });
}
