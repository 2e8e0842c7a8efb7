// Leaving the service editor must leave Monaco quietly: no "AbstractContextKeyService has been
// disposed", no "Canceled", no other uncaught error, however the user left (both tabs, the diff review,
// the import dialog) and however many times (issue 13, point 2).
import { test, expect, type Page } from '@playwright/test';
import { login } from './support/app';

const FDL = '/work/shared/fdl/cowsay/cowsay.yaml';

async function openEditor(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
  await page.getByRole('link', { name: 'cowsay', exact: true }).click();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Service name')).toHaveValue('cowsay');
}

async function waitForEditor(page: Page, selector: string) {
  await expect(page.locator(selector).locator('.monaco-editor').first()).toBeVisible();
}

test('opens and leaves the editor 20 times without an uncaught error', async ({ page }) => {
  // Twenty real rounds (two Monaco editors, a diff, an import each few) take about 2 minutes on a busy
  // machine: the limit is the work's, not a wait for a race.
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}\n${e.stack ?? ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });

  await login(page, '/services');
  for (let round = 1; round <= 20; round++) {
    await openEditor(page);
    // The form tab holds the script's editor; the YAML tab the whole FDL.
    await waitForEditor(page, '[data-code-editor="shell"]');
    await page.getByRole('tab', { name: /YAML/ }).click();
    await waitForEditor(page, '[data-code-editor="yaml"]');
    if (round % 2 === 0) {
      // An edit, so the review has a diff to show.
      await page.getByRole('tab', { name: 'Form' }).click();
      await page.getByLabel('Memory', { exact: true }).fill(`${round}Gi`);
      await page.keyboard.press('ControlOrMeta+S');
      await expect(page.getByRole('heading', { name: /^Review/ })).toBeVisible();
      await expect(page.locator('[data-diff-editor] .modified-in-monaco-diff-editor')).toContainText(`${round}Gi`);
    }
    if (round % 5 === 0) {
      if (round % 2 === 0) await page.getByRole('button', { name: 'Back to editing' }).click();
      await page.getByRole('button', { name: 'Import FDL…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import an FDL file' });
      await dialog.locator('input[type=file]').first().setInputFiles([FDL]);
      await expect(dialog.getByText(/names\s*script\.sh/)).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
    // Leave by the main navigation, as a user does (an unsaved edit stays as a draft).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await expect(page).toHaveURL(/\/jobs/);
    expect(errors, `after round ${round}`).toEqual([]);
  }
  // Errors thrown from Monaco's timers come a little after the unmount: give them the event loop.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  expect(errors).toEqual([]);
  // The listener hears an uncaught rejection that is not Monaco's cancellation (the page silences only
  // that one), so the empty list above means something.
  await page.evaluate(() => void Promise.reject(new Error('not a cancellation')));
  await expect.poll(() => errors.join('\n')).toContain('not a cancellation');
});
