import { expect, test, type Page } from '@playwright/test';
import { checkA11y, login, useTheme } from './support/app';

interface StoredJob {
  name: string;
  startAt: number;
  finishAt: number;
  log: { at: number; text: string }[];
}
interface DemoWindow {
  __lagoonDemo: {
    cluster: {
      createJob(service: string, owner: string, options: { runMs?: number; outcome?: 'Succeeded' | 'Failed' }): StoredJob;
      now(): number;
    };
    fault(spec: string): () => void;
    clearFaults(): void;
  };
}

/**
 * A job of simple-test whose log is `lines` (one every `everyMs` once it runs), so a test controls
 * what the log says and how fast it grows. Returns the job's name.
 */
async function jobWithLog(page: Page, lines: string[], everyMs: number): Promise<string> {
  return page.evaluate(
    ([lines, everyMs]) => {
      const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
      const job = c.createJob('simple-test', 'cluster_admin', { runMs: 120_000, outcome: 'Succeeded' });
      // Started already, so the test does not wait out the 3 s of Pending.
      job.startAt = c.now() - 1;
      job.finishAt = job.startAt + lines.length * everyMs + 1000;
      job.log = lines.map((text, i) => ({ at: i * everyMs, text }));
      return job.name;
    },
    [lines, everyMs] as const,
  );
}

/**
 * Navigates inside the app (no reload): jobs made up by a test live only in this tab's demo cluster,
 * and a reload would restore the cluster from its snapshot without them.
 */
async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

const logOf = (page: Page, name: string) => page.getByRole('region', { name: `Log of job ${name}` });

test('follow a growing log, scroll up to read, see the new-lines badge, and jump back', async ({ page }) => {
  await login(page, '/jobs');
  const lines = Array.from({ length: 600 }, (_, i) => `step ${i + 1}: processed tile ${String(i * 7).padStart(5, '0')}`);
  const name = await jobWithLog(page, lines, 25);
  await goInApp(page, `/jobs/simple-test/${name}`);
  const log = logOf(page, name);
  // However many lines the first poll brings, the view starts at the newest.
  await expect(log).toContainText(/step \d+:/);
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
  // Following: the view stays at the newest line that has arrived, whichever that is by now (a fixed
  // step, as this said before, is long gone on a slow machine).
  await expect.poll(async () => log.locator('[data-line]').count()).toBeGreaterThan(20);
  await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(10);

  // Scroll up to read: the view stays put and counts what arrives below.
  await log.hover();
  await page.mouse.wheel(0, -2000);
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
  const top = await log.evaluate((el) => el.scrollTop);
  const badge = page.getByRole('button', { name: /new lines?/ });
  await expect(badge).toBeVisible({ timeout: 8000 });
  // Wait for more lines to arrive below (or the last of them to be in), not for a time: the view stays put.
  const status = page.getByText(/^[\d,]+ lines · not following/);
  const received = async () => Number((await status.textContent())?.match(/^[\d,]+/)?.[0].replace(/,/g, ''));
  const before = await received();
  await expect
    .poll(async () => {
      const n = await received();
      return n > before || n === lines.length;
    })
    .toBe(true);
  expect(Math.abs((await log.evaluate((el) => el.scrollTop)) - top)).toBeLessThan(2);

  await badge.click();
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
  await expect(badge).toBeHidden();
  await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(10);
  await expect(log.getByText('step 600:')).toBeVisible({ timeout: 20_000 });
});

test('search with next/previous, case and regex options, only matching lines; share a line link and open it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await login(page, '/jobs');
  const lines = Array.from({ length: 400 }, (_, i) => (i % 50 === 49 ? `ERROR batch ${i + 1} failed: disk quota exceeded` : `info batch ${i + 1} ok`));
  const name = await jobWithLog(page, lines, 0);
  await goInApp(page, `/jobs/simple-test/${name}`);
  const log = logOf(page, name);
  // It follows to the end of the log.
  await expect(log).toContainText('ERROR batch 400 failed');

  const search = page.getByRole('searchbox', { name: 'Search the log' });
  await search.fill('error');
  await expect(page.getByText('8 matches')).toBeVisible();
  // "Next" starts from where the reader is: at the end of the log, that is the last match; then it wraps.
  await search.press('Enter');
  await expect(page.getByText('8 of 8 matches')).toBeVisible();
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(page.getByText('1 of 8 matches')).toBeVisible();
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(page.getByText('2 of 8 matches')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
  await expect(log.locator('mark[data-current]')).toBeInViewport();
  await expect(log.locator('mark[data-current]').locator('xpath=ancestor::*[@data-line][1]')).toHaveAttribute('data-line', '100');
  await page.getByRole('button', { name: 'Match case' }).click();
  await expect(page.getByText('No matches')).toBeVisible();
  await page.getByRole('button', { name: 'Match case' }).click();

  await page.getByRole('button', { name: 'Regular expression' }).click();
  await search.fill('batch (\\d+');
  await expect(page.getByText(/Invalid regular expression/)).toBeVisible();
  await search.fill('batch [13]5\\d failed');
  await expect(page.getByText('2 matches')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Only matching lines' }).check();
  await expect(log.locator('[data-line]')).toHaveCount(2);
  await expect(log.locator('[data-line]').first()).toHaveAttribute('data-line', '150');
  await page.getByRole('checkbox', { name: 'Only matching lines' }).uncheck();
  await search.fill('');

  // Share line 260: the URL carries it; opening the link scrolls there and highlights it.
  await log.evaluate((el) => el.scrollTo({ top: 259 * 20 - 100 }));
  await log.getByRole('link', { name: 'Line 260', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/simple-test/${name}#L260$`));
  await page.getByRole('button', { name: 'Copy line 260' }).click();
  // Timestamps are shown, so the copy has them too.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z info batch 260 ok$/);
  const shared = new URL(page.url());
  await goInApp(page, '/jobs');
  await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
  await goInApp(page, `${shared.pathname}${shared.hash}`);
  const line = logOf(page, name).locator('[data-line="260"]');
  await expect(line).toBeInViewport({ timeout: 10_000 });
  await expect(line.getByRole('link', { name: 'Line 260', exact: true })).toHaveAttribute('aria-current', 'location');
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
});

test('a link to a line opens in another tab at that line', async ({ page, context }) => {
  await login(page, '/jobs?service=grayify&status=Succeeded');
  const link = page.getByRole('table', { name: 'Jobs' }).getByRole('link', { name: /^grayify-/ }).first();
  const name = (await link.textContent()) ?? '';
  await link.click();
  const log = logOf(page, name);
  await expect(log).toContainText('Script execution finished successfully');
  await log.getByRole('link', { name: 'Line 4', exact: true }).click();
  await expect(page).toHaveURL(/#L4$/);
  await log.getByRole('link', { name: 'Line 6', exact: true }).click({ modifiers: ['Shift'] });
  await expect(page).toHaveURL(/#L4-L6$/);
  const shared = new URL(page.url());

  // Another tab: its own session and its own demo cluster (seeded the same way, so the job is there).
  const other = await context.newPage();
  await login(other, `${shared.pathname}${shared.hash}`);
  await expect(other).toHaveURL(/#L4-L6$/);
  const selected = logOf(other, name).locator('a[aria-current="location"]');
  await expect(selected).toHaveText(['4', '5', '6']);
  await expect(other.getByRole('button', { name: 'Copy lines 4–6' })).toBeVisible();
});

test('a hostile log stays inert text: markup, escape sequences, binary bytes and a 2 MB line', async ({ page }) => {
  await login(page, '/jobs');
  const title = await page.title();
  const ESC = '\x1b';
  const lines = [
    `${ESC}[1;31mERROR${ESC}[0m model failed <script>window.__pwned = 1</script>`,
    `<img src=x onerror="window.__pwned = 2">${ESC}]0;You have been pwned${ESC}\\${ESC}[2J${ESC}[H`,
    `${ESC}]8;;https://evil.example${ESC}\\click here${ESC}]8;;${ESC}\\ binary:\u0000\u0007\u007f \ufffd\ufffd end`,
    `permission\u202e\u2066 check`,
    'x'.repeat(2 * 1024 * 1024),
    'last line',
  ];
  const name = await jobWithLog(page, lines, 0);
  page.on('dialog', () => {
    throw new Error('a dialog opened');
  });
  await goInApp(page, `/jobs/simple-test/${name}`);
  const log = logOf(page, name);
  await expect(log).toContainText('last line');
  await expect(log).toContainText('<script>window.__pwned = 1</script>');
  await expect(log.getByText('ERROR', { exact: true })).toHaveClass(/text-red/);
  await expect(log).toContainText('click here binary:␀␇␡');
  await expect(log).toContainText('permission[U+202E][U+2066] check');
  await expect(log).toContainText(/more characters not shown/);
  expect(await log.locator('script, img, a[href^="https://evil"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.title()).not.toContain('pwned');
  expect(await page.title()).not.toBe(title === '' ? 'x' : '');
  // Colours keep their contrast on the log's background.
  await checkA11y(page, 'coloured log');
});

test('colours run on across lines until reset, and text in any script survives, parsed in the log worker', async ({ page }) => {
  await login(page, '/jobs');
  const ESC = '\x1b';
  const lines = [
    `${ESC}[33mWARNING: the lines below stay yellow`,
    'still yellow',
    `${ESC}[1mbold and yellow${ESC}[0m then plain`,
    'plain again',
    'naïve café — ünïcödé ✓ 😀 日本語',
  ];
  const name = await jobWithLog(page, lines, 0);
  await goInApp(page, `/jobs/simple-test/${name}`);
  const log = logOf(page, name);
  await expect(log).toContainText('naïve café — ünïcödé ✓ 😀 日本語');
  await expect(log.getByText('still yellow', { exact: true })).toHaveClass(/text-yellow/);
  await expect(log.getByText('bold and yellow', { exact: true })).toHaveClass(/text-yellow.*font-bold|font-bold.*text-yellow/);
  await expect(log.getByText('then plain', { exact: false })).not.toHaveClass(/text-yellow/);
  expect(await log.locator('[data-line="4"] span[class*="text-"]').count()).toBe(0);
  // The log was parsed off the main thread.
  expect(page.workers().some((w) => /\/worker-[^/]*\.js/.test(w.url()))).toBe(true);
});

test('a failing poll is shown and the log kept; a deleted job says it no longer exists', async ({ page }) => {
  await login(page, '/jobs');
  const lines = Array.from({ length: 200 }, (_, i) => `tick ${i + 1}`);
  const name = await jobWithLog(page, lines, 150);
  await goInApp(page, `/jobs/simple-test/${name}`);
  const log = logOf(page, name);
  await expect(log).toContainText('tick 3');
  await page.evaluate((n) => (window as unknown as DemoWindow).__lagoonDemo.fault(`GET /system/logs/simple-test/${n} 500 etcdserver: request timed out`), name);
  await expect(page.getByRole('alert').filter({ hasText: 'Could not refresh the log (HTTP 500)' })).toContainText('etcdserver: request timed out');
  // Kept: the view still holds lines (which ones depends on how far it followed: only the lines in view are drawn).
  await expect(log).toContainText(/tick \d+/);
  await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.clearFaults());
  await expect(page.getByText(/Could not refresh the log/)).toBeHidden({ timeout: 15_000 });

  await page.evaluate(async (n) => {
    const r = await fetch(`https://demo.lagoon.test/system/logs/simple-test/${n}`, { method: 'DELETE', headers: { Authorization: `Basic ${btoa('oscar:lagoon-demo')}` } });
    if (r.status !== 204) throw new Error(`delete answered ${r.status}`);
  }, name);
  await expect(page.getByText('This job no longer exists.')).toBeVisible({ timeout: 15_000 });
  await expect(log).toContainText(/tick \d+/);
  // …the whole of it: back at the top, the first lines are there.
  await log.press('Home');
  await expect(log).toContainText('tick 3');
});

test('stop and start an exposed service, its state following each action', async ({ page }) => {
  await login(page, '/services/nginx2/deployment');
  await expect(page.getByRole('heading', { name: 'Deployment of nginx2' })).toBeVisible();
  const state = page.getByText('State', { exact: true }).locator('..');
  await expect(state).toContainText('ready');
  await expect(page.getByRole('region', { name: 'Deployment log of nginx2' })).toContainText('nginx');

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await page.getByRole('dialog', { name: 'Stop nginx2?' }).getByRole('button', { name: 'Stop service' }).click();
  await expect(state).toContainText('stopped');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(state).toContainText('pending');
  await expect(page.getByText('Starting: waiting for the deployment to be ready…')).toBeVisible();
  await expect(state).toContainText('ready', { timeout: 12_000 });
  await expect(page.getByText('Starting: waiting for the deployment to be ready…')).toBeHidden();
});

for (const theme of ['light', 'dark'] as const) {
  test(`deployment page and a log with search pass axe in ${theme}`, async ({ page }) => {
    await useTheme(page, theme);
    await login(page, '/services/jupyter/deployment');
    await expect(page.getByRole('region', { name: 'Deployment log of jupyter' })).toContainText('Jupyter Server is running');
    await page.getByRole('searchbox', { name: 'Search the log' }).fill('server');
    await page.getByRole('button', { name: 'Next match' }).click();
    await checkA11y(page, `deployment ${theme}`);
    await page.screenshot({ path: `.e2e-tmp/screens/deployment-${theme}.png`, fullPage: true });
  });
}
