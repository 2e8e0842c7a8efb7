import { test, expect } from '@playwright/test';

test('the demo cluster lists its services after a password login', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Password').fill('lagoon-demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Services' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'cowsay' })).toBeVisible();
});
