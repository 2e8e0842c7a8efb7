import { expect, test, type Page } from '@playwright/test';
import { checkA11y, login, useTheme } from './support/app';

// The demo cluster's state, on window.__lagoonDemo (mocks/browser.ts).
interface StoredJob {
  name: string;
  input?: { bucket: string; key: string };
  startAt: number;
  finishAt: number;
  log: { at: number; text: string }[];
}
interface DemoWindow {
  __lagoonDemo: {
    cluster: {
      services: Map<string, { token?: string }>;
      putObject(bucket: string, obj: { key: string; size: number; contentType?: string }, options?: { trigger?: boolean }): unknown;
      createJob(service: string, owner: string, options: { input?: { bucket: string; key: string }; runMs?: number; outcome?: 'Succeeded' | 'Failed' }): StoredJob;
      jobsOf(service: string): Map<string, StoredJob>;
      jobStatus(job: StoredJob): string;
    };
  };
}

/** An upload into grayify's input path and the job it starts, shortened to 8 s so the test stays quick. */
async function uploadAndStart(page: Page, key: string): Promise<string> {
  return page.evaluate((key) => {
    const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
    c.putObject('grayify', { key, size: 48_213, contentType: 'image/jpeg' }, { trigger: false });
    return c.createJob('grayify', 'cluster_admin', { input: { bucket: 'grayify', key }, runMs: 8000, outcome: 'Succeeded' }).name;
  }, key);
}

const jobsTable = (page: Page) => page.getByRole('table', { name: 'Jobs' });

test('a job started by an upload goes from Pending to Succeeded, its log growing, traced from file to result', async ({ page }) => {
  await login(page, '/jobs?service=grayify');
  await expect(page.getByRole('heading', { name: 'Jobs of grayify' })).toBeVisible();
  await expect(page.getByText(/^\d+ jobs$/)).toBeVisible();
  const name = await uploadAndStart(page, 'in/e2e-reef.jpg');

  // Auto-refresh brings the new job in (the pointer is away from the table, so it does not wait).
  await page.mouse.move(5, 5);
  const row = jobsTable(page).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row).toBeVisible({ timeout: 12_000 });
  await expect(row).toContainText(/Pending|Running/);
  await row.getByRole('link', { name, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/jobs/grayify/${name}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const log = page.getByRole('region', { name: `Log of job ${name}` });
  await expect(log).toContainText("Downloading item from bucket 'grayify' with key 'in/e2e-reef.jpg'", { timeout: 10_000 });
  const early = await log.locator('[data-line]').count();
  await expect(page.getByRole('list', { name: 'Input file' })).toContainText('e2e-reef.jpg');

  await expect(page.locator('header').getByText('Succeeded')).toBeVisible({ timeout: 15_000 });
  await expect(log).toContainText('Script execution finished successfully', { timeout: 5000 });
  expect(await log.locator('[data-line]').count()).toBeGreaterThan(early);
  // Appended, never duplicated: each line number appears once.
  const numbers = await log.locator('[data-line]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line')));
  expect(new Set(numbers).size).toBe(numbers.length);
  await expect(page.getByRole('list', { name: 'Output files' })).toContainText('e2e-reef.png', { timeout: 12_000 });
  await expect(page.getByRole('list', { name: 'Output files' }).getByRole('link', { name: /Show e2e-reef.png in its bucket/ })).toHaveAttribute('href', '/buckets/grayify/out/');
});

test('the list shows the input of a job started by an upload; its link opens the bucket at that object', async ({ page }) => {
  await login(page, '/jobs?service=grayify');
  await expect(page.getByText(/^\d+ jobs$/)).toBeVisible();
  // As OSCAR's MinIO webhook does: the upload itself starts the job.
  const name = await page.evaluate(() => {
    const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
    c.putObject('grayify', { key: 'in/e2e list trace.jpg', size: 48_213, contentType: 'image/jpeg' });
    return [...c.jobsOf('grayify').values()].find((j) => j.input?.key === 'in/e2e list trace.jpg')?.name ?? '';
  });
  expect(name).toMatch(/^grayify-/);
  await page.mouse.move(5, 5);
  const row = jobsTable(page).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row).toBeVisible({ timeout: 12_000 });
  // The job is newer than the bucket's listing: the list lists the bucket again to find its input.
  const input = row.getByRole('link', { name: 'e2e list trace.jpg (likely, matched by upload time)' });
  await expect(input).toBeVisible({ timeout: 10_000 });
  await expect(input).toHaveAttribute('href', '/buckets/grayify/in/?preview=e2e%20list%20trace.jpg');
  await input.click();
  await expect(page).toHaveURL(/\/buckets\/grayify\/in\/\?preview=e2e(%20|\+)list(%20|\+)trace\.jpg$/);
  await expect(page.getByRole('complementary', { name: 'Preview of e2e list trace.jpg' })).toBeVisible();
});

test('a job started with POST /job and the service token shows up and runs', async ({ page }) => {
  await login(page, '/jobs?service=simple-test&status=Pending,Running');
  await expect(page.getByRole('heading', { name: 'Jobs of simple-test' })).toBeVisible();
  // OSCAR answers 201 with no body: the new job is the one name that was not there before.
  const { status, name } = await page.evaluate(async () => {
    const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
    const before = new Set(c.jobsOf('simple-test').keys());
    const token = c.services.get('simple-test')?.token ?? '';
    const res = await fetch('https://demo.lagoon.test/job/simple-test', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{"msg":"hello"}' });
    return { status: res.status, name: [...c.jobsOf('simple-test').keys()].find((n) => !before.has(n)) ?? '' };
  });
  expect(status).toBe(201);
  expect(name).toMatch(/^simple-test-/);
  await page.mouse.move(5, 5);
  const row = jobsTable(page).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row).toBeVisible({ timeout: 12_000 });
  await expect(row).toContainText(/Pending|Running/);
});

test('delete the completed jobs of a service, confirming with its name and count', async ({ page }) => {
  await login(page, '/jobs?service=sleep-test');
  await expect(page.getByText(/^\d+ jobs$/)).toBeVisible();
  const { succeeded, total } = await page.evaluate(() => {
    const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
    const jobs = [...c.jobsOf('sleep-test').values()];
    return { succeeded: jobs.filter((j) => c.jobStatus(j) === 'Succeeded').length, total: jobs.length };
  });
  expect(succeeded).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Delete completed jobs' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${succeeded} completed jobs of sleep-test?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete completed jobs' }).click();
  await expect(page.getByText(`Deleted ${succeeded} completed jobs of sleep-test`)).toBeVisible();
  await expect(page.getByText(`${total - succeeded} jobs`, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Succeeded 0$/ })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`jobs list and job page pass axe in ${theme}`, async ({ page }) => {
    await useTheme(page, theme);
    await login(page, '/jobs');
    await expect(jobsTable(page)).toBeVisible();
    await page.mouse.move(5, 5);
    await checkA11y(page, `jobs ${theme}`);
    await page.screenshot({ path: `.e2e-tmp/screens/jobs-${theme}.png` });
    const name = await page.evaluate(() => {
      const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
      return [...c.jobsOf('grayify').values()].find((j) => c.jobStatus(j) === 'Succeeded')?.name ?? '';
    });
    await page.goto(`/jobs/grayify/${name}`);
    await expect(page.getByRole('region', { name: `Log of job ${name}` })).toContainText('Script execution finished successfully');
    await expect(page.getByRole('list', { name: 'Output files' })).toBeVisible();
    await checkA11y(page, `job page ${theme}`);
    await page.screenshot({ path: `.e2e-tmp/screens/job-${theme}.png`, fullPage: true });
  });
}
