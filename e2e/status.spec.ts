import { expect, test } from '@playwright/test';
import { checkA11y, login, useTheme } from './support/app';

interface DemoWindow {
  __lagoonDemo: { fault(spec: string): () => void; clearFaults(): void };
}

test('the status page shows each node’s resources as bars with words, OSCAR and MinIO', async ({ page }) => {
  await login(page, '/status');
  await expect(page.getByRole('heading', { level: 1, name: 'Cluster status' })).toBeVisible();
  const nodes = page.getByRole('list', { name: 'Nodes' });
  await expect(nodes.getByRole('listitem', { name: /./ })).toHaveCount(4);

  const worker = nodes.getByRole('listitem', { name: 'oscar-wn-01' });
  const cpu = worker.getByRole('meter', { name: 'CPU requested' });
  await expect(cpu).toHaveAttribute('aria-valuetext', '9 cores of 16 cores requested (56%), 7 cores in use');
  await expect(cpu).toHaveAttribute('aria-valuenow', '56');
  await expect(worker).toContainText('30 GiB of 64 GiB requested (47%), 27 GiB in use');
  await expect(worker).toContainText('Ready: yes');
  await expect(worker).toContainText('MemoryPressure: no');

  const vk = nodes.getByRole('listitem', { name: 'vega-new-vk' });
  await expect(vk).toContainText('interLink virtual node');
  await expect(vk).toContainText('4 on this node');

  const cluster = page.getByRole('region', { name: 'Cluster', exact: true });
  await expect(cluster.getByRole('meter', { name: 'CPU requested' })).toHaveAttribute(
    'aria-valuetext',
    /cores of 40 cores requested/,
  );
  await expect(cluster).toContainText('GPUs: 5 in the cluster');
  const oscar = page.getByRole('region', { name: 'OSCAR' });
  await expect(oscar).toContainText('2 ready, 2 available, of 2');
  await expect(oscar.getByRole('list', { name: 'Pods by state' })).toContainText('Running');
  await expect(page.getByRole('region', { name: 'MinIO storage' })).toContainText(/Buckets\s*\d+/);

  // A failed refresh keeps the last figures and says so; the next one recovers.
  await page.evaluate(() =>
    (window as unknown as DemoWindow).__lagoonDemo.fault('GET /system/status 500 metrics server unavailable'),
  );
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert')).toContainText('The last refresh failed', { timeout: 20_000 });
  await expect(worker).toContainText('9 cores of 16 cores requested');
  await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.clearFaults());
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the administrator sees the calls OSCAR logged, per period and per service', async ({ page }) => {
  await login(page, '/status');
  const calls = page.getByRole('region', { name: 'Calls to services' });
  await expect(calls.getByTestId('executions-summary')).toHaveText(/^\d[\d,]* calls? since .+, (none|[\d,]+) failed/);
  await expect(calls.getByRole('figure', { name: 'Calls per period' })).toBeVisible();
  const rows = calls.getByRole('table').getByRole('row');
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText(/^\d/);
  // The administrator can ask again; the figures stay while the log is read.
  await calls.getByRole('button', { name: 'Refresh calls' }).click();
  await expect(calls.getByTestId('executions-summary')).toBeVisible();
});

test('the status page has no serious axe violations in light and dark', async ({ page }, info) => {
  await useTheme(page, 'light');
  await login(page, '/status');
  await expect(page.getByRole('list', { name: 'Nodes' }).getByRole('listitem', { name: /./ })).toHaveCount(4);
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
    await page.screenshot({ path: info.outputPath(`status-${theme}.png`), fullPage: true });
    await checkA11y(page, `status ${theme}`);
  }
});
