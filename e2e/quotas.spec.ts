import { expect, test, type Page } from '@playwright/test';
import { checkA11y, login, loginAsDemoUser as loginAs, useTheme } from './support/app';

interface DemoWindow {
  __lagoonDemo: { fault(spec: string): () => void; clearFaults(): void };
}

const ANA_SUB = '0f3e0c5a5c1d4c1e9f6a2b7d8c9e1f20@egi.eu';

const line = (page: Page, list: string, label: string) =>
  page.getByRole('list', { name: list }).getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });

test('Ana, a demo OIDC user, sees her own quota as bars, and her CPU limit bites', async ({ page }) => {
  await loginAs(page, 'Ana García');
  await expect(page.getByRole('button', { name: /Ana García/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotas' }).click();
  await expect(page).toHaveTitle('Quotas · demo · OSCAR');
  const cpu = line(page, 'Your quota', 'CPU');
  await expect(cpu.getByRole('meter', { name: 'CPU' })).toHaveAttribute('aria-valuetext', /of 8 cores used/);
  await expect(line(page, 'Your quota', 'Buckets')).toContainText('4 of 5 used · 1 left');
  await expect(line(page, 'Your quota', 'Buckets')).toContainText('Nearly at the limit');
  await expect(line(page, 'Your quota', 'Volumes')).toContainText('1 of 3 used');
});

test('the admin looks Ana up, edits her limits, reviews before → after, and applies', async ({ page }) => {
  await login(page, '/quotas');
  await expect(page.getByText('has no quota of its own')).toBeVisible();
  await page.getByRole('combobox', { name: 'User ID' }).fill(ANA_SUB);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/quotas\\?user=${encodeURIComponent(ANA_SUB)}$`));
  await expect(line(page, `Quota of ${ANA_SUB}`, 'Buckets')).toContainText('4 of 5 used');

  await page.getByRole('textbox', { name: 'Buckets' }).fill('12');
  await page.getByRole('textbox', { name: 'Memory' }).fill('24Gi');
  await page.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('table', { name: 'Limits that will change' });
  await expect(review.getByRole('row', { name: /Memory/ })).toContainText('16Gi24Gi');
  await expect(review.getByRole('row', { name: /Buckets/ })).toContainText('512');
  await page.getByRole('button', { name: 'Apply 2 changes' }).click();
  await expect(line(page, `Quota of ${ANA_SUB}`, 'Buckets')).toContainText('4 of 12 used');
  await expect(line(page, `Quota of ${ANA_SUB}`, 'Memory')).toContainText('of 24 GiB used');
});

// NOTES.md: 503 when Kueue is off; a cluster whose OSCAR lacks the route answers 404.
for (const [status, words] of [
  ['503', 'kueue is not enabled'],
  ['404', '404 page not found'],
] as const) {
  test(`a cluster without quotas (${status}) says so, not an error`, async ({ page }) => {
    await loginAs(page, 'Marco Rossi');
    await page.evaluate((f) => (window as unknown as DemoWindow).__lagoonDemo.fault(f), `GET /system/quotas/user ${status} ${words}`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotas' }).click();
    await expect(page.getByRole('heading', { name: 'This cluster has no quotas' })).toBeVisible();
  });
}

test('the quotas pages have no serious axe violations in light and dark', async ({ page }, info) => {
  await useTheme(page, 'light');
  await loginAs(page, 'Ana García', '/quotas');
  await expect(line(page, 'Your quota', 'CPU')).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
    await page.screenshot({ path: info.outputPath(`quotas-own-${theme}.png`), fullPage: true });
    await checkA11y(page, `own quota ${theme}`);
  }
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await login(page, `/quotas?user=${encodeURIComponent(ANA_SUB)}`);
  await page.getByRole('textbox', { name: 'CPU' }).fill('12');
  await page.getByRole('button', { name: 'Review changes' }).click();
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
    await page.screenshot({ path: info.outputPath(`quotas-admin-${theme}.png`), fullPage: true });
    await checkA11y(page, `admin quota ${theme}`);
  }
});
