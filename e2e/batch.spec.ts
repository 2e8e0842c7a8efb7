import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { checkA11y, login } from './support/app';

// The demo cluster's state, on window.__lagoonDemo (mocks/browser.ts).
interface DemoWindow {
  __lagoonDemo: {
    cluster: {
      services: Map<string, { cpu?: string }>;
      putObject(bucket: string, obj: { key: string; size: number; contentType?: string }, options?: { trigger?: boolean }): unknown;
      jobsOf(service: string): Map<string, { name: string; input?: { bucket: string; key: string } }>;
    };
  };
}

const COUNT = 60;

/** The archive: COUNT images (one with a space and a plus in its name) and a few notes the suffix leaves out. */
async function seedArchive(page: Page) {
  await page.evaluate((count) => {
    const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
    for (let i = 0; i < count; i++) {
      const key = i === 0 ? 'archive/reef 2024+a.jpg' : `archive/reef-${String(i).padStart(3, '0')}.jpg`;
      c.putObject('grayify', { key, size: 1000 + i, contentType: 'image/jpeg' }, { trigger: false });
    }
    for (let i = 0; i < 4; i++) c.putObject('grayify', { key: `archive/notes-${i}.txt`, size: 10 }, { trigger: false });
    // Small jobs, so the whole archive fits on the demo cluster at once and the test stays short.
    c.services.get('grayify')!.cpu = '0.2';
  }, COUNT);
}

/** The batch's jobs in the demo cluster, by input key. */
const jobsByKey = (page: Page) =>
  page.evaluate(() => {
    const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
    const keys: string[] = [];
    for (const j of c.jobsOf('grayify').values()) if (j.input?.key.startsWith('archive/')) keys.push(j.input.key);
    return keys;
  });

const count = (page: Page, label: string) => page.getByTestId('batch-counts').getByText(label, { exact: true }).locator('xpath=following-sibling::dd');

test('a batch runs a service over an archive, survives a reload without sending twice, and gives its manifest', async ({ page }, testInfo) => {
  await login(page, '/services/grayify');
  await seedArchive(page);
  await page.getByRole('link', { name: 'Batch run' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Batch run of grayify' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Start a batch run' });
  await expect(form.getByTestId('parallelism-rule')).toContainText(/\d+ at once\. The cluster has .* each job asks for 0\.2 CPU/);
  await form.getByLabel('Bucket', { exact: true }).fill('grayify');
  await form.getByLabel(/^Prefix/).fill('archive/');
  await form.getByLabel(/^Suffixes/).fill('.jpg');
  await page.screenshot({ path: testInfo.outputPath('batch-form-light.png') });
  await form.getByLabel(/^At most/).press('Enter');

  // Every image is listed and sent; the notes are not.
  await expect(count(page, 'Inputs')).toHaveText(String(COUNT));
  await expect(count(page, 'Queued')).toHaveText('0');
  await expect.poll(async () => (await jobsByKey(page)).length).toBe(COUNT);
  await expect(page.getByRole('table', { name: 'Batch inputs' })).toBeVisible();
  await checkA11y(page, 'batch board (light)');
  await page.screenshot({ path: testInfo.outputPath('batch-board-light.png') });

  // Reload mid-run, in dark mode: the board comes back from IndexedDB and nothing is sent again.
  await page.evaluate(() => localStorage.setItem('lagoon.theme', 'dark'));
  await page.reload();
  await expect(count(page, 'Inputs')).toHaveText(String(COUNT));
  await expect(page.getByRole('table', { name: 'Batch inputs' }).getByRole('link', { name: /^grayify-[a-z0-9]{5}$/ }).first()).toBeVisible();
  await checkA11y(page, 'batch board (dark)');

  // The demo jobs take 13–23 s: the clock jumps instead of the test waiting.
  await page.clock.install();
  await page.clock.fastForward(30_000);
  await expect(page.getByTestId('batch-status')).toHaveText('Done', { timeout: 20_000 });
  await expect.poll(async () => Number(await count(page, 'Succeeded').textContent()) + Number(await count(page, 'Failed').textContent())).toBe(COUNT);
  const keys = await jobsByKey(page);
  expect(keys).toHaveLength(COUNT);
  expect(new Set(keys).size).toBe(COUNT);
  expect(keys).toContain('archive/reef 2024+a.jpg');
  await page.screenshot({ path: testInfo.outputPath('batch-board-dark.png') });

  // Filters: only the failed ones, then back.
  await page.getByRole('button', { name: 'Succeeded', exact: true }).click();
  await expect(page).toHaveURL(/show=succeeded/);
  await expect(page.getByRole('table', { name: 'Batch inputs' }).getByText('Failed', { exact: true })).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Manifest CSV' }).click();
  const csv = (await readFile((await (await download).path())!, 'utf8')).trim().split('\r\n');
  expect(csv[0]).toBe('input,job,status,sent,started,finished,duration_s,outputs,error');
  expect(csv).toHaveLength(COUNT + 1);
  const jobs = csv.slice(1).map((l) => l.split(',')[1]);
  expect(new Set(jobs).size).toBe(COUNT);
  expect(csv.slice(1).every((l) => /,(succeeded|failed),/.test(l))).toBe(true);
  expect(csv.find((l) => l.startsWith('grayify/archive/reef 2024+a.jpg,grayify-'))).toBeTruthy();
});
