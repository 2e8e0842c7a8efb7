// Buckets against the demo cluster and its in-browser S3 (mocks/handlers/s3.ts): the list, create, change
// visibility and delete; a 10,000-object bucket paged through; hostile names stored and shown as typed;
// preview; a file over the quota failing on its own; axe and screenshots in light and dark.
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { checkA11y, eachTheme, login, loginAsDemoUser, useTheme, reloadDemo } from './support/app';

interface DemoWindow {
  __lagoonDemo: {
    cluster: {
      buckets: Map<
        string,
        { owner: string; visibility: string; allowedUsers: string[]; objects: Map<string, { size: number }> }
      >;
      addGeneratedObjects(bucket: string, n: number, prefix?: string): number;
      quotas: Map<string, unknown>;
      quotaFor(user: string): Record<string, unknown>;
    };
  };
}

async function dropFiles(page: Page, files: { name: string; text: string; type?: string }[]) {
  await page.getByTestId('bucket-drop-zone').waitFor();
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type ?? '' }));
    const zone = document.querySelector('[data-testid=bucket-drop-zone]')!;
    zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, files);
}

const uploads = (page: Page) => page.getByRole('region', { name: 'Uploads' });
const demo = (page: Page) =>
  page.waitForFunction(() => (window as unknown as Partial<DemoWindow>).__lagoonDemo?.cluster);

test('list, create with allowed users, change visibility and delete a bucket by name', async ({ page }) => {
  await login(page, '/buckets');
  await demo(page);
  const owner = await page.evaluate(
    () => (window as unknown as DemoWindow).__lagoonDemo.cluster.buckets.get('grayify')!.owner,
  );
  const table = page.getByRole('table', { name: 'Buckets' });
  const grayify = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'grayify', exact: true }) })
    .first();
  await expect(grayify).toContainText(owner);
  await expect(grayify).toContainText('restricted');
  await expect(grayify.getByRole('link', { name: 'grayify' }).nth(1)).toHaveAttribute(
    'href',
    '/services/grayify',
  );

  await page.getByRole('button', { name: 'Create bucket' }).click();
  const create = page.getByRole('dialog', { name: 'Create bucket' });
  await create.getByLabel('Name').fill('Bad_Name');
  await create.getByRole('button', { name: 'Create bucket' }).click();
  await expect(create).toContainText('Use 3 to 63 lowercase letters');
  await create.getByLabel('Name').fill('field-data-2025');
  await create.getByRole('radio', { name: 'Restricted' }).check();
  await create.getByLabel(/Allowed users/).fill('0f3e0c5a5c1d4c1e9f6a2b7d8c9e1f20@egi.eu');
  await create.getByRole('button', { name: 'Create bucket' }).click();
  await expect(page).toHaveURL(/\/buckets\/field-data-2025\/$/);
  await expect(page.getByText('This bucket is empty')).toBeVisible();
  const created = await page.evaluate(() => {
    const b = (window as unknown as DemoWindow).__lagoonDemo.cluster.buckets.get('field-data-2025');
    return b && { visibility: b.visibility, allowed: b.allowedUsers };
  });
  expect(created).toEqual({ visibility: 'restricted', allowed: ['0f3e0c5a5c1d4c1e9f6a2b7d8c9e1f20@egi.eu'] });

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Buckets' }).click();
  await page.getByRole('button', { name: 'Change visibility of field-data-2025' }).click();
  const vis = page.getByRole('dialog', { name: 'Visibility of field-data-2025' });
  await vis.getByRole('radio', { name: 'Public' }).check();
  await vis.getByRole('button', { name: 'Save' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'field-data-2025' })).toContainText('public');

  await page.getByRole('button', { name: 'Delete field-data-2025' }).click();
  const del = page.getByRole('dialog', { name: 'Delete bucket field-data-2025?' });
  await expect(del).toContainText('0 objects');
  const confirm = del.getByRole('button', { name: 'Delete bucket' });
  await expect(confirm).toBeDisabled();
  await del.getByRole('textbox').fill('field-data-2025');
  await confirm.click();
  await expect(table.getByRole('link', { name: 'field-data-2025' })).toHaveCount(0);
  expect(
    await page.evaluate(() =>
      (window as unknown as DemoWindow).__lagoonDemo.cluster.buckets.has('field-data-2025'),
    ),
  ).toBe(false);
});

test('"Only mine" keeps the buckets the user owns, in the URL (PARITY B1)', async ({ page }) => {
  await loginAsDemoUser(page, 'Ana García', '/buckets');
  const table = page.getByRole('table', { name: 'Buckets' });
  await expect(table).toBeVisible();
  const ownerColumn = async () => {
    const rows = table.locator('tbody tr');
    const owners = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelectorAll('td')[2]?.textContent ?? ''),
    );
    return owners;
  };
  const before = await ownerColumn();
  expect(new Set(before).size).toBeGreaterThan(1);
  const checkbox = page.getByRole('checkbox', { name: 'Only mine' });
  await checkbox.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/[?&]mine=1/);
  await expect.poll(async () => new Set(await ownerColumn()).size).toBe(1);
  const mine = await ownerColumn();
  expect(mine.length).toBeLessThan(before.length);
  // The one owner left is Ana, whose buckets these are: a reload keeps the filter.
  await reloadDemo(page);
  await expect(page.getByRole('checkbox', { name: 'Only mine' })).toBeChecked();
  await expect.poll(ownerColumn).toEqual(mine);
});

test('pages through 10,000 objects with next_page, filters and sorts in the URL, and scrolls to the end', async ({
  page,
}) => {
  await login(page, '/buckets');
  await demo(page);
  // Generated in the page's demo cluster (too big to survive a reload), then opened from the list.
  await page.evaluate(() =>
    (window as unknown as DemoWindow).__lagoonDemo.cluster.addGeneratedObjects(
      'shared-models',
      10_000,
      'bulk/',
    ),
  );
  const pages: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname === '/system/buckets/shared-models') pages.push(u.searchParams.get('page') ?? '');
  });
  // The buckets table is virtualised: a bucket below the fold has no row until it is filtered or scrolled to.
  await page.getByRole('searchbox', { name: 'Filter buckets' }).fill('shared-models');
  await page
    .getByRole('table', { name: 'Buckets' })
    .getByRole('link', { name: 'shared-models', exact: true })
    .click();
  await page.getByRole('link', { name: 'bulk/' }).click();
  await expect(page).toHaveURL(/\/buckets\/shared-models\/bulk\/$/);
  const expected = await page.evaluate(() => {
    const keys = [
      ...(window as unknown as DemoWindow).__lagoonDemo.cluster.buckets.get('shared-models')!.objects.keys(),
    ]
      .filter((k) => k.startsWith('bulk/'))
      .map((k) => k.slice(5));
    const children = new Set(keys.map((k) => (k.includes('/') ? `${k.split('/')[0]}/` : k)));
    return {
      total: keys.length,
      children: children.size,
      files: keys.filter((k) => !k.includes('/')).sort(),
    };
  });
  expect(expected.total).toBe(10_000);
  await expect(
    page.getByText(`${expected.children.toLocaleString('en-US')} items`, { exact: true }),
  ).toBeVisible({ timeout: 30_000 });
  expect(pages.length).toBeGreaterThanOrEqual(10);
  expect(new Set(pages).size).toBe(pages.length);

  const table = page.getByRole('table', { name: 'Objects in shared-models' });
  await expect(table).toHaveAttribute('aria-rowcount', String(expected.children + 1));
  await table.evaluate((t) => t.parentElement!.scrollTo(0, t.parentElement!.scrollHeight));
  await expect(
    table.getByRole('button', { name: expected.files[expected.files.length - 1]!, exact: true }),
  ).toBeVisible();

  await page.getByRole('searchbox', { name: 'Filter by name' }).fill('sample-0000');
  await expect(page).toHaveURL(/q=sample-0000/);
  await page.getByRole('button', { name: 'Size', exact: true }).click();
  await expect(page).toHaveURL(/sort=size&dir=asc/);
  await page.reload();
  // The reload starts the demo cluster again in this tab, which can outlast expect's 10 s on a loaded
  // machine: wait for it (as login() does) before asking for the listing.
  await demo(page);
  await expect(page.getByRole('searchbox', { name: 'Filter by name' })).toHaveValue('sample-0000');
  await expect(page.getByRole('columnheader', { name: /^Size/ })).toHaveAttribute('aria-sort', 'ascending');

  // A folder from the listing opens with its path in the URL and a breadcrumb back.
  await page.getByRole('searchbox', { name: 'Filter by name' }).fill('');
  await table.evaluate((t) => t.parentElement!.scrollTo(0, 0));
  await table.getByRole('link', { name: 'raw/' }).click();
  await expect(page).toHaveURL(/\/buckets\/shared-models\/bulk\/raw\/$/);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('shared-models/bulk/raw');
});

test('hostile names are stored and shown as typed, and stay inert', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await login(page, '/buckets/shared-models/');
  const names = [
    '<img src=x onerror=alert(1)>.png',
    'two  spaces .txt',
    'ünïcødé 日本語.csv',
    '%2F.txt',
    '../x',
  ];
  await dropFiles(
    page,
    names.map((name) => ({ name, text: `content of ${name}` })),
  );
  await expect(uploads(page)).toContainText('All done: 5 uploaded', { timeout: 20_000 });
  const stored = await page.evaluate(
    (names) =>
      names.map((n) =>
        (window as unknown as DemoWindow).__lagoonDemo.cluster.buckets.get('shared-models')!.objects.has(n),
      ),
    names,
  );
  expect(stored).toEqual([true, true, true, true, true]);
  const table = page.getByRole('table', { name: 'Objects in shared-models' });
  for (const n of names.slice(0, 4))
    await expect(table.getByRole('button', { name: n, exact: true })).toBeVisible();
  // "../x" is a folder ".." holding "x": its link keeps the dots inside the bucket.
  await table.getByRole('link', { name: '../' }).click();
  await expect(page).toHaveURL(/\/buckets\/shared-models\/\.\.%2F$/);
  // No browser can fetch "../x" (it folds the ".." out of any URL): preview, download, share and zip each
  // say so where they were asked, with commands that fetch the key as it is, and nothing is downloaded.
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page
    .getByRole('table', { name: 'Objects in shared-models' })
    .getByRole('button', { name: 'x', exact: true })
    .click();
  const dotted = page.getByRole('complementary', { name: 'Preview of x' });
  await expect(dotted.getByRole('note', { name: 'Browsers cannot show this file' })).toContainText(
    'has a “..” folder',
  );
  await expect(dotted.getByLabel('curl command', { exact: true })).toContainText(
    /^curl --fail --path-as-is -o 'x' 'http[^']*\/shared-models\/\.\.\/x\?[^']*X-Amz-Signature=/,
  );
  await expect(dotted.getByLabel('AWS command', { exact: true })).toContainText(
    /aws s3api get-object --endpoint-url '[^']+' --bucket 'shared-models' --key '\.\.\/x' 'x'/,
  );
  await dotted.getByRole('button', { name: 'Download' }).click();
  const dl = page.getByRole('dialog', { name: 'Download x' });
  await expect(dl.getByRole('note', { name: 'Browsers cannot download this file' })).toBeVisible();
  await expect(dl.getByLabel('curl command', { exact: true })).toContainText('/shared-models/../x?');
  await dl.getByRole('button', { name: 'Close' }).click();
  await page
    .getByRole('table', { name: 'Objects in shared-models' })
    .getByRole('button', { name: 'Share x' })
    .click();
  const share = page.getByRole('dialog', { name: 'Share x' });
  await share.getByLabel('1 day').check();
  await expect(
    share.getByRole('note', { name: 'A link to this file would not open in a browser' }),
  ).toContainText('works for 1 day');
  await expect(share.getByLabel('curl command', { exact: true })).toContainText(
    /\/shared-models\/\.\.\/x\?[^']*X-Amz-Expires=86400/,
  );
  await share.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('checkbox', { name: 'Select x' }).check();
  await page.getByRole('button', { name: 'Download selected' }).click();
  await expect(page.getByRole('dialog', { name: 'Download x' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Download x' }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('checkbox', { name: 'Select x' }).uncheck();
  await page.goBack();
  // A selection holding the ".." folder and another file: the zip offers to go without "../x".
  await table.getByRole('checkbox', { name: 'Select ..' }).check();
  await table.getByRole('checkbox', { name: 'Select two  spaces .txt' }).check();
  await page.getByRole('button', { name: 'Download selected' }).click();
  const partial = page.getByRole('dialog', { name: '1 of the selected files cannot be downloaded here' });
  await expect(partial).toContainText('../x');
  await partial.getByRole('button', { name: 'Cancel' }).click();
  await table.getByRole('checkbox', { name: 'Select ..' }).uncheck();
  await table.getByRole('checkbox', { name: 'Select two  spaces .txt' }).uncheck();
  expect(downloads).toEqual([]);
  // The % name opens its preview and downloads as itself.
  await table.getByRole('button', { name: '%2F.txt', exact: true }).click();
  const preview = page.getByRole('complementary', { name: 'Preview of %2F.txt' });
  await expect(preview).toContainText('content of %2F.txt');
  await expect(page).toHaveURL(/preview=%252F\.txt/);
  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe('%2F.txt');
  expect(dialogs).toEqual([]);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('a name with a bidi override shows its marker, not a lie, and downloads without it (light and dark)', async ({
  page,
}) => {
  await login(page, '/buckets/shared-models/');
  const liar = 'RTL-\u202egnp.exe';
  await dropFiles(page, [{ name: liar, text: 'MZ not a picture' }]);
  await expect(uploads(page)).toContainText('All done: 1 uploaded', { timeout: 20_000 });
  // The real name is what was stored.
  expect(
    await page.evaluate(
      (n) =>
        (window as unknown as DemoWindow).__lagoonDemo.cluster.buckets.get('shared-models')!.objects.has(n),
      liar,
    ),
  ).toBe(true);
  const table = page.getByRole('table', { name: 'Objects in shared-models' });
  const named = page.getByRole('button', { name: 'RTL- (right-to-left override) gnp.exe' });
  const file = table.getByRole('button', { name: 'RTL- (right-to-left override) gnp.exe' });
  await expect(file).toBeVisible();
  const row = table.getByRole('row').filter({ has: named });
  // What a sighted reader sees in the listing: the marker, in the order the name is stored.
  // (Without the words that are there for screen readers only.)
  const seen = await row.evaluate((r) => {
    const copy = r.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.sr-only').forEach((n) => n.remove());
    return copy.textContent ?? '';
  });
  expect(seen).toContain('RTL-[U+202E]gnp.exe');
  expect(
    await table.evaluate((t) =>
      /[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/.test((t as HTMLElement).innerText),
    ),
  ).toBe(false);
  await expect(uploads(page)).not.toContainText('\u202e');
  await page.getByRole('region', { name: 'Uploads' }).evaluate((el) => el.scrollIntoView());
  await file.scrollIntoViewIfNeeded();
  await eachTheme(page, async (theme) => {
    await page.screenshot({ path: `test-results/bucket-hostile-name-${theme}.png` });
  });
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Download RTL-[U+202E]gnp.exe' }).click();
  expect((await download).suggestedFilename()).toBe('RTL-gnp.exe');
});

test('a selection zips straight into the file picked (File System Access), entry by entry', async ({
  page,
}) => {
  // The save picker answers with a real file handle, in the origin's private file system (no dialog).
  await page.addInitScript(() => {
    Object.assign(window, {
      showSaveFilePicker: async (o: { suggestedName: string }) => {
        (window as unknown as { pickedName: string }).pickedName = o.suggestedName;
        return (await navigator.storage.getDirectory()).getFileHandle('picked.zip', { create: true });
      },
    });
  });
  let downloads = 0;
  page.on('download', () => downloads++);
  await login(page, '/buckets/ana-datasets/labels/');
  await page.getByRole('checkbox', { name: /Select all/ }).check();
  await page.getByRole('button', { name: 'Download selected' }).click();
  // A writable file shows its bytes only once closed, that is once the zip is complete.
  const size = () =>
    page.evaluate(async () => {
      const dir = await navigator.storage.getDirectory();
      return (await (await dir.getFileHandle('picked.zip').catch(() => null))?.getFile())?.size ?? 0;
    });
  await expect.poll(size, { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Download selected' })).toHaveText('Download selected');
  const zip = await page.evaluate(async () => {
    const file = await (await (await navigator.storage.getDirectory()).getFileHandle('picked.zip')).getFile();
    return {
      name: (window as unknown as { pickedName: string }).pickedName,
      bytes: [...new Uint8Array(await file.arrayBuffer())],
    };
  });
  expect(zip.name).toBe('ana-datasets-labels.zip');
  const entries = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(entries).sort()).toEqual(['species.csv', 'test.csv', 'train.csv']);
  expect(new TextDecoder().decode(entries['species.csv'])).toContain('Quercus ilex');
  expect(entries['train.csv']!.length).toBeGreaterThan(0);
  expect(downloads).toBe(0);
});

test('a file over the bucket quota fails with the server words while the others finish', async ({ page }) => {
  await login(page, '/buckets/grayify/in/');
  await demo(page);
  await page.evaluate(() => {
    const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
    const b = c.buckets.get('grayify')!;
    const used = [...b.objects.values()].reduce((n, o) => n + o.size, 0);
    c.quotas.set(b.owner, { ...c.quotaFor(b.owner), storagePerBucket: String(used + 1000) });
  });
  await dropFiles(page, [
    { name: 'small.txt', text: 'tiny' },
    { name: 'large.tif', text: 'x'.repeat(5000) },
  ]);
  await expect(uploads(page)).toContainText('Finished: 1 uploaded', { timeout: 20_000 });
  const failed = uploads(page).locator('[data-upload-key="in/large.tif"]');
  await expect(failed).toContainText('Failed');
  await expect(failed).toContainText(/Bucket quota exceeded/);
  await expect(failed).toContainText('The bucket is full');
  await page.getByRole('searchbox', { name: 'Filter by name' }).fill('small');
  await expect(
    page
      .getByRole('table', { name: 'Objects in grayify' })
      .getByRole('button', { name: 'small.txt', exact: true }),
  ).toBeVisible();
  await expect(page.getByText('Each file uploaded here starts a job of grayify.')).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`buckets screens pass axe in ${theme} mode (screenshots)`, async ({ page }) => {
    await useTheme(page, theme);
    await page.setViewportSize({ width: 1400, height: 900 });
    await login(page, '/buckets');
    await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible();
    await checkA11y(page, `buckets ${theme}`);
    await page.screenshot({ path: `test-results/buckets-list-${theme}.png` });
    await page.goto('/buckets/grayify/in/');
    await dropFiles(page, [
      { name: 'leaf.json', text: '{"species":"Quercus robur","score":0.97}', type: 'application/json' },
      { name: 'notes.csv', text: 'plot,height\nA,12\nB,15\n', type: 'text/csv' },
    ]);
    await expect(uploads(page)).toContainText('All done: 2 uploaded', { timeout: 20_000 });
    await uploads(page).getByRole('button', { name: 'Show' }).click();
    await page.getByRole('searchbox', { name: 'Filter by name' }).fill('notes');
    await page.getByRole('button', { name: 'notes.csv', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Preview of notes.csv' }).getByRole('table')).toContainText('height');
    await checkA11y(page, `bucket ${theme}`);
    await page.screenshot({ path: `test-results/bucket-folder-${theme}.png` });
    await page.getByRole('button', { name: 'Share notes.csv' }).click();
    await expect(page.getByRole('dialog', { name: 'Share notes.csv' })).toContainText('Expires');
    await checkA11y(page, `share ${theme}`);
    await page.screenshot({ path: `test-results/bucket-share-${theme}.png` });
  });
}

// With the preview panel open the listing is narrower than its columns: every column, the Actions
// buttons included, stays reachable and a focused action button is visible in the table's box.
// Both widths in both themes on one page: the viewport and the colour scheme change in place.
test('the preview panel leaves every column reachable at 1280 and 1600 px, light and dark', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, '/buckets/ana-datasets/?preview=README.md');
  for (const width of [1280, 1600]) {
    await page.setViewportSize({ width, height: 900 });
    await eachTheme(page, async (theme) => {
      const preview = page.getByRole('complementary', { name: 'Preview of README.md' });
      await expect(preview).toBeVisible();
      const table = page.getByRole('table', { name: 'Objects in ana-datasets' });
      await expect(table.getByRole('button', { name: 'Delete README.md' })).toBeAttached();
      await page.screenshot({ path: `test-results/bucket-preview-${width}-${theme}.png` });
      const box = (await table.locator('xpath=..').boundingBox())!;
      const panel = (await preview.boundingBox())!;
      // The listing and the panel sit side by side without overlapping.
      expect(box.x + box.width).toBeLessThanOrEqual(panel.x + 1);
      // The table fits its box: nothing to scroll sideways to, every header in view.
      const scroller = table.locator('xpath=..');
      expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
      // At 1280 px the Modified column gives way (the panel shows the previewed file's date).
      const headers = width === 1280 ? ['Name', 'Size', 'Actions'] : ['Name', 'Size', 'Modified', 'Actions'];
      await expect(table.getByRole('columnheader')).toHaveCount(headers.length + 1);
      for (const name of headers) {
        const h = (await table.getByRole('columnheader', { name }).boundingBox())!;
        expect(h.x, `${name} starts inside the table's box`).toBeGreaterThanOrEqual(box.x - 1);
        expect(h.x + h.width, `${name} ends inside the table's box`).toBeLessThanOrEqual(
          box.x + box.width + 1,
        );
      }
      // The names keep a useful width.
      expect((await table.getByRole('columnheader', { name: 'Name' }).boundingBox())!.width).toBeGreaterThan(
        200,
      );
      // Keyboard: focus lands on the row's Delete button, which is scrolled into view and shows a ring.
      const del = table.getByRole('button', { name: 'Delete README.md' });
      await table.getByRole('button', { name: 'Share README.md' }).focus();
      await page.keyboard.press('Tab');
      await expect(del).toBeFocused();
      const d = (await del.boundingBox())!;
      const cell = (await del.locator('xpath=ancestor::td').boundingBox())!;
      expect(d.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(d.x + d.width).toBeLessThanOrEqual(box.x + box.width + 1);
      // Not clipped by its own cell either.
      expect(d.x + d.width).toBeLessThanOrEqual(cell.x + cell.width + 1);
      const ring = await del.evaluate((el) => {
        const s = getComputedStyle(el);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
          ? 'outline'
          : s.boxShadow !== 'none'
            ? 'shadow'
            : 'none';
      });
      expect(ring).not.toBe('none');
      await page.screenshot({ path: `test-results/bucket-preview-${width}-${theme}-focus.png` });
    });
  }
});
