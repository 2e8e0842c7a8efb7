// Lagoon hosted on its own, as the Dockerfile ships it: Debian's nginx with deploy/nginx/lagoon.conf.template
// (SPA fallback, caching, precompressed files, Content-Security-Policy and other headers), the template's
// values computed by deploy/docker-entrypoint.sh, serving the production build; the cluster is the demo
// cluster over real HTTP on another origin (CORS as OSCAR's ingress answers it). Every journey runs with no
// CSP violation and no console error, and a reload on every route works.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, startNginx, type Running } from '../support/deploy-servers';

const DIST = process.env.LAGOON_DIST ?? 'dist';
let cluster: Running;
let site: Running;

// Several full page loads per test on a shared 2-core machine.
test.describe.configure({ mode: 'default', timeout: 180_000 });
test.beforeAll(async () => {
  cluster = await startDemoServer();
  execFileSync(process.execPath, ['scripts/precompress.mjs', DIST]);
  // The container's start-up step, run as it runs there, gives the template its values.
  const connectSrc = execFileSync('sh', ['-c', '. deploy/docker-entrypoint.sh && printf %s "$LAGOON_CONNECT_SRC"'], {
    env: { PATH: process.env.PATH, LAGOON_ROOT: DIST, LAGOON_CLUSTERS: cluster.url },
  }).toString();
  expect(connectSrc).toContain(cluster.url);
  site = await startNginx(DIST, { LAGOON_CONNECT_SRC: connectSrc });
});
test.afterAll(async () => {
  await site?.stop();
  await cluster?.stop();
});

interface Watch {
  problems: string[];
}

/** Records CSP violations (the DOM event) and console errors of the page from its first script on. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { problems: [] };
  await page.exposeFunction('__reportCsp', (s: string) => w.problems.push(`CSP: ${s}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __reportCsp(s: string): Promise<void> }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') w.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.problems.push(`page error: ${e.message}`));
  return w;
}

async function logIn(page: Page) {
  await page.goto(`${site.url}/login`);
  await page.getByLabel('Cluster endpoint').fill(cluster.url);
  await page.getByLabel('Username').fill('oscar');
  await page.getByLabel(/^Password/).fill('lagoon-demo');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(`${site.url}/services`);
}

test('headers: CSP, framing, referrer, sniffing; hashed assets cached for good, index.html and config.json never; gzip files served', async ({
  request,
}) => {
  const index = await request.get(`${site.url}/services/grayify`);
  expect(index.status()).toBe(200);
  const h = index.headers();
  expect(h['content-security-policy']).toMatch(/script-src 'self';/);
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).toContain(`connect-src 'self' `);
  expect(h['content-security-policy']).toContain(cluster.url);
  // The apps' templates (config.json "apps") are fetched from their origin: it is in connect-src too.
  expect(h['content-security-policy']).toContain('https://raw.githubusercontent.com');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['cache-control']).toBe('no-cache');
  expect(await index.text()).toContain('<div id="root">');

  const config = await request.get(`${site.url}/config.json`);
  expect(config.headers()['cache-control']).toBe('no-cache');
  expect(config.headers()['content-security-policy']).toBeTruthy();

  const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(await index.text())![1]!;
  const asset = await request.get(`${site.url}${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(asset.headers()['cache-control']).toMatch(/max-age=3\d{8}/);
  expect(asset.headers()['content-encoding']).toBe('gzip');
  expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  const missing = await request.get(`${site.url}/assets/nope-123.js`);
  expect(missing.status()).toBe(404);
});

test('the main journeys run with no CSP violation and no console error', async ({ page }) => {
  test.setTimeout(180_000);
  const w = await watch(page);
  await logIn(page);
  await expect(page.getByRole('table', { name: 'Services' }).getByRole('link', { name: 'grayify', exact: true })).toBeVisible();

  // The editor: Monaco and its workers (YAML language service).
  await page.goto(`${site.url}/services/grayify/edit`);
  await page.getByRole('tab', { name: /YAML/ }).click();
  await expect(page.getByRole('group', { name: 'Service FDL (YAML)', exact: true }).locator('.monaco-editor')).toBeVisible();
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);

  // Invoke.
  await page.goto(`${site.url}/services/cowsay/invoke`);
  await page.getByLabel('Text to send').fill('Hello through nginx');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Answer' }).getByText('< Hello through nginx >')).toBeVisible();

  // Upload into an input folder: S3 on the cluster's origin, signed in the page.
  await page.goto(`${site.url}/buckets/grayify/in/`);
  await page.getByTestId('bucket-drop-zone').waitFor();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(4096).fill(9)], 'dog.png', { type: 'image/png' }));
    const zone = document.querySelector('[data-testid=bucket-drop-zone]')!;
    zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  await expect(page.getByRole('region', { name: 'Uploads' })).toContainText(/All done: 1 uploaded/);

  // The job it started, and its log.
  await page.goto(`${site.url}/jobs?service=grayify`);
  await page.getByRole('row').filter({ hasText: 'dog.png' }).getByRole('link').first().click();
  await expect(page.getByRole('region', { name: /^Log of job grayify-/ }).locator('[data-line]').first()).toBeVisible({ timeout: 30_000 });

  // Usage charts.
  await page.goto(`${site.url}/usage`);
  const requests = page.getByRole('figure', { name: 'Requests', exact: true });
  await expect(requests).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  await expect(requests.getByTestId('chart-plot').locator('svg.recharts-surface').first()).toBeVisible();

  expect(w.problems).toEqual([]);
});

test('a reload on every route works, in light and dark, with no CSP violation', async ({ page }) => {
  test.setTimeout(180_000);
  const w = await watch(page);
  await logIn(page);
  const routes: [string, RegExp][] = [
    ['/services', /Services/],
    ['/services/new', /Create service|New service/],
    ['/services/grayify', /grayify/],
    ['/services/grayify/edit', /grayify/],
    ['/services/grayify/deployment', /grayify/],
    ['/services/cowsay/invoke', /Invoke cowsay/],
    ['/buckets', /Buckets/],
    ['/buckets/grayify/in/', /grayify/],
    ['/jobs?service=grayify', /Jobs/],
    ['/invocations', /Invocations|History/],
    ['/usage', /Usage/],
    ['/status', /Cluster status/],
    ['/info', /Cluster info/],
  ];
  for (const [route, heading] of routes) {
    await page.goto(`${site.url}${route}`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: heading }), route).toBeVisible();
  }
  // The theme script is a file now, and still applies the saved theme before the app starts.
  await page.evaluate(() => localStorage.setItem('lagoon.theme', 'dark'));
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
  await page.screenshot({ path: 'test-results/hosted-dark.png' });
  expect(w.problems).toEqual([]);
});
