import { expect, test, type Page } from '@playwright/test';
import { checkA11y, login, useTheme } from './support/app';

interface DemoWindow {
  __lagoonDemo: { fault(spec: string): () => void; clearFaults(): void };
}

const table = (page: Page) => page.getByRole('table', { name: 'Volumes' });
const row = (page: Page, name: string) => table(page).getByRole('row').filter({ hasText: name });

test('volumes: list, sort in the URL, create (400 and 409 at the name), delete several with the attached one refused', async ({ page }) => {
  await login(page, '/volumes');
  await expect(page).toHaveTitle('Volumes · demo · OSCAR');
  await expect(row(page, 'shared-datasets')).toContainText('10Gi');
  await expect(row(page, 'volume-demo-volume').getByRole('link', { name: 'volume-demo' })).toHaveAttribute('href', '/services/volume-demo');

  await table(page).getByRole('button', { name: 'Size' }).click();
  await table(page).getByRole('button', { name: 'Size' }).click();
  await expect(page).toHaveURL(/\/volumes\?sort=size&dir=desc$/);

  // Keyboard only: open the dialog, type, submit with Enter.
  await page.getByRole('button', { name: 'Create volume' }).first().focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Create volume' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await page.keyboard.type('Bad_Name');
  await page.keyboard.press('Enter');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.locator('#volume-name-help')).toHaveText('invalid volume name "Bad_Name": it must be a lowercase RFC 1123 label');

  await name.fill('shared-datasets');
  await page.keyboard.press('Enter');
  await expect(dialog.locator('#volume-name-help')).toHaveText('volume "shared-datasets" already exists');

  await name.fill('field-scratch');
  await dialog.getByRole('textbox', { name: 'Size' }).fill('3');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row(page, 'field-scratch')).toContainText('3Gi');

  await table(page).getByRole('checkbox', { name: 'Select field-scratch' }).check();
  await table(page).getByRole('checkbox', { name: 'Select volume-demo-volume' }).check();
  await page.getByRole('button', { name: 'Delete 2 volumes' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 2 volumes?' });
  await expect(confirm).toContainText('volume-demo-volume is mounted by volume-demo');
  await confirm.getByRole('button', { name: 'Delete 2 volumes' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'One volume was not deleted' });
  await expect(failure).toContainText('volume "volume-demo-volume" is attached to volume-demo');
  await expect(row(page, 'field-scratch')).toHaveCount(0);
  await expect(row(page, 'volume-demo-volume')).toHaveCount(1);
});

test('a cluster without volumes (404) says so, not an error', async ({ page }) => {
  await login(page, '/services');
  await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.fault('GET /system/volumes 404 404 page not found'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Volumes' }).click();
  await expect(page.getByRole('heading', { name: 'This cluster has no volumes' })).toBeVisible();
  await expect(page.getByText(/Could not load/)).toHaveCount(0);
});

test('the volumes page has no serious axe violations in light and dark', async ({ page }, info) => {
  await useTheme(page, 'light');
  await login(page, '/volumes');
  await expect(row(page, 'shared-datasets')).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
    await page.screenshot({ path: info.outputPath(`volumes-${theme}.png`), fullPage: true });
    await checkA11y(page, `volumes ${theme}`);
  }
  await page.getByRole('button', { name: 'Create volume' }).first().click();
  await page.getByRole('dialog', { name: 'Create volume' }).getByRole('textbox', { name: 'Name' }).fill('Nope');
  await page.keyboard.press('Enter');
  await expect(page.locator('#volume-name-help')).toContainText('invalid volume name');
  await page.screenshot({ path: info.outputPath('volumes-create-dark.png') });
  await checkA11y(page, 'create volume dark');
});
