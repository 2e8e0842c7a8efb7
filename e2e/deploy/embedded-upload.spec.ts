// The public upload page inside an OSCAR cluster (the embedded build at /ui/, hash routes, the demo
// cluster's API and S3 on the same origin, as e2e/deploy/embedded.spec.ts serves it): the link is
// <cluster>/ui/#/upload#…, opens with no session, and the OSCAR Dashboard's #/upload?presignedUrl=… lands
// on it too.
import { expect, test, type Browser } from '@playwright/test';
import { startDemoServer, type Running } from '../support/deploy-servers';

const DIST = process.env.LAGOON_EMBEDDED_DIST ?? 'dist-embedded';
const BASIC = `Basic ${Buffer.from('oscar:lagoon-demo').toString('base64')}`;
let cluster: Running;

test.describe.configure({ mode: 'default', timeout: 180_000 });
test.beforeAll(async () => {
  cluster = await startDemoServer(['--ui', DIST]);
});
test.afterAll(async () => {
  await cluster?.stop();
});

async function sendOne(browser: Browser, address: string, name: string, text: string): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const api: string[] = [];
  page.on('request', (r) => {
    if (/\/system\//.test(r.url())) api.push(r.url());
  });
  await page.goto(address);
  await expect(page.getByRole('heading', { name: 'Send files' })).toBeVisible();
  await page.getByLabel('Files to send').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.getByText('1 of 1 sent')).toBeVisible();
  await context.close();
  return api;
}

async function objectNames(bucket: string): Promise<string[]> {
  const res = await fetch(`${cluster.url}/system/buckets/${bucket}`, { headers: { Authorization: BASIC } });
  return ((await res.json()) as { objects?: { object_name?: string }[] }).objects?.map((o) => o.object_name ?? '') ?? [];
}

test('Request files makes a /ui/#/upload#… link; a browser with no session sends a file with it, without calling OSCAR', async ({ page, browser }) => {
  await page.goto(`${cluster.url}/ui/#/buckets/grayify/`);
  await page.getByLabel('Username').fill('oscar');
  await page.getByLabel(/^Password/).fill('lagoon-demo');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('button', { name: 'Request files' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request files' });
  await dialog.getByRole('spinbutton', { name: 'Number of files' }).fill('1');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const address = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(address.startsWith(`${cluster.url}/ui/#/upload#v1.`)).toBe(true);
  const api = await sendOne(browser, address, 'from-a-stranger.txt', 'hello');
  expect(api).toEqual([]);
  expect((await objectNames('grayify')).some((k) => /^upload-\d{8}-[0-9a-z]{4}-1$/.test(k))).toBe(true);
});

test("the OSCAR Dashboard's #/upload?presignedUrl=… link, at the cluster's root, lands on the page and works", async ({ browser }) => {
  const res = await fetch(`${cluster.url}/system/buckets/grayify/presign`, {
    method: 'POST',
    headers: { Authorization: BASIC, 'Content-Type': 'application/json' },
    body: JSON.stringify({ object_key: 'legacy/photo.txt', operation: 'upload', expires_in: 900 }),
  });
  const p = (await res.json()) as { url: string; headers?: Record<string, string> };
  const legacy = `${cluster.url}/#/upload?presignedUrl=${encodeURIComponent(p.url)}&content-type=${encodeURIComponent(p.headers?.['Content-Type'] ?? '')}`;
  await sendOne(browser, legacy, 'mine.txt', 'from the old link');
  expect(await objectNames('grayify')).toContain('legacy/photo.txt');
});
