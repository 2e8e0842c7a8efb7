import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { parseCsv } from '../src/lib/metrics/csv';
import { checkA11y, eachTheme, login, reloadDemo } from './support/app';

// The demo cluster's state, on window.__lagoonDemo (mocks/browser.ts).
interface DemoJob {
  name: string;
  createdAt: number;
  input?: { bucket: string; key: string };
}
interface DemoWindow {
  __lagoonDemo: {
    cluster: {
      services: Map<string, { cpu?: string; memory?: string }>;
      buckets: Map<string, { objects: Map<string, { size: number }> }>;
      jobPendingMs: number;
      putObject(bucket: string, obj: { key: string; size: number; contentType?: string }, options?: { trigger?: boolean }): unknown;
      jobsOf(service: string): Map<string, DemoJob>;
      jobStatus(job: DemoJob): string;
    };
  };
}

const COUNT = 200;
const SPECIAL = 'archive/reef 2024+a.jpg';

/** The archive: `count` images (one with a space and a plus in its name) and a few notes the suffix leaves out. */
async function seedArchive(page: Page, count: number, cpu: string) {
  await page.evaluate(
    ([count, cpu]) => {
      const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
      for (let i = 0; i < count; i++) {
        const key = i === 0 ? 'archive/reef 2024+a.jpg' : `archive/reef-${String(i).padStart(3, '0')}.jpg`;
        c.putObject('grayify', { key, size: 1000 + i, contentType: 'image/jpeg' }, { trigger: false });
      }
      for (let i = 0; i < 4; i++) c.putObject('grayify', { key: `archive/notes-${i}.txt`, size: 10 }, { trigger: false });
      const svc = c.services.get('grayify')!;
      svc.cpu = cpu;
      svc.memory = '128Mi';
    },
    [count, cpu] as const,
  );
}

/** The batch's jobs in the demo cluster (those on archive/), oldest first, with their status. */
const demoJobs = (page: Page) =>
  page.evaluate(() => {
    const c = (window as unknown as DemoWindow).__lagoonDemo.cluster;
    return [...c.jobsOf('grayify').values()]
      .filter((j) => j.input?.key.startsWith('archive/'))
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((j) => ({ name: j.name, key: j.input!.key, status: c.jobStatus(j) }));
  });

const jobsPerKey = (jobs: { key: string }[]) => {
  const n = new Map<string, number>();
  for (const j of jobs) n.set(j.key, (n.get(j.key) ?? 0) + 1);
  return n;
};

const count = (page: Page, label: string) => page.getByTestId('batch-counts').getByText(label, { exact: true }).locator('xpath=following-sibling::dd');
const countOf = async (page: Page, label: string) => Number(await count(page, label).textContent());

/**
 * Moves the clock on 10 s at a time until the board reads Done: the last calls may still be on their way
 * when the queue empties, so their jobs start after any one jump (a run takes 13–23 s in the demo).
 */
async function clockOnUntilDone(page: Page) {
  await expect
    .poll(
      async () => {
        await page.clock.fastForward(10_000);
        return page.getByTestId('batch-status').textContent();
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe('Done');
}

/** The board's CSV manifest, downloaded and read. */
async function manifest(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Manifest CSV' }).click();
  const csv = parseCsv(await readFile((await (await download).path())!, 'utf8'));
  expect(csv[0]).toEqual(['input', 'job', 'status', 'sent', 'started', 'finished', 'duration_s', 'outputs', 'error']);
  return csv.slice(1).map(([input, job, status, , , , , outputs, error]) => ({
    input: input!,
    job: job!,
    status: status!,
    // Outputs are joined with spaces, which output names may hold too ("reef 2024+a.png"): grayify writes
    // one output a job, so the cell is one output.
    outputs: outputs ? [outputs] : [],
    error: error ?? '',
  }));
}

test('a 200-file batch survives a reload without sending twice, retries its failures, and its zip and manifest hold what the board shows', async ({ page }, testInfo) => {
  // 200 jobs twice over (the retry), their logs read one each, and a zip of their outputs (four fetched
  // at a time, a presign and a GET each) make this the suite's longest journey: 100 s at load 8.
  test.setTimeout(180_000);
  const t0 = Date.now();
  // Chromium offers a save picker, which no test can answer: without it the zip is built in memory and
  // saved as a download (src/lib/s3/zip.ts); buckets.spec.ts covers the picker's way.
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
  const mark = (what: string) => console.log(`[batch 200] ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await login(page, '/services/grayify');
  // 0.1 CPU and 128 MiB a job: the demo cluster's 23 free cores fit 230 of them. The batch is capped at
  // 150 at once so that the reload below always comes in the middle of the sending, however fast the
  // page sends: the last 50 wait for room, which only the jobs' end (13 s at the soonest) makes.
  await seedArchive(page, COUNT, '0.1');
  await page.getByRole('link', { name: 'Batch run' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Batch run of grayify' })).toBeVisible();
  mark('logged in and seeded');

  const form = page.getByRole('form', { name: 'Start a batch run' });
  await expect(form.getByTestId('parallelism-rule')).toContainText(/(2[0-9]{2}) at once\. The cluster has .* each job asks for 0\.1 CPU/);
  await form.getByLabel('Bucket', { exact: true }).fill('grayify');
  await form.getByLabel(/^Prefix/).fill('archive/');
  await form.getByLabel(/^Suffixes/).fill('.jpg');
  await page.screenshot({ path: testInfo.outputPath('batch-form-light.png') });
  await form.getByLabel(/^At most/).fill('150');
  await form.getByLabel(/^At most/).press('Enter');

  // Every image is listed; the notes are not. Inputs go out at most 120 a round (2 s), six calls at once,
  // through the demo's service worker: the waits below are for that sending, not for the jobs, whose run
  // time the clock skips.
  await expect(count(page, 'Inputs')).toHaveText(String(COUNT));
  await expect(page.getByRole('table', { name: 'Batch inputs' })).toBeVisible();
  await checkA11y(page, 'batch board (light)');
  await page.screenshot({ path: testInfo.outputPath('batch-board-light.png') });

  // Reload in the middle of sending, in dark mode: the board comes back from IndexedDB, finds the jobs of
  // what it had sent, and sends the rest, nothing twice.
  await expect.poll(async () => (await demoJobs(page)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(COUNT / 3);
  const beforeReload = (await demoJobs(page)).length;
  expect(beforeReload).toBeLessThan(COUNT);
  await page.evaluate(() => localStorage.setItem('lagoon.theme', 'dark'));
  await reloadDemo(page);
  mark(`reloaded after ${beforeReload} sent`);
  await expect(count(page, 'Inputs')).toHaveText(String(COUNT));
  await expect(page.getByRole('table', { name: 'Batch inputs' }).getByRole('link', { name: /^grayify-[a-z0-9]{5}$/ }).first()).toBeVisible();
  await checkA11y(page, 'batch board (dark)');

  // The demo jobs take 13–23 s: the clock jumps instead of the test waiting. First the jobs sent before
  // the reload end, and the board finds each by its log and follows it to its end: every job of the batch
  // in the cluster has ended and the board counts as many done. The inputs whose calls the reload cut
  // (marked before their round's calls left: up to a round of 120, more of them the busier the machine)
  // are held until no job can be theirs; or the sending has gone on. Queued is read as the board comes
  // back: on a busy machine the sending may have gone on to the end before the clock jumps.
  const queuedAtReload = await countOf(page, 'Queued');
  await page.clock.install();
  await page.clock.fastForward(30_000);
  await expect
    .poll(
      async () => {
        const queued = await countOf(page, 'Queued');
        if (queued === 0 || queued < queuedAtReload) return true;
        const jobs = await demoJobs(page);
        const ended = jobs.filter((j) => j.status === 'Succeeded' || j.status === 'Failed').length;
        return ended === jobs.length && (await countOf(page, 'Succeeded')) + (await countOf(page, 'Failed')) === ended;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  // Those inputs are checked against the jobs for a minute before they are sent again (someone else's job whose
  // log is still empty keeps the check open: the demo's seeded 45-minute job is one), so the clock skips
  // that minute too. Then the rest is sent.
  await page.clock.fastForward(61_000);
  await expect(count(page, 'Queued')).toHaveText('0', { timeout: 45_000 });
  mark('all sent');
  await clockOnUntilDone(page);
  await expect.poll(async () => (await countOf(page, 'Succeeded')) + (await countOf(page, 'Failed'))).toBe(COUNT);
  mark('first pass done');
  await page.screenshot({ path: testInfo.outputPath('batch-board-dark.png') });

  // What the board holds, through its manifest, against the demo's jobs: exactly one job per object (the
  // odd name included), the same job on the board.
  const firstManifest = await manifest(page);
  const first = await demoJobs(page);
  const firstJob = new Map(first.map((j) => [j.key, j]));
  expect(new Set(first.map((j) => j.key)).size).toBe(first.length);
  // A call the reload cut is checked against the jobs, then adopted or sent again: every input has a job.
  expect(firstManifest.filter((r) => !r.job)).toEqual([]);
  expect(first).toHaveLength(COUNT);
  for (const r of firstManifest.filter((r) => r.job)) {
    const job = firstJob.get(r.input.slice('grayify/'.length));
    expect(r.job, r.input).toBe(job?.name);
    expect(r.status, r.input).toBe(job!.status.toLowerCase());
  }
  expect(firstManifest.map((r) => r.input)).toContain(`grayify/${SPECIAL}`);
  // The demo fails about 15% of its jobs: the board counts those, and what was not sent.
  const failedKeys = first.filter((j) => j.status === 'Failed').map((j) => j.key);
  expect(failedKeys.length).toBeGreaterThan(0);
  const toRetry = failedKeys.length;
  await expect(count(page, 'Failed')).toHaveText(String(toRetry));

  // Retry the failed ones: each is sent once more, nothing else is.
  await page.getByRole('button', { name: `Retry ${toRetry} failed` }).click();
  await expect.poll(async () => (await demoJobs(page)).length).toBe(COUNT + failedKeys.length);
  await clockOnUntilDone(page);
  await expect.poll(async () => (await countOf(page, 'Succeeded')) + (await countOf(page, 'Failed'))).toBe(COUNT);
  mark('retry done');
  const all = await demoJobs(page);
  const perKey = jobsPerKey(all);
  const retried = new Set(failedKeys);
  for (const [key, n] of perKey) expect(n, key).toBe(retried.has(key) ? 2 : 1);
  expect(perKey.size).toBe(COUNT);
  // The latest job of each input is the one that counts.
  const latest = new Map(all.map((j) => [j.key, j]));
  const succeeded = [...latest.values()].filter((j) => j.status === 'Succeeded').length;
  await expect(count(page, 'Succeeded')).toHaveText(String(succeeded));
  await expect(count(page, 'Failed')).toHaveText(String(COUNT - succeeded));

  // Filters: only the succeeded ones, then back.
  await page.getByRole('button', { name: 'Succeeded', exact: true }).click();
  await expect(page).toHaveURL(/show=succeeded/);
  await expect(page.getByRole('table', { name: 'Batch inputs' }).getByText('Failed', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'All', exact: true }).click();

  // The manifest: one row per input, with the job, status and outputs the demo has.
  const rows = await manifest(page);
  expect(rows).toHaveLength(COUNT);
  const objects = await page.evaluate(() => {
    const b = (window as unknown as DemoWindow).__lagoonDemo.cluster.buckets;
    const out: Record<string, number> = {};
    for (const [name, bucket] of b) for (const [key, o] of bucket.objects) out[`${name}/${key}`] = o.size;
    return out;
  });
  for (const r of rows) {
    expect(r.input.startsWith('grayify/archive/'), r.input).toBe(true);
    const job = latest.get(r.input.slice('grayify/'.length))!;
    expect(r.job, r.input).toBe(job.name);
    expect(r.status, r.input).toBe(job.status.toLowerCase());
    // A succeeded job wrote one output, which the board found; a failed one none.
    expect(r.outputs.length, r.input).toBe(r.status === 'succeeded' ? 1 : 0);
    for (const o of r.outputs) expect(objects[o], o).toBeGreaterThan(0);
  }
  const special = rows.find((r) => r.input === `grayify/${SPECIAL}`)!;
  expect(special).toBeTruthy();
  // The board's row for the odd name shows the same job and status.
  const board = page.getByRole('table', { name: 'Batch inputs' });
  const specialRow = board.getByRole('row').filter({ has: page.getByRole('link', { name: SPECIAL, exact: true }) });
  await expect(specialRow.getByRole('link', { name: special.job, exact: true })).toBeVisible();
  await expect(specialRow).toContainText(special.status === 'succeeded' ? 'Succeeded' : 'Failed');

  // The outputs zip: one entry per output the board shows, <input under the prefix>/<output file>.
  const outputs = rows.flatMap((r) => r.outputs.map((o) => ({ name: `${r.input.slice('grayify/archive/'.length)}/${o.slice(o.lastIndexOf('/') + 1)}`, path: o })));
  expect(outputs).toHaveLength(succeeded);
  const zipButton = page.getByRole('button', { name: `Download ${outputs.length} outputs as zip` });
  const zipDownload = page.waitForEvent('download');
  await zipButton.click();
  const zip = await zipDownload;
  expect(zip.suggestedFilename()).toMatch(/^batch-grayify-[\d-]+-outputs\.zip$/);
  const entries = unzipSync(new Uint8Array(await readFile((await zip.path())!)));
  expect(Object.keys(entries).sort()).toEqual(outputs.map((o) => o.name).sort());
  for (const o of outputs) expect(entries[o.name]!.length, o.name).toBe(objects[o.path]);
  mark('manifest and zip checked');
});

test('Cancel sends nothing more and offers to delete the jobs still waiting to start', async ({ page }, testInfo) => {
  await login(page, '/services/grayify');
  // Big jobs (4 CPU: 4 fit on the demo cluster) that wait as Pending for an hour, as on a full cluster.
  await seedArchive(page, 10, '4');
  await page.evaluate(() => ((window as unknown as DemoWindow).__lagoonDemo.cluster.jobPendingMs = 3_600_000));
  // To the batch page by its link, not a reload: the demo keeps jobPendingMs only while the tab lives.
  await page.getByRole('link', { name: 'Batch run' }).click();
  const form = page.getByRole('form', { name: 'Start a batch run' });
  await expect(form.getByTestId('parallelism-rule')).toContainText(/^4 at once\./);
  await form.getByLabel('Bucket', { exact: true }).fill('grayify');
  await form.getByLabel(/^Prefix/).fill('archive/');
  await form.getByLabel(/^Suffixes/).fill('.jpg');
  await form.getByLabel(/^At most/).press('Enter');
  await expect(count(page, 'Inputs')).toHaveText('10');
  await expect(count(page, 'Queued')).toHaveText('6');
  await expect.poll(async () => (await demoJobs(page)).length).toBe(4);
  const sent = await demoJobs(page);
  expect(sent.map((j) => j.status)).toEqual(['Pending', 'Pending', 'Pending', 'Pending']);

  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this batch?' });
  await expect(dialog).toContainText('6 queued inputs are never sent. Jobs already sent keep running and are still followed here.');
  // A Pending job has no log yet to name its input (in OSCAR as in the demo): the board finds these 4 by
  // time, the service's Pending jobs created since they were sent, and says so.
  const box = dialog.getByRole('checkbox', { name: 'Also delete the jobs still waiting to start (4)' });
  await expect(dialog).toContainText('those are found by time');
  await box.check();
  await eachTheme(page, async (theme) => {
    await checkA11y(page, `batch cancel dialog (${theme})`);
    await dialog.screenshot({ path: testInfo.outputPath(`batch-cancel-dialog-${theme}.png`) });
  });
  await dialog.getByRole('button', { name: 'Cancel the batch' }).click();

  await expect(page.getByTestId('batch-status')).toHaveText('Cancelled: nothing more is sent');
  await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
  // The 4 waiting jobs are gone from the cluster, their inputs say so, and the queued ones are never sent,
  // rounds later.
  await expect.poll(async () => (await demoJobs(page)).length).toBe(0);
  await expect(page.getByRole('table', { name: 'Batch inputs' }).getByText('Job deleted')).toHaveCount(4);
  await page.clock.install();
  await page.clock.fastForward(10_000);
  await expect(count(page, 'Queued')).toHaveText('6');
  await expect(count(page, 'Going')).toHaveText('0');
  expect(await demoJobs(page)).toHaveLength(0);
  expect(sent).toHaveLength(4);
  await page.screenshot({ path: testInfo.outputPath('batch-cancelled-light.png') });
});
