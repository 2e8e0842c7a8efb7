// Uploads through the app into a real S3 server (s3rver on 127.0.0.1): byte-identical large files, a
// connection dropped mid-upload, a closed tab resumed from the stored parts, cancel aborting the multipart
// upload, folders, and a share link. The demo cluster answers the OSCAR API and points /system/config and
// presign at this server (mocks/handlers/s3.ts, via globalThis.__lagoonS3External).
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { login } from './support/app';
import { startS3, type TestS3 } from './support/s3-server';

const BUCKET = 'shared-models';
const MiB = 1024 * 1024;
let s3: TestS3;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  s3 = await startS3([BUCKET, 'grayify']);
});
test.afterAll(async () => {
  await s3?.stop();
});

async function open(page: Page, limits?: { files: number; parts: number }) {
  await page.addInitScript(
    ({ cfg, limits }) => {
      (globalThis as { __lagoonS3External?: unknown }).__lagoonS3External = cfg;
      if (limits) localStorage.setItem('lagoon.uploads.limits', JSON.stringify(limits));
    },
    { cfg: { endpoint: s3.endpoint, accessKey: s3.accessKey, secretKey: s3.secretKey, region: s3.region }, limits },
  );
  page.on('dialog', (d) => void d.accept());
  await login(page, `/buckets/${BUCKET}/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(BUCKET);
  await page.getByTestId('bucket-drop-zone').waitFor();
}

/**
 * Drops a file made in the page from a seed (the same seed makes the same bytes, name and date, as a
 * user would pick the same file again), and answers with its SHA-256.
 */
async function dropGenerated(page: Page, name: string, size: number, seed: number): Promise<string> {
  return page.evaluate(
    async ({ name, size, seed }) => {
      const bytes = new Uint8Array(size);
      let x = seed >>> 0 || 1;
      for (let i = 0; i < size; i += 4) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        x >>>= 0;
        bytes[i] = x & 255;
        bytes[i + 1] = (x >>> 8) & 255;
        bytes[i + 2] = (x >>> 16) & 255;
        bytes[i + 3] = x >>> 24;
      }
      const file = new File([bytes], name, { type: 'application/octet-stream', lastModified: 1_700_000_000_000 + seed });
      const dt = new DataTransfer();
      dt.items.add(file);
      const zone = document.querySelector('[data-testid=bucket-drop-zone]')!;
      zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
      const digest = await crypto.subtle.digest('SHA-256', bytes);
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    },
    { name, size, seed },
  );
}

const panel = (page: Page) => page.getByRole('region', { name: 'Uploads' });
const row = (page: Page, name: string) => panel(page).locator(`[data-upload-key$="${name}"]`);

/** A batch that ends well folds the panel's list away; open it to read the rows. */
async function showList(page: Page) {
  const show = panel(page).getByRole('button', { name: 'Show' });
  if (await show.isVisible()) await show.click();
}

test('a 50 MB file arrives byte-identical, in parallel parts, and shows in the listing', async ({ page }) => {
  await open(page);
  const before = s3.requests.length;
  const hash = await dropGenerated(page, 'sample-50mb.bin', 50 * MiB, 50);
  await expect(panel(page)).toContainText(/All done: 1 uploaded \(50\.0 MB\)/, { timeout: 50_000 });
  await showList(page);
  await expect(row(page, 'sample-50mb.bin')).toContainText('Done');
  expect(await s3.sha256(BUCKET, 'sample-50mb.bin')).toBe(hash);
  const parts = s3.requests.slice(before).filter((r) => r.method === 'PUT' && r.query.partNumber);
  expect(parts.length).toBe(7);
  await expect(page.getByRole('table', { name: `Objects in ${BUCKET}` }).getByRole('button', { name: 'sample-50mb.bin', exact: true })).toBeVisible();
  expect(await s3.inProgress(BUCKET)).toEqual([]);
});

test('a connection dropped mid-upload fails the file; Retry sends only the parts the server lacks', async ({ page }) => {
  await open(page, { files: 1, parts: 1 });
  // From the third part on, every part upload loses its connection after 64 KB.
  s3.dropParts(1000, 64 * 1024, 3);
  const hash = await dropGenerated(page, 'dropped.bin', 40 * MiB, 41);
  await expect(row(page, 'dropped.bin')).toContainText('Failed', { timeout: 30_000 });
  await expect(row(page, 'dropped.bin')).toContainText(/connection/i);
  const stored = (await s3.inProgress(BUCKET)).find((u) => u.key === 'dropped.bin')!.parts;
  expect(stored).toBe(2);
  const before = s3.partPuts('dropped.bin');
  s3.dropParts(0);
  await panel(page).getByRole('button', { name: 'Retry dropped.bin' }).click();
  await expect(panel(page)).toContainText(/All done: 1 uploaded/, { timeout: 50_000 });
  const after = s3.partPuts('dropped.bin');
  // The stored parts (the first ones, sent one at a time) were not sent again.
  for (let n = 1; n <= stored; n++) expect(after[n], `part ${n}`).toBe(before[n]);
  expect(Object.keys(after).length).toBe(5);
  expect(await s3.sha256(BUCKET, 'dropped.bin')).toBe(hash);
});

test('a closed tab resumes: the same file dropped again continues from the stored parts', async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await open(first, { files: 1, parts: 1 });
  // Parts 4 and 5 cannot get through, so the tab closes with three parts stored.
  s3.dropParts(1000, 64 * 1024, 4);
  const hash = await dropGenerated(first, 'resumed.bin', 40 * MiB, 77);
  await expect.poll(async () => (await s3.inProgress(BUCKET)).find((u) => u.key === 'resumed.bin')?.parts ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await first.close({ runBeforeUnload: false });
  s3.dropParts(0);

  const second = await context.newPage();
  await open(second, { files: 1, parts: 2 });
  await expect(row(second, 'resumed.bin')).toContainText('Interrupted');
  await expect(row(second, 'resumed.bin')).toContainText('Select resumed.bin (40.0 MB) again');
  // Three parts, or four if the browser itself re-sent the dropped one as the tab closed.
  const stored = (await s3.inProgress(BUCKET)).find((u) => u.key === 'resumed.bin')!.parts;
  expect(stored).toBeGreaterThanOrEqual(3);
  const before = s3.partPuts('resumed.bin');
  await dropGenerated(second, 'resumed.bin', 40 * MiB, 77);
  await expect(panel(second)).toContainText(/All done: 1 uploaded/, { timeout: 50_000 });
  await showList(second);
  await expect(row(second, 'resumed.bin')).toContainText(new RegExp(`${stored} of 5 parts were already stored`));
  const after = s3.partPuts('resumed.bin');
  for (let n = 1; n <= stored; n++) expect(after[n], `part ${n}`).toBe(before[n]);
  expect(await s3.sha256(BUCKET, 'resumed.bin')).toBe(hash);
  expect(await s3.inProgress(BUCKET)).toEqual([]);
  await context.close();
});

test('cancel aborts the multipart upload on the server', async ({ page }) => {
  await open(page, { files: 1, parts: 1 });
  await dropGenerated(page, 'cancelled.bin', 40 * MiB, 5);
  await expect.poll(async () => (await s3.inProgress(BUCKET)).find((u) => u.key === 'cancelled.bin')?.parts ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await panel(page).getByRole('button', { name: 'Cancel cancelled.bin' }).click();
  await expect(panel(page)).toContainText('Cancelled: 1 file');
  await expect.poll(() => s3.inProgress(BUCKET), { timeout: 10_000 }).toEqual([]);
  expect(await s3.sha256(BUCKET, 'cancelled.bin')).toBeNull();
});

test('a folder keeps its structure, by drop and by the folder picker; a share link downloads the file', async ({ page }) => {
  await open(page);
  // A drop of a folder as the browser hands it over: entries (webkitGetAsEntry) with a nested and an empty folder.
  await page.evaluate(() => {
    const file = (name: string, text: string) => ({ isFile: true, isDirectory: false, name, file: (ok: (f: File) => void) => ok(new File([text], name)) });
    const dir = (name: string, children: unknown[]) => ({
      isFile: false,
      isDirectory: true,
      name,
      createReader: () => {
        let given = false;
        return { readEntries: (ok: (e: unknown[]) => void) => ok(given ? [] : ((given = true), children)) };
      },
    });
    const root = dir('survey', [file('notes.txt', 'field notes'), dir('day-1', [file('a.csv', 'x,y\n1,2\n')]), dir('empty', [])]);
    const item = { kind: 'file', webkitGetAsEntry: () => root, getAsFile: () => null };
    const dataTransfer = { items: [item], files: [], types: ['Files'] };
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: dataTransfer });
    document.querySelector('[data-testid=bucket-drop-zone]')!.dispatchEvent(drop);
  });
  await expect(panel(page)).toContainText(/All done: 3 uploaded/, { timeout: 20_000 });
  const keys = () => s3.requests.filter((r) => r.method === 'PUT' && !r.query.partNumber).map((r) => r.key);
  expect(keys()).toEqual(expect.arrayContaining(['survey/notes.txt', 'survey/day-1/a.csv', 'survey/empty/']));

  const dir = await mkdtemp(path.join(tmpdir(), 'lagoon-folder-'));
  await mkdir(path.join(dir, 'plates', 'b'), { recursive: true });
  await writeFile(path.join(dir, 'plates', 'one.txt'), 'one');
  await writeFile(path.join(dir, 'plates', 'b', 'two.txt'), 'two');
  await page.getByLabel('Folder to upload').setInputFiles(path.join(dir, 'plates'));
  await expect(panel(page)).toContainText(/All done: 5 uploaded/, { timeout: 20_000 });
  expect(keys()).toEqual(expect.arrayContaining(['plates/one.txt', 'plates/b/two.txt']));
  await rm(dir, { recursive: true, force: true });

  // Share the CSV: the link works outside the app, until its expiry.
  await page.getByRole('link', { name: 'survey/' }).click();
  await page.getByRole('link', { name: 'day-1/' }).click();
  await expect(page).toHaveURL(/\/buckets\/shared-models\/survey\/day-1\/$/);
  await page.getByRole('button', { name: 'Share a.csv' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a.csv' });
  await dialog.getByLabel('1 day').check();
  const input = dialog.getByRole('textbox', { name: 'Link' });
  await expect.poll(async () => new URL(await input.inputValue()).searchParams.get('X-Amz-Expires')).toBe('86400');
  const link = await input.inputValue();
  await expect(dialog).toContainText(/Expires /);
  const res = await fetch(link);
  expect(res.status).toBe(200);
  expect(createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex')).toBe(createHash('sha256').update('x,y\n1,2\n').digest('hex'));
});

test('the test server completes like MinIO: joined bytes, ranges across parts, a multipart ETag; stock s3rver gives the same bytes', async () => {
  // The throughput benchmark and the tests above rely on e2e/support/s3-server.ts keeping the parts
  // instead of copying them (see its header): this checks it serves what a copy would.
  const MiB6 = 6 * MiB;
  const bytes = Buffer.alloc(2 * MiB6 + 12_345);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
  const url = (key: string, q = '') => `${s3.endpoint}/${BUCKET}/${key}${q}`;
  async function multipart(key: string) {
    const init = await (await fetch(url(key, '?uploads'), { method: 'POST', headers: { 'Content-Type': 'text/csv' } })).text();
    const id = /<UploadId>(.*?)<\/UploadId>/.exec(init)![1]!;
    const cuts = [0, MiB6, 2 * MiB6, bytes.length];
    const etags: string[] = [];
    for (let n = 1; n < cuts.length; n++) {
      const res = await fetch(url(key, `?partNumber=${n}&uploadId=${id}`), { method: 'PUT', body: bytes.subarray(cuts[n - 1], cuts[n]) });
      etags.push(res.headers.get('ETag')!);
    }
    const body = `<CompleteMultipartUpload>${etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
    return fetch(url(key, `?uploadId=${id}`), { method: 'POST', body });
  }
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  expect((await multipart('kept.csv')).status).toBe(200);
  expect(await s3.sha256(BUCKET, 'kept.csv')).toBe(sha(bytes));
  const head = await fetch(url('kept.csv'), { method: 'HEAD' });
  expect(head.headers.get('Content-Length')).toBe(String(bytes.length));
  expect(head.headers.get('Content-Type')).toBe('text/csv');
  expect(head.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}-3"$/);
  const range = await fetch(url('kept.csv'), { headers: { Range: `bytes=${MiB6 - 5}-${MiB6 + 4}` } });
  expect(range.status).toBe(206);
  expect(Buffer.from(await range.arrayBuffer()).equals(bytes.subarray(MiB6 - 5, MiB6 + 5))).toBe(true);
  const listing = await (await fetch(`${s3.endpoint}/${BUCKET}?list-type=2&prefix=kept.csv`)).text();
  expect(listing).toContain(`<Size>${bytes.length}</Size>`);

  // Replaced by a plain PUT, then deleted: the kept parts no longer answer for the key.
  await fetch(url('kept.csv'), { method: 'PUT', body: 'new' });
  expect(await (await fetch(url('kept.csv'))).text()).toBe('new');
  await fetch(url('kept.csv'), { method: 'DELETE' });
  expect((await fetch(url('kept.csv'))).status).toBe(404);

  s3.completeMode = 'copy';
  try {
    expect((await multipart('copied.csv')).status).toBe(200);
    expect(await s3.sha256(BUCKET, 'copied.csv')).toBe(sha(bytes));
  } finally {
    s3.completeMode = 'keep-parts';
  }
});
