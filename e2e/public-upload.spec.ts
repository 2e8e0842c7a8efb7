// The public upload page (PARITY B4) against a real S3 server (s3rver on 127.0.0.1): a folder's "Request
// files" makes the link in the app (the demo cluster points /system/config at s3rver, as in uploads.spec),
// and a browser with no session opens it, sends files by picker, by drop and by keyboard, a 200 MB file,
// and meets an expired link and a refused PUT. Screenshots go to /work/notes/shots/public-upload/ when that
// folder exists (outside the repository).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, open as openFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkA11y, login } from './support/app';
import { startS3, type TestS3 } from './support/s3-server';
import { presignUrl } from '../src/lib/s3/sign';
import { decodeUploadLink, encodeUploadLink } from '../src/lib/public-upload/link';

const BUCKET = 'shared-models';
const FOLDER = 'inbox/';
const MiB = 1024 * 1024;
const SHOTS = '/work/notes/shots/public-upload';
let s3: TestS3;
let dir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  s3 = await startS3([BUCKET]);
  dir = await mkdtemp(path.join(tmpdir(), 'lagoon-public-upload-'));
});
test.afterAll(async () => {
  await s3?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function shot(page: Page, name: string) {
  if (existsSync(SHOTS)) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Logs in to the demo (its storage is s3rver), opens the folder and makes a link from "Request files". */
async function requestLink(page: Page, o: { files: number; expiry: '1 hour' | '1 day' | '7 days'; theme?: 'light' | 'dark'; keyboard?: boolean }): Promise<string> {
  await page.addInitScript(
    ({ cfg, theme }) => {
      (globalThis as { __lagoonS3External?: unknown }).__lagoonS3External = cfg;
      if (theme) localStorage.setItem('lagoon.theme', theme);
    },
    { cfg: { endpoint: s3.endpoint, accessKey: s3.accessKey, secretKey: s3.secretKey, region: s3.region }, theme: o.theme },
  );
  await login(page, `/buckets/${BUCKET}/${FOLDER}`);
  const dialog = page.getByRole('dialog', { name: 'Request files' });
  if (o.keyboard) {
    // From the toolbar's button to a link, by keyboard: the radios move with the arrows, Enter in the
    // number field makes the link.
    await page.getByRole('button', { name: 'Request files' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    // The modal takes the focus itself; the first Tab reaches the chosen expiry.
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('radio', { name: '1 day' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(dialog.getByRole('radio', { name: o.expiry })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('spinbutton', { name: 'Number of files' })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(o.files));
    await page.keyboard.press('Enter');
  } else {
    await page.getByRole('button', { name: 'Request files' }).click();
    await dialog.getByRole('radio', { name: o.expiry }).check();
    await dialog.getByRole('spinbutton', { name: 'Number of files' }).fill(String(o.files));
    await dialog.getByRole('button', { name: 'Create link' }).click();
  }
  const link = dialog.getByRole('textbox', { name: 'Link' });
  await expect(link).toHaveValue(/\/upload#v1\./);
  await expect(dialog).toContainText(/Expires .+\. Files arrive as upload-/);
  return link.inputValue();
}

/** A browser with nothing of the requester's: no session, no demo, no storage. */
async function stranger(browser: Browser, theme: 'light' | 'dark' = 'light'): Promise<{ page: Page; requests: URL[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ colorScheme: theme });
  const page = await context.newPage();
  const requests: URL[] = [];
  page.on('request', (r) => void requests.push(new URL(r.url())));
  return { page, requests, close: () => context.close() };
}

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  const f = await openFile(file);
  for await (const chunk of f.createReadStream()) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The keys s3rver holds under the folder, read over S3's own listing. */
async function keysIn(prefix: string): Promise<string[]> {
  const res = await fetch(`${s3.endpoint}/${BUCKET}?list-type=2&prefix=${encodeURIComponent(prefix)}`);
  return [...(await res.text()).matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]!);
}

const row = (page: Page, name: string) => page.locator(`li[data-file="${name}"]`);

test('a link from a folder takes files by picker and by drop in a browser with no session; they arrive byte-identical with their names', async ({ page, browser }) => {
  const address = await requestLink(page, { files: 3, expiry: '1 day' });
  await shot(page, 'request-files-dialog-light');
  expect(new URL(address).pathname).toBe('/upload');
  const before = new Set(await keysIn(FOLDER));

  const { page: p, requests, close } = await stranger(browser);
  await p.goto(address);
  await expect(p.getByRole('heading', { name: 'Send files' })).toBeVisible();
  await expect(p.getByText(`${BUCKET}/${FOLDER}`, { exact: true })).toBeVisible();
  await expect(p.getByText(/This link expires in 24 hours/)).toBeVisible();
  await expect(p.getByText(/Up to 3 files, each up to 5 GiB/)).toBeVisible();
  await expect(p).toHaveTitle(`Send files to ${BUCKET}/${FOLDER} · OSCAR`);

  // By the picker: two files at once.
  const a = path.join(dir, 'Résumé 2025.pdf');
  const b = path.join(dir, 'counts.csv');
  await writeFile(a, randomBytes(300 * 1024));
  await writeFile(b, 'site,count\nA,3\nB,5\n');
  await p.getByLabel('Files to send').setInputFiles([a, b]);
  await expect(p.getByText('2 of 2 sent')).toBeVisible();
  await expect(row(p, 'Résumé 2025.pdf').getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(row(p, 'counts.csv')).toContainText('Sent');

  // By drop: a file made in the page.
  const dropped = await p.evaluate(async () => {
    const bytes = new Uint8Array(64 * 1024).map((_, i) => (i * 31) & 255);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped.bin', { type: 'application/octet-stream' }));
    const zone = document.querySelector('[data-testid=public-drop-zone]')!;
    zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    const d = await crypto.subtle.digest('SHA-256', bytes);
    return [...new Uint8Array(d)].map((x) => x.toString(16).padStart(2, '0')).join('');
  });
  await expect(p.getByText('3 of 3 sent')).toBeVisible();
  await expect(p.getByText('All the places on this link are used')).toBeVisible();
  await expect(p.getByRole('button', { name: 'Choose files' })).toBeDisabled();
  await shot(p, 'public-upload-light');
  await checkA11y(p, 'public upload light');

  // Three new objects in the folder, in slot order, byte-identical, each with its sender's name kept.
  const added = (await keysIn(FOLDER)).filter((k) => !before.has(k)).sort((x, y) => Number(x.split('-').pop()) - Number(y.split('-').pop()));
  expect(added).toHaveLength(3);
  expect(added.map((k) => k.split('-').pop())).toEqual(['1', '2', '3']);
  expect(await s3.sha256(BUCKET, added[0]!)).toBe(await sha256(a));
  expect(await s3.sha256(BUCKET, added[1]!)).toBe(await sha256(b));
  expect(await s3.sha256(BUCKET, added[2]!)).toBe(dropped);
  const head = await fetch(`${s3.endpoint}/${BUCKET}/${added[0]!}`, { method: 'HEAD' });
  expect(head.headers.get('content-disposition')).toContain("filename*=UTF-8''R%C3%A9sum%C3%A9%202025.pdf");

  // Only the app's own files and the storage: never the OSCAR API, the demo or anything else.
  const hosts = new Set(requests.map((u) => u.origin));
  expect([...hosts].sort()).toEqual([new URL(address).origin, s3.endpoint].sort());
  const text = await p.locator('body').innerText();
  expect(text).not.toContain('127.0.0.1');
  expect(text).not.toContain(new URL(s3.endpoint).port);
  expect(text).not.toMatch(/X-Amz|demo\.lagoon|oscar/i);
  await close();
});

test('a 200 MB file arrives byte-identical in one PUT, with progress on the way', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const address = await requestLink(page, { files: 1, expiry: '1 hour' });
  const big = path.join(dir, 'survey-200mb.bin');
  const f = await openFile(big, 'w');
  const h = createHash('sha256');
  for (let i = 0; i < 200; i++) {
    const chunk = randomBytes(MiB);
    h.update(chunk);
    await f.write(chunk);
  }
  await f.close();
  const hash = h.digest('hex');
  const before = new Set(await keysIn(FOLDER));

  const { page: p, close } = await stranger(browser);
  await p.goto(address);
  await expect(p.getByText(/One file, each up to 5 GiB/)).toBeVisible();
  await p.getByLabel('Files to send').setInputFiles(big);
  const bar = row(p, 'survey-200mb.bin').getByRole('progressbar');
  // Progress on the way: a value strictly between nothing and all, before the end.
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 120_000 }).toBeGreaterThan(0);
  await expect(p.getByText('1 of 1 sent')).toBeVisible({ timeout: 150_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  const added = (await keysIn(FOLDER)).filter((k) => !before.has(k));
  expect(added).toHaveLength(1);
  expect(await s3.sha256(BUCKET, added[0]!)).toBe(hash);
  expect(s3.requests.filter((r) => r.key === added[0] && r.method === 'PUT')).toHaveLength(1);
  await close();
  await rm(big);
});

/** A link signed in this test, as the app signs one, at a time of our choosing. */
async function signedLink(base: string, at: number, expiresIn: number, n = 1): Promise<string> {
  const c = { endpoint: s3.endpoint, region: s3.region, accessKey: s3.accessKey, secretKey: s3.secretKey };
  const urls = await Promise.all(Array.from({ length: n }, (_, i) => presignUrl(c, { method: 'PUT', bucket: BUCKET, key: `${FOLDER}old-${i + 1}`, expiresIn, now: at })));
  return `${base}/upload#${encodeUploadLink({ bucket: BUCKET, urls })}`;
}

test("an expired link says when it expired; one the page's clock thinks valid gets the storage's own refusal", async ({ browser, baseURL }) => {
  const address = await signedLink(baseURL!, Date.now() - 3 * 3600_000, 3600);
  const { page: p, close } = await stranger(browser, 'dark');
  await p.goto(address);
  const alert = p.getByRole('alert');
  await expect(alert).toContainText(/This link expired on .+\./);
  await expect(alert).toContainText('Ask the person who sent it for a new link.');
  await expect(p.getByRole('button', { name: 'Choose files' })).toHaveCount(0);
  await shot(p, 'public-upload-expired-dark');
  await checkA11y(p, 'expired link dark');
  await close();

  // A browser whose clock is three hours slow believes the link; s3rver does not.
  const slow = await stranger(browser);
  await slow.page.clock.install({ time: Date.now() - 3 * 3600_000 + 60_000 });
  await slow.page.goto(address);
  await expect(slow.page.getByText(/This link expires in/)).toBeVisible();
  const file = path.join(dir, 'late.txt');
  await writeFile(file, 'late');
  await slow.page.getByLabel('Files to send').setInputFiles(file);
  await expect(row(slow.page, 'late.txt')).toContainText('This upload link has expired. It said: AccessDenied: Request has expired');
  await slow.close();
});

test('keyboard only: pick with Enter; a refused PUT shows the server\'s words, and Retry works once the fault is cleared; axe in dark', async ({ page, browser }) => {
  const address = await requestLink(page, { files: 2, expiry: '7 days', theme: 'dark', keyboard: true });
  await shot(page, 'request-files-dialog-dark');
  await checkA11y(page, 'request files dialog dark');
  const before = new Set(await keysIn(FOLDER));
  s3.refusePuts(1, 'AccessDenied', 'Uploads to this bucket are paused by its owner.');

  const { page: p, close } = await stranger(browser, 'dark');
  await p.emulateMedia({ colorScheme: 'dark' });
  await p.goto(address);
  await expect(p.getByText(/This link expires in 7 days/)).toBeVisible();
  const file = path.join(dir, 'notes.txt');
  await writeFile(file, 'field notes\n');
  // Tab to the picker's button (the page's first control), open it with Enter.
  await p.keyboard.press('Tab');
  await expect(p.getByRole('button', { name: 'Choose files' })).toBeFocused();
  const chooser = p.waitForEvent('filechooser');
  await p.keyboard.press('Enter');
  await (await chooser).setFiles(file);
  await expect(row(p, 'notes.txt')).toContainText('The storage refused this upload. It said: AccessDenied: Uploads to this bucket are paused by its owner.');
  await expect(row(p, 'notes.txt')).toContainText('Failed');
  await shot(p, 'public-upload-refused-dark');
  await checkA11y(p, 'public upload refused dark');
  // The fault is over (s3rver refused only that one); Retry by keyboard.
  const retry = p.getByRole('button', { name: 'Retry notes.txt' });
  await p.getByRole('button', { name: 'Choose files' }).focus();
  await p.keyboard.press('Tab');
  await expect(retry).toBeFocused();
  await p.keyboard.press('Enter');
  await expect(p.getByText('1 of 1 sent')).toBeVisible();
  await expect(p.getByText(/\(1 left\)/)).toBeVisible();
  const added = (await keysIn(FOLDER)).filter((k) => !before.has(k));
  expect(added).toEqual([expect.stringMatching(/-1$/)]);
  expect(await s3.sha256(BUCKET, added[0]!)).toBe(createHash('sha256').update('field notes\n').digest('hex'));
  await shot(p, 'public-upload-dark');
  await close();
});

test("the OSCAR Dashboard's link (#/upload?presignedUrl=…) opens the page and sends its one file", async ({ browser, baseURL }) => {
  const c = { endpoint: s3.endpoint, region: s3.region, accessKey: s3.accessKey, secretKey: s3.secretKey };
  const url = await presignUrl(c, { method: 'PUT', bucket: BUCKET, key: `${FOLDER}from-dashboard.txt`, expiresIn: 900 });
  const { page: p, close } = await stranger(browser);
  await p.goto(`${baseURL}/#/upload?presignedUrl=${encodeURIComponent(url)}&content-type=text%2Fplain`);
  await expect(p).toHaveURL(/\/upload#presignedUrl=/);
  await expect(p.getByText(`${BUCKET}/${FOLDER}`, { exact: true })).toBeVisible();
  const file = path.join(dir, 'x.txt');
  await writeFile(file, 'from the old dashboard');
  await p.getByLabel('Files to send').setInputFiles(file);
  await expect(p.getByText('1 of 1 sent')).toBeVisible();
  expect(await s3.sha256(BUCKET, `${FOLDER}from-dashboard.txt`)).toBe(createHash('sha256').update('from the old dashboard').digest('hex'));
  await close();
});

test("in the demo, the link works in another tab: the page starts the demo's storage for it", async ({ page, browser }) => {
  await login(page, `/buckets/${BUCKET}/`);
  await page.getByRole('button', { name: 'Request files' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request files' });
  await dialog.getByRole('spinbutton', { name: 'Number of files' }).fill('2');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const address = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  const { page: p, close } = await stranger(browser);
  await p.goto(address);
  await p.getByLabel('Files to send').setInputFiles({ name: 'demo.txt', mimeType: 'text/plain', buffer: Buffer.from('demo bytes') });
  await expect(p.getByText('1 of 1 sent')).toBeVisible();
  // That tab's demo cluster (its own, as every tab's) holds the file under the link's first slot.
  const key = decodeUploadLink(new URL(address).hash).slots[0]!.key;
  const size = await p.evaluate(
    ({ bucket, key }) => (window as unknown as { __lagoonDemo: { cluster: { getObject(b: string, k: string): { size: number } | undefined } } }).__lagoonDemo.cluster.getObject(bucket, key)?.size,
    { bucket: BUCKET, key },
  );
  expect(size).toBe('demo bytes'.length);
  await close();
});
