import { expect, test, type Page } from '@playwright/test';
import { checkA11y, eachTheme, login } from './support/app';

// The demo cluster's state and faults, on window.__lagoonDemo (mocks/browser.ts, mocks/faults.ts).
interface DemoWindow {
  __lagoonDemo: {
    cluster: {
      services: Map<string, { cpu?: string }>;
      putObject(bucket: string, obj: { key: string; size: number; contentType?: string }, options?: { trigger?: boolean }): unknown;
      jobsOf(service: string): Map<string, { input?: { key: string } }>;
    };
    fault(spec: { method?: string; path: string; status?: number; body?: string; network?: boolean; times?: number }): unknown;
  };
}

const COUNT = 6;

const jobKeys = (page: Page) =>
  page.evaluate(() => {
    const keys: string[] = [];
    for (const j of (window as unknown as DemoWindow).__lagoonDemo.cluster.jobsOf('grayify').values()) if (j.input?.key.startsWith('faulty/')) keys.push(j.input.key);
    return keys.sort();
  });

const count = (page: Page, label: string) => page.getByTestId('batch-counts').getByText(label, { exact: true }).locator('xpath=following-sibling::dd');

test('a batch pauses itself on a refused call and on a dropped network, in the words it got, and resumes without sending anything twice', async ({ page }, testInfo) => {
  // Started from the folder's page in the bucket, which offers a batch of each service whose input is there.
  await login(page, '/buckets/grayify/faulty/');
  await page.evaluate((n) => {
    const demo = (window as unknown as DemoWindow).__lagoonDemo;
    for (let i = 0; i < n; i++) demo.cluster.putObject('grayify', { key: `faulty/img-${i}.jpg`, size: 100 + i, contentType: 'image/jpeg' }, { trigger: false });
    demo.cluster.services.get('grayify')!.cpu = '0.2';
    // The service token is refused once: one of the first calls answers 401 with OSCAR's plain text.
    demo.fault({ method: 'POST', path: '/job/grayify', status: 401, body: 'invalid token for grayify', times: 1 });
  }, COUNT);

  await page.getByRole('link', { name: 'Batch run of grayify over this folder' }).click();
  const form = page.getByRole('form', { name: 'Start a batch run' });
  await expect(form.getByLabel('Bucket', { exact: true })).toHaveValue('grayify');
  await expect(form.getByLabel(/^Prefix/)).toHaveValue('faulty/');
  await form.getByLabel(/^Suffixes/).fill('.jpg');
  await form.getByRole('button', { name: 'Start batch' }).click();

  const paused = page.getByTestId('batch-paused-because');
  await expect(paused).toHaveText('The batch paused itself. OSCAR refused to start a job (401): invalid token for grayify. The batch is paused; nothing more is sent until you resume.');
  await expect(page.getByTestId('batch-status')).toHaveText('Paused');
  // The refused input is back in the queue with the words; the others went.
  await expect(count(page, 'Queued')).toHaveText('1');
  const table = page.getByRole('table', { name: 'Batch inputs' });
  await expect(table.getByText('Not sent: invalid token for grayify')).toHaveCount(1);
  await expect.poll(async () => (await jobKeys(page)).length).toBe(COUNT - 1);
  await eachTheme(page, async (theme) => {
    await checkA11y(page, `batch paused (${theme})`);
    await page.screenshot({ path: testInfo.outputPath(`batch-paused-${theme}.png`) });
  });

  // Resumed, the call is lost on the way: the batch pauses again, and says so.
  await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.fault({ method: 'POST', path: '/job/grayify', network: true, times: 1 }));
  await page.getByRole('button', { name: 'Resume' }).focus();
  await page.keyboard.press('Enter');
  await expect(paused).toContainText('The cluster could not be reached to start a job');
  await expect(page.getByTestId('batch-status')).toHaveText('Paused');

  // Resumed again: the lost call may have reached the cluster, so nothing is sent until the batch's jobs
  // are read. They are still Pending with empty logs, so it waits until they name their objects (the
  // demo's jobs start within a minute: the clock jumps instead of the test waiting). The lost call never
  // reached the cluster, so its input is sent once more, and only it.
  await page.clock.install();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(paused).toHaveCount(0);
  await expect(page.getByRole('row', { name: /faulty\/img-\d\.jpg Checking/ })).toHaveCount(1);
  expect(await jobKeys(page)).toHaveLength(COUNT - 1);
  await page.clock.fastForward(65_000);
  await expect.poll(() => jobKeys(page)).toEqual(Array.from({ length: COUNT }, (_, i) => `faulty/img-${i}.jpg`));
  await expect(count(page, 'Queued')).toHaveText('0');
  await expect(table.getByText(/^Not sent|^No answer/)).toHaveCount(0);
});
