import { expect, test } from '@playwright/test';
import { checkA11y, login, loginAsDemoUser, useTheme } from './support/app';

interface DemoWindow {
  __lagoonDemo: { cluster: { minioRoot: { access_key: string; secret_key: string } }; clearFaults(): void };
}

test('the MinIO credentials stay masked until revealed, by keyboard too', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await login(page, '/info');
  await expect(page.getByRole('heading', { level: 1, name: 'Cluster info' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cluster', exact: true })).toContainText('https://demo.lagoon.test');
  await expect(page.getByRole('region', { name: 'Cluster', exact: true })).toContainText('OSCAR version');

  const { access_key: accessKey, secret_key: secretKey } = await page.evaluate(
    () => (window as unknown as DemoWindow).__lagoonDemo.cluster.minioRoot,
  );
  const minio = page.getByRole('region', { name: 'MinIO storage' });
  const reveal = minio.getByRole('button', { name: 'Reveal Secret key' });
  await expect(reveal).toBeVisible();
  await expect(page.locator('body')).not.toContainText(secretKey);
  await expect(minio).not.toContainText(accessKey);

  await reveal.focus();
  await page.keyboard.press('Enter');
  await expect(minio).toContainText(secretKey);
  await expect(minio.getByRole('button', { name: 'Hide Secret key' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(minio).not.toContainText(secretKey);

  // Copy works without revealing.
  await minio.getByRole('button', { name: 'Copy Access key' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(accessKey);
  await expect(minio).not.toContainText(accessKey);
});

test('the demo failure panel makes a screen fail and recover', async ({ page }) => {
  await login(page, '/info');
  const panel = page.getByRole('region', { name: 'Demo cluster: simulate failures' });
  await panel.getByLabel('Method').selectOption('GET');
  await panel.getByLabel('Route pattern').fill('/system/services');
  await panel.getByLabel('Failure').selectOption('500');
  await panel.getByRole('button', { name: 'Add failure' }).click();
  await expect(panel).toContainText('GET /system/services → HTTP 500');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the services' });
  await expect(alert).toContainText('HTTP 500', { timeout: 20_000 });

  await expect(alert).toContainText('Internal Server Error (simulated by the demo)');

  // The cluster recovers; "Try again" shows the list without leaving the page.
  await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.clearFaults());
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('table', { name: 'Services' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Info' }).click();
  await expect(panel).toContainText('None: the demo cluster answers normally.');
});

test('a demo OIDC user sees who she is on the Info page: VOs, and her token masked; axe in light and dark', async ({ page }, info) => {
  await useTheme(page, 'light');
  await loginAsDemoUser(page, 'Marco Rossi', '/info');
  const you = page.getByRole('region', { name: 'You' });
  await expect(you).toContainText('marco.rossi@example.org');
  await expect(you.getByRole('list', { name: 'Your VOs' }).getByRole('listitem')).toHaveText([/^dev\.intertwin\.eu/]);
  await expect(you).not.toContainText('eyJ');
  await you.getByRole('button', { name: 'Reveal access token' }).press('Enter');
  await expect(you).toContainText('eyJ');
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
    await page.screenshot({ path: info.outputPath(`info-you-${theme}.png`) });
    await checkA11y(page, `info you ${theme}`);
  }
});
