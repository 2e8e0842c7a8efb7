import { expect, test, type Page } from '@playwright/test';
import { checkA11y, login, loginAsDemoUser, useTheme, reloadDemo } from './support/app';

// The demo cluster exposes its in-memory state on window.__lagoonDemo (mocks/browser.ts).
interface DemoWindow {
  __lagoonDemo: {
    cluster: {
      services: Map<string, { name: string; image: string; owner?: string; token?: string }>;
      addGeneratedServices(n: number): string[];
    };
  };
}

const table = (page: Page) => page.getByRole('table', { name: 'Services' });

/** Names of the rendered rows, top to bottom. */
async function shownNames(page: Page): Promise<string[]> {
  return table(page).locator('tbody tr[aria-rowindex] td:nth-child(2)').allTextContents();
}

test('browse, filter and sort the demo services; reload keeps filter and sort', async ({ page }) => {
  await login(page, '/services');
  await expect(table(page).getByRole('link', { name: 'cowsay', exact: true })).toBeVisible();
  const total = await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.cluster.services.size);
  await expect(page.getByText(`${total} services`, { exact: true })).toBeVisible();

  // The filter looks at name, image and owner.
  const matching = await page.evaluate(() =>
    [...(window as unknown as DemoWindow).__lagoonDemo.cluster.services.values()]
      .filter((s) => `${s.name} ${s.image} ${s.owner ?? ''}`.toLowerCase().includes('fish'))
      .map((s) => s.name),
  );
  expect(matching.length).toBeGreaterThan(1);
  expect(matching.length).toBeLessThan(total);
  await page.getByRole('searchbox', { name: 'Filter services' }).fill('fish');
  await expect(page).toHaveURL(/[?&]q=fish/);
  await expect.poll(async () => (await shownNames(page)).length).toBe(matching.length);
  const filtered = await shownNames(page);
  expect([...filtered].sort()).toEqual([...matching].sort());
  await expect(page.getByText(`${matching.length} of ${total} services`)).toBeVisible();

  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  const descending = await shownNames(page);
  expect(descending).toEqual([...filtered].reverse());

  await reloadDemo(page);
  await expect(page.getByRole('searchbox', { name: 'Filter services' })).toHaveValue('fish');
  await expect(page.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => shownNames(page)).toEqual(descending);
});

test('open a service and reveal and copy its token', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await login(page, '/services');
  await table(page).getByRole('link', { name: 'fish-detector', exact: true }).click();
  await expect(page).toHaveURL(/\/services\/fish-detector$/);
  await expect(page.getByRole('heading', { level: 1, name: 'fish-detector' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Basics' })).toBeVisible();

  const token = await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.cluster.services.get('fish-detector')?.token ?? '');
  expect(token).toMatch(/^[0-9a-f]{64}$/);
  const section = page.getByRole('region', { name: 'Service token' });
  await expect(section).not.toContainText(token);
  await section.getByRole('button', { name: 'Reveal service token' }).click();
  await expect(section).toContainText(token);
  await section.getByRole('button', { name: 'Copy service token' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await section.getByRole('button', { name: 'Hide service token' }).click();
  await expect(section).not.toContainText(token);

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Services' }).click();
  await expect(page).toHaveURL(/\/services$/);
});

test('delete two services through the confirmation', async ({ page }) => {
  await login(page, '/services');
  await expect(table(page).getByRole('link', { name: 'grayify', exact: true })).toBeVisible();
  const before = await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.cluster.services.size);

  await page.getByRole('checkbox', { name: 'Select grayify', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Select grayifymount', exact: true }).check();
  await page.getByRole('button', { name: 'Delete 2 services' }).click();

  const dialog = page.getByRole('dialog', { name: 'Delete 2 services?' });
  await expect(dialog.getByRole('list', { name: 'Services to delete' }).getByRole('listitem')).toHaveText(['grayify', 'grayifymount']);
  await expect(dialog).toContainText('deletes the buckets it created');
  await dialog.getByRole('button', { name: 'Delete 2 services' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText('Deleted grayify, grayifymount')).toBeVisible();
  await expect(table(page).getByRole('link', { name: 'grayify', exact: true })).toHaveCount(0);
  await expect(table(page).getByRole('link', { name: 'grayifymount', exact: true })).toHaveCount(0);
  await expect(page.getByText(`${before - 2} services`, { exact: true })).toBeVisible();
  expect(await page.evaluate(() => [...(window as unknown as DemoWindow).__lagoonDemo.cluster.services.keys()].filter((n) => n.startsWith('grayify')))).toEqual([]);
});

test('5,000 services render and scroll to the last one', async ({ page }) => {
  // Add the services before the list is first fetched: a page reload would restart the in-memory cluster.
  await login(page, '/info');
  await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.cluster.addGeneratedServices(4980));
  const total = await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.cluster.services.size);
  expect(total).toBeGreaterThanOrEqual(5000);

  const started = Date.now();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
  await expect(page.getByText(`${total} services`, { exact: true })).toBeVisible();
  console.log(`list of ${total} services shown in ${Date.now() - started} ms`);
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(total + 1));
  // Only a window of rows is in the DOM.
  expect(await table(page).locator('tbody tr[aria-rowindex]').count()).toBeLessThan(80);

  const scroller = table(page).locator('xpath=..');
  const t = Date.now();
  for (let i = 1; i <= 10; i++) {
    await scroller.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), i / 10);
    await page.waitForTimeout(16);
  }
  const last = table(page).locator(`tbody tr[aria-rowindex="${total + 1}"]`);
  await expect(last).toBeVisible();
  console.log(`scrolled to row ${total} in ${Date.now() - t} ms`);
  const names = await page.evaluate(() => [...(window as unknown as DemoWindow).__lagoonDemo.cluster.services.keys()]);
  const expectedLast = [...names].sort(new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare).at(-1)!;
  await expect(last.getByRole('link')).toHaveText(expectedLast);
  expect(await table(page).locator('tbody tr[aria-rowindex]').count()).toBeLessThan(80);
});

for (const theme of ['light', 'dark'] as const) {
  test(`list, detail and info are accessible in ${theme} mode`, async ({ page }) => {
    await useTheme(page, theme);
    await login(page, '/services');
    await expect(table(page).getByRole('link', { name: 'cowsay', exact: true })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Select cowsay', exact: true }).check();
    await checkA11y(page, `services list (${theme})`);
    await page.screenshot({ path: test.info().outputPath(`services-${theme}.png`) });

    await page.getByRole('button', { name: 'Delete service' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await checkA11y(page, `delete dialog (${theme})`);
    await page.screenshot({ path: test.info().outputPath(`services-delete-${theme}.png`) });
    await page.getByRole('button', { name: 'Cancel' }).click();

    await table(page).getByRole('link', { name: 'fish-detector', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Basics' })).toBeVisible();
    await page.getByRole('button', { name: 'Reveal service token' }).click();
    await checkA11y(page, `service detail (${theme})`);
    await page.screenshot({ path: test.info().outputPath(`service-detail-${theme}.png`), fullPage: true });

    await page.goto('/services/no-such-service');
    await expect(page.getByRole('heading', { name: 'No service named no-such-service' })).toBeVisible();
    await checkA11y(page, `missing service (${theme})`);

    await page.goto('/info');
    await expect(page.getByRole('region', { name: 'MinIO storage' }).getByRole('button', { name: 'Reveal Secret key' })).toBeVisible();
    await checkA11y(page, `info (${theme})`);
    await page.screenshot({ path: test.info().outputPath(`info-${theme}.png`), fullPage: true });
  });
}

/** The text of one column of the rendered rows (1-based, the selection box being the first). */
async function column(page: Page, n: number): Promise<string[]> {
  return table(page).locator(`tbody tr[aria-rowindex] td:nth-child(${n})`).allTextContents();
}

const BYTES: Record<string, number> = { '': 1, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, k: 1e3, M: 1e6, G: 1e9 };
const bytes = (q: string) => {
  const m = /^([\d.]+)\s*([KMG]i?|k)?$/.exec(q.trim());
  return m ? Number(m[1]) * (BYTES[m[2] ?? ''] ?? NaN) : NaN;
};

test('visibility and "Only mine" filters, and CPU and Memory sorted as columns, kept in the URL (PARITY S1, S2)', async ({ page }) => {
  await loginAsDemoUser(page, 'Ana García', '/services');
  await expect(table(page)).toBeVisible();
  const all = await shownNames(page);
  expect(new Set(await column(page, 9)).size).toBeGreaterThan(1);

  // Click, then wait: the boxes follow the URL, which the click changes a moment later.
  await page.getByRole('checkbox', { name: 'Public' }).click();
  await expect(page).toHaveURL(/[?&]vis=public/);
  await expect.poll(async () => [...new Set(await column(page, 9))]).toEqual(['public']);
  await page.getByRole('checkbox', { name: 'Public' }).click();
  await expect(page.getByRole('checkbox', { name: 'Public' })).not.toBeChecked();

  // By keyboard: Space on the checkbox.
  await page.getByRole('checkbox', { name: 'Only mine' }).focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/[?&]mine=1/);
  await expect.poll(async () => new Set(await column(page, 8)).size).toBe(1);
  const [owner] = await column(page, 8);
  expect(owner).not.toBe('cluster_admin');
  const mine = await shownNames(page);
  expect(mine.length).toBeGreaterThan(0);
  expect(mine.length).toBeLessThan(all.length);
  await reloadDemo(page);
  await expect(page.getByRole('checkbox', { name: 'Only mine' })).toBeChecked();
  await expect.poll(() => shownNames(page)).toEqual(mine);
  await page.getByRole('checkbox', { name: 'Only mine' }).click();
  await expect(page).not.toHaveURL(/mine=1/);

  await page.getByRole('button', { name: 'Memory', exact: true }).click();
  await expect(page).toHaveURL(/sort=memory&dir=asc/);
  await expect(page.getByRole('columnheader', { name: /^Memory/ })).toHaveAttribute('aria-sort', 'ascending');
  const memory = (await column(page, 6)).filter((t) => t !== '—').map(bytes);
  expect(memory.every((b) => Number.isFinite(b))).toBe(true);
  expect(memory).toEqual([...memory].sort((a, b) => a - b));
  expect(new Set(memory).size).toBeGreaterThan(1);

  await page.getByRole('button', { name: 'CPU', exact: true }).click();
  await page.getByRole('button', { name: 'CPU', exact: true }).click();
  await expect(page).toHaveURL(/sort=cpu&dir=desc/);
  const cpu = (await column(page, 5)).filter((t) => t !== '—').map(Number);
  expect(cpu).toEqual([...cpu].sort((a, b) => b - a));
});
