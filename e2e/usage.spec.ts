import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkA11y, login, useTheme } from './support/app';
import { SERVICES, startPrometheus, type RunningPrometheus } from './support/prometheus';

interface DemoWindow {
  __lagoonDemo: { fault(spec: unknown): () => void; clearFaults(): void };
}

const figure = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });
const totals = (page: Page) => page.getByRole('list', { name: 'Totals for the period' });

/** Waits until a chart has loaded all its periods and drawn its plot. */
async function drawn(page: Page, name: string) {
  const f = figure(page, name);
  await expect(f).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  await expect(f.getByTestId('chart-plot').locator('svg.recharts-surface').first()).toBeVisible();
  return f;
}

/** A tiny RFC 4180 reader for the downloaded file. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

test.describe('usage on the demo cluster', () => {
  test('ranges change the URL and the charts; brushing zooms in', async ({ page }) => {
    await login(page, '/usage');
    await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible();
    await expect(totals(page).getByRole('listitem').filter({ hasText: 'CPU hours' })).toContainText(/\d h/);
    const requests = await drawn(page, 'Requests');
    await expect(requests).toContainText('Requests each 6 hours');

    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: '30 days' }).click();
    await expect(page).toHaveURL(/\/usage\?range=30d$/);
    await expect(requests).toContainText('Requests each day');
    await drawn(page, 'Requests');
    await expect(requests.getByTestId('chart-plot')).toHaveAttribute('data-points', /^3[01]$/);

    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: '24 h' }).click();
    await expect(page).toHaveURL(/range=24h/);
    await expect(requests).toContainText('Requests each hour');
    await drawn(page, 'Requests');
    await page.goBack();
    await expect(page).toHaveURL(/range=30d/);
    await expect(requests).toContainText('Requests each day');

    // Brush: drag the left handle of the 30-day chart two thirds of the way right.
    await drawn(page, 'Requests');
    const handles = requests.getByRole('slider');
    await handles.last().scrollIntoViewIfNeeded();
    const left = await handles.first().boundingBox();
    const right = await handles.last().boundingBox();
    if (!left || !right) throw new Error('the brush handles are not on screen');
    await page.mouse.move(left.x + left.width / 2, left.y + left.height / 2);
    await page.mouse.down();
    await page.mouse.move(left.x + (right.x - left.x) * 0.67, left.y + left.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect(page).toHaveURL(/start=.*&end=/);
    const url = new URL(page.url());
    const days =
      (Date.parse(url.searchParams.get('end')!) - Date.parse(url.searchParams.get('start')!)) / 86_400_000;
    expect(days).toBeGreaterThan(8);
    expect(days).toBeLessThan(12);
    await expect(page.getByRole('button', { name: 'Custom…' })).toHaveAttribute('aria-pressed', 'true');
    // About ten days at most 60 periods: finer than a day.
    await expect(requests).toContainText('Requests each 6 hours');
  });

  test('the breakdown exports the same rows as its table', async ({ page }) => {
    await login(page, '/usage?range=30d&by=user');
    const table = page.getByRole('table', { name: 'Usage by user' });
    await expect(table).toBeVisible({ timeout: 20_000 });
    const rowCount = Number(await table.getAttribute('aria-rowcount')) - 1;
    expect(rowCount).toBeGreaterThan(3);
    const firstUser = (await table.getByRole('row').nth(1).getByRole('cell').first().textContent())?.trim();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^oscar-usage-by-user-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const rows = csvRows(readFileSync((await download.path())!, 'utf8'));
    expect(rows[0]).toEqual(expect.arrayContaining(['key', 'membership', 'requests_count_total']));
    expect(rows.slice(1)).toHaveLength(rowCount);
    const key = rows[0]!.indexOf('key');
    expect(rows[1]![key]).toBe(firstUser);
    // Every row is a user with a VO and a whole number of requests.
    const total = rows[0]!.indexOf('requests_count_total');
    for (const r of rows.slice(1)) expect(r[total]).toMatch(/^\d+$/);
  });

  test('a failing source warns, a refused range is explained beside the chart, and the page keeps working', async ({
    page,
  }) => {
    await login(page, '/usage?range=24h');
    await drawn(page, 'CPU and GPU hours');
    // The demo's ingress logs lag: a plain warning, not an alarm.
    await expect(
      page.getByRole('status').filter({ hasText: 'Some figures may be incomplete' }),
    ).toContainText('ingress-logs is degraded');

    const now = new Date().toISOString();
    const failing = {
      totals: {
        cpu_hours_total: 3,
        gpu_hours_total: 0,
        requests_count_sync: 5,
        requests_count_async: 0,
        requests_count_exposed: 0,
        requests_count_total: 5,
      },
      sources: [
        {
          name: 'prometheus',
          status: 'error',
          last_updated: now,
          notes: 'Prometheus did not answer: connection refused',
        },
        { name: 'minio-audit', status: 'ok', last_updated: now },
      ],
    };
    await page.evaluate(
      (body) =>
        (window as unknown as DemoWindow).__lagoonDemo.fault({
          method: 'GET',
          path: '/system/metrics',
          status: 200,
          body,
        }),
      JSON.stringify(failing),
    );
    await page.getByRole('button', { name: 'Refresh now' }).click();
    const alarm = page.getByRole('alert').filter({ hasText: 'Some figures are missing data' });
    await expect(alarm).toContainText('prometheus is error: Prometheus did not answer: connection refused');
    await expect(
      page.getByRole('list', { name: 'Sources of the figures' }).getByRole('listitem').first(),
    ).toContainText(/prometheus\s*error/);

    await page.evaluate(() => {
      const demo = (window as unknown as DemoWindow).__lagoonDemo;
      demo.clearFaults();
      demo.fault('GET /system/metrics 400 invalid range: start must be before end');
    });
    await page.getByRole('button', { name: 'Refresh now' }).click();
    const compute = figure(page, 'CPU and GPU hours');
    await expect(compute.getByRole('alert')).toContainText(
      'could not be loaded and are left blank: invalid range: start must be before end',
    );
    // Earlier periods were cached and still draw; the breakdown does not depend on the summary.
    await expect(compute.getByTestId('chart-plot')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Usage by service' })).toBeVisible();
    await page.evaluate(() => (window as unknown as DemoWindow).__lagoonDemo.clearFaults());
  });

  test('has no serious axe violations in light and dark; charts are named and have tables', async ({
    page,
  }, info) => {
    // axe takes about ten seconds a run on this page (every chart label is checked for contrast),
    // and twice that when the machine is busy.
    test.slow();
    await useTheme(page, 'light');
    await login(page, '/usage?range=7d');
    await drawn(page, 'CPU and GPU hours');
    await drawn(page, 'Requests');
    await expect(
      page.getByRole('figure', { name: 'Requests by service' }).getByTestId('chart-plot'),
    ).toBeVisible();
    const requests = figure(page, 'Requests');
    for (const theme of ['light', 'dark'] as const) {
      await page.getByLabel('Theme').selectOption(theme);
      await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
      await page.screenshot({ path: info.outputPath(`usage-${theme}.png`), fullPage: true });
      // One chart as its table, the others drawn: axe sees both forms (it takes ~10 s on this page).
      await requests.getByRole('button', { name: 'Show as table' }).click();
      await expect(
        requests
          .getByRole('table', { name: 'Requests' })
          .getByRole('columnheader', { name: 'Synchronous', exact: true }),
      ).toBeVisible();
      await checkA11y(page, `usage ${theme}`);
      await requests.getByRole('button', { name: 'Show as chart' }).click();
    }
  });
});

test.describe('usage against a real Prometheus', () => {
  let prometheus: RunningPrometheus | undefined;

  // eslint-disable-next-line no-empty-pattern -- Playwright wants the fixtures argument destructured
  test.beforeAll(async ({}, info) => {
    info.setTimeout(120_000);
    const origin = new URL(String(info.project.use.baseURL)).origin;
    prometheus = await startPrometheus(origin);
  });
  test.afterAll(async () => {
    await prometheus?.stop();
  });

  test('query_range draws the hours, memory and CPU by service; a stopped Prometheus is explained', async ({
    page,
  }) => {
    const prom = prometheus!;
    const answered: number[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(`${prom.url}/api/v1/query_range`)) answered.push(r.status());
    });
    await login(page, '/usage?range=24h');
    await page.getByLabel('Prometheus address').fill(prom.url);
    await page.getByRole('button', { name: 'Use this Prometheus' }).click();
    await expect(
      page.getByText(`Using Prometheus at ${prom.url}, saved in this browser for this cluster.`),
    ).toBeVisible();

    const compute = await drawn(page, 'CPU and GPU hours');
    await expect(compute).toContainText('Hours used each 5 minutes, from Prometheus.');
    // 1 + 0.5 + 0.25 cores for 24 hours (and the few minutes the first period starts early).
    const cores = SERVICES.reduce((s, x) => s + x.cores, 0);
    const cpu = await compute.getByRole('button', { name: /^CPU hours/ }).textContent();
    expect(Number(cpu?.match(/([\d.]+) h/)?.[1])).toBeCloseTo(cores * 24, -0.5);
    await expect(compute.getByRole('button', { name: /^GPU hours/ })).toContainText(/2[45](\.\d+)? h/);

    const byService = await drawn(page, 'CPU hours by service');
    for (const s of SERVICES)
      await expect(byService.getByRole('button', { name: new RegExp(`^${s.name}`) })).toBeVisible();
    await byService.getByRole('button', { name: 'Show as table' }).click();
    await expect(
      byService.getByRole('table').getByRole('columnheader', { name: 'yolo-detector' }),
    ).toBeVisible();
    await expect(totals(page).getByRole('listitem').filter({ hasText: 'Memory in use' })).toContainText(
      '8.25 GiB',
    );
    expect(answered.length).toBeGreaterThanOrEqual(4);
    expect(answered.every((s) => s === 200)).toBe(true);

    await prom.stop();
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(compute.getByRole('alert')).toContainText(`Prometheus at ${prom.url} did not answer`);
    await expect(compute).toContainText('from OSCAR’s totals');
    await expect(figure(page, 'Memory in use').getByRole('alert')).toContainText('did not answer');
    await expect(totals(page).getByRole('listitem').filter({ hasText: 'CPU hours' })).toContainText(/\d h/);
  });
});
