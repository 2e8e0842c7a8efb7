// Batch run over 100,000 objects under a prefix (src/features/batch/, docs/decisions/012-batch-runs.md):
// the hosted production build in Chromium against the demo cluster over HTTP, seeded on the server side
// (100,000 objects under big/ in grayify, no jobs started by them). The batch is started through the
// form with a cap of 1 job at once, so what is measured is the listing and planning, not the jobs.
// Prints, never asserts:
// - time from "Start batch" until the board shows all 100,000 inputs (every page of 1,000 read,
//   the inputs planned), and the pages read per second,
// - the page's JS heap (CDP Runtime.getHeapUsage): before (after a full GC), the peak sampled while
//   listing (garbage included), and after (after a full GC), with the bytes kept per input; set against
//   what one page of the listing takes (its JSON), to see whether listings are kept past their page,
// - long tasks while listing and what ran in them (CDP CPU profile; build with --sourcemap hidden for
//   source names).
// Stops after LIMIT_S (240 s) and reports how far it got: about 5 minutes in all.
// Run: npx vite build --sourcemap hidden && node bench/batch-listing.mjs   (hidden maps: the profile names
// source files and functions; LAGOON_DIST=dist-x for another build; OBJECTS and LIMIT_S.)
//
// Measured 2026-12-06 on the code at a751b1b (one page per round, the whole batch saved to IndexedDB
// after each page), 2 cores at load average 7.4-10 (shared with other builds):
// - not all listed in 240 s: 86,000-87,000 of 100,000 (355-359 objects/s, 0.36 pages/s; all would take
//   ~280 s); the second half slower than the first (107-113 s, then 130-135 s).
// - JS heap: 3.8 MB before, peak 66-89 MB while listing (garbage included), 13.8-13.9 MB after GC:
//   10.0-10.2 MB kept for 86,000-87,000 inputs = 121-124 bytes per input, less than the listings' JSON text alone
//   (153 bytes per object, 14.7 MB for the 101 pages): the pages are not kept, the inputs are.
// - 191-192 long tasks, longest 584-1,220 ms, 29 s in them out of 54 s of main-thread work: 58-67 % of
//   the long tasks' self time in idb-keyval's set (store.put, the structured clone of the whole state
//   with its growing input list, after every page) and 9-12 % in the native put; then progressRate,
//   listNextPage, countInputs (engine.ts), the board's render, 1-2 % each.
//
// Measured again 2026-12-06 on 656b948 (up to 10 pages a round, inputs saved in chunks of 500, only the
// changed ones), load average 9.0: all 100,000 listed in 36.3 s (2.78 pages/s, 2,757 objects/s; was not
// done in 240 s). Heap 3.9 MB before, peak 63.2 MB (garbage included), 15.3 MB after GC: 120 bytes kept
// per input, no page of listings kept. 17 long tasks, longest 201 ms (was 191, longest 584-1,220 ms);
// in them: native work 68 %, the table's virtualiser measuring 100,000 rows 11 %, the board's memo 4 %.
//
// Measured 2026-12-06 (evening) on the code of stop 26, load 2.5-3.6: all 100,000 listed in 22.6 s (4.48
// pages/s, 4,434 objects/s); heap 3.7 MB before, peak 45.7 MB (garbage included), 14.2 MB after GC: 110
// bytes kept per input, against 153 bytes of JSON per listed object (no page of listings kept). 0 long
// tasks (was 17, longest 201 ms); the main thread busy 1.4 s of the 23 s.
import { heapUsed, kb, loadNote, mb, ms, openHttpDemo, printProfile, profileLongTasks } from './support.mjs';

const OBJECTS = Number(process.env.OBJECTS ?? 100_000);
const LIMIT_S = Number(process.env.LIMIT_S ?? 240);
const SERVICE = 'grayify';
const PREFIX = 'big/';

let demo;
try {
  demo = await openHttpDemo({
    next: `/services/${SERVICE}/batch`,
    seed: (c) => {
      const now = Date.now();
      c.batch(() => {
        for (let i = 0; i < OBJECTS; i++) {
          c.putObject(
            SERVICE,
            {
              key: `${PREFIX}${String(Math.floor(i / 1000)).padStart(3, '0')}/scan-${String(i).padStart(6, '0')}.tif`,
              size: 1_000_000 + i,
              contentType: 'image/tiff',
              lastModified: now - i * 1000,
            },
            { trigger: false },
          );
        }
      });
    },
  });
  const { page, api, cluster } = demo;
  const bucketSize = cluster.buckets.get(SERVICE).objects.size;
  // One page of the listing as the app gets it (OSCAR's bucket API, 1,000 objects).
  const auth = `Basic ${Buffer.from('oscar:lagoon-demo').toString('base64')}`;
  const firstPage = await (
    await fetch(`${api}/system/buckets/${SERVICE}`, { headers: { Authorization: auth } })
  ).text();
  const pageObjects = JSON.parse(firstPage).objects?.length ?? 0;

  const form = page.getByRole('form', { name: 'Start a batch run' });
  await form.getByTestId('parallelism-rule').waitFor({ timeout: 60_000 });
  await form.getByLabel('Bucket', { exact: true }).fill(SERVICE);
  await form.getByLabel(/^Prefix/).fill(PREFIX);
  await form.getByLabel(/^Suffixes/).fill('.tif');
  await form.getByLabel(/^At most/).fill('1');

  const cdp = await page.context().newCDPSession(page);
  const before = await heapUsed(cdp, { gc: true });
  const profile = await profileLongTasks(page, cdp);
  const t0 = Date.now();
  await form.getByRole('button', { name: 'Start batch' }).click();
  let peak = before;
  let shown = '';
  let listed = null;
  const progress = [];
  while (Date.now() - t0 < LIMIT_S * 1000) {
    peak = Math.max(peak, await heapUsed(cdp));
    shown = await page.evaluate(
      () =>
        [...document.querySelectorAll('[data-testid="batch-counts"] dt')]
          .find((d) => d.textContent === 'Inputs')
          ?.nextElementSibling?.textContent?.replace(/[^\d+]/g, '') ?? '',
    );
    progress.push({ t: Date.now() - t0, n: parseInt(shown, 10) || 0 });
    if (shown === String(OBJECTS)) {
      listed = Date.now() - t0;
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const p = await profile.stop();
  const after = await heapUsed(cdp, { gc: true });
  const got = parseInt(shown, 10) || 0;
  const seconds = (listed ?? Date.now() - t0) / 1000;
  const pages = Math.ceil(bucketSize / 1000);

  console.log(
    `Batch listing: ${OBJECTS.toLocaleString('en')} objects under ${SERVICE}/${PREFIX} (${bucketSize.toLocaleString('en')} in the bucket, ${pages} pages of 1,000), cap 1 job at once; demo cluster over HTTP`,
  );
  if (listed !== null) {
    console.log(
      `  Start batch → board shows all ${OBJECTS.toLocaleString('en')} inputs: ${ms(listed)}  (${(pages / seconds).toFixed(2)} pages/s, ${Math.round(OBJECTS / seconds).toLocaleString('en')} objects/s)`,
    );
  } else {
    const rate = got / seconds;
    console.log(
      `  not all listed within ${LIMIT_S} s: the board shows ${shown || 'nothing'} inputs (${rate.toFixed(0)} objects/s, ${(rate / 1000).toFixed(2)} pages/s; all ${OBJECTS.toLocaleString('en')} would take ~${ms((OBJECTS / Math.max(rate, 1)) * 1000)})`,
    );
  }
  const half = progress.find((x) => x.n >= got / 2);
  if (half && got)
    console.log(
      `  first half of what was listed by ${ms(half.t)}, second half in ${ms((listed ?? Date.now() - t0) - half.t)}`,
    );
  console.log(
    `  JS heap: before ${mb(before)} (after GC), peak while listing ${mb(peak)} (sampled every ~250 ms, garbage included), after ${mb(after)} (after GC) → kept ${mb(after - before)} for ${got.toLocaleString('en')} inputs = ${got ? ((after - before) / got).toFixed(0) : '?'} bytes per input`,
  );
  console.log(
    `  one page of the listing: ${pageObjects} objects, ${kb(firstPage.length)} of JSON (~${(firstPage.length / Math.max(pageObjects, 1)).toFixed(0)} bytes per object); all ${pages} pages kept would be ${mb(firstPage.length * pages)} of JSON text alone`,
  );
  printProfile(p, `listing (${seconds.toFixed(0)} s)`);
  console.log(loadNote());
} catch (e) {
  console.log(`batch-listing could not finish: ${e instanceof Error ? e.stack : e}`);
} finally {
  await demo?.close();
}
