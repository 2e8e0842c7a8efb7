import { expect, test, type Page } from '@playwright/test';
import { checkA11y, eachTheme, login } from './support/app';

// The demo cluster's state, on window.__lagoonDemo (mocks/browser.ts).
interface DemoWindow {
  __lagoonDemo: {
    cluster: {
      services: Map<string, { cpu?: string }>;
      jobsOf(service: string): Map<string, { name: string; input?: { bucket: string; key: string } }>;
    };
  };
}

const COUNT = 5;
const names = Array.from({ length: COUNT }, (_, i) => `dropped-${i + 1}.jpg`);

/** The demo cluster's jobs of grayify started on the dropped files, by input key. */
const jobsByKey = (page: Page) =>
  page.evaluate(() => {
    const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
    const keys: string[] = [];
    for (const j of c.jobsOf('grayify').values()) if (j.input?.key.startsWith('in/dropped-')) keys.push(j.input.key);
    return keys.sort();
  });

const count = (page: Page, label: string) => page.getByTestId('batch-counts').getByText(label, { exact: true }).locator('xpath=following-sibling::dd');

test('a batch of dropped files: each upload starts its one job, the board follows the uploads and the jobs to Done', async ({ page }, testInfo) => {
  // Two screens, each checked by axe and photographed in both themes: at load ~8 on the shared machine the
  // journey took 61 s (login 8 s, each theme switch and axe run 2–4 s), past the default 60 s.
  test.setTimeout(120_000);
  await login(page, '/services/grayify/batch');
  await page.evaluate(() => {
    // Small jobs, so the files fit on the demo cluster at once.
    (window as unknown as DemoWindow).__lagoonDemo.cluster.services.get('grayify')!.cpu = '0.2';
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Batch run of grayify' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Start a batch run' });
  await form.getByRole('radio', { name: 'Files I drop now' }).check();
  await expect(form.getByTestId('batch-drop-zone')).toContainText('grayify/in/');
  // Starting with nothing chosen says so where it happened.
  await form.getByRole('button', { name: /and start batch/ }).click();
  await expect(form.getByRole('alert')).toHaveText('Drop or choose the files the batch runs on.');

  await form.getByLabel('Files for the batch').setInputFiles(
    names.map((name, i) => ({ name, mimeType: 'image/jpeg', buffer: Buffer.from(`not really a jpeg ${i} `.repeat(40 + i)) })),
  );
  await expect(form.getByTestId('batch-dropped-count')).toContainText(`${COUNT} files chosen`);
  await eachTheme(page, async (theme) => {
    await checkA11y(page, `dropped batch form (${theme})`);
    await page.screenshot({ path: testInfo.outputPath(`batch-dropped-form-${theme}.png`) });
  });
  await form.getByRole('button', { name: `Upload ${COUNT} and start batch` }).click();

  // The board lists the five files; each upload starts exactly one job (the engine sends no POST /job).
  await expect(count(page, 'Inputs')).toHaveText(String(COUNT));
  await expect(page.getByRole('region', { name: 'Progress' })).toContainText('files dropped into grayify/in/');
  await expect.poll(() => jobsByKey(page)).toEqual(names.map((n) => `in/${n}`));
  await expect(count(page, 'Uploading')).toHaveText('0');
  const table = page.getByRole('table', { name: 'Batch inputs' });
  // Every input is linked to its job by the job's log.
  await expect(table.getByRole('link', { name: /^grayify-[a-z0-9]{5}$/ })).toHaveCount(COUNT);

  // The demo jobs take 13–23 s: the clock jumps instead of the test waiting.
  await page.clock.install();
  await page.clock.fastForward(30_000);
  await expect(page.getByTestId('batch-status')).toHaveText(/^Done/, { timeout: 20_000 });
  await expect.poll(async () => Number(await count(page, 'Succeeded').textContent()) + Number(await count(page, 'Failed').textContent())).toBe(COUNT);
  expect(await jobsByKey(page)).toEqual(names.map((n) => `in/${n}`));

  await eachTheme(page, async (theme) => {
    await checkA11y(page, `dropped batch board (${theme})`);
    await page.screenshot({ path: testInfo.outputPath(`batch-dropped-board-${theme}.png`) });
  });
});
