// Batch run of 10,000 inputs (src/features/batch/, docs/decisions/012-batch-runs.md), in Chromium on the
// hosted production build against the demo cluster over HTTP (started in this process, so the objects
// are seeded and the jobs counted on the server side, not in the page). grayify gets 10,000 objects
// under bench/ (no jobs started by them) and asks for little CPU and memory, so the parallelism the
// board computes from the cluster's room is high; the batch is started through the form.
// Prints, never asserts:
// - time from "Start batch" until the board shows all 10,000 inputs (listed),
// - frame gaps (p50, p95, max) while the board's virtualised table is scrolled from top to bottom,
//   while the batch submits,
// - a reload: time until the board shows its inputs again (read back from IndexedDB),
// - long tasks (PerformanceObserver longtask) while listing and while submitting, and what ran in them
//   and in all of it (CDP CPU profile: the functions with the most self time),
// - jobs submitted per second, counted in the cluster, and the batch's jobs in flight, against the
//   parallelism the form shows and the rate it allows (at once / mean job life, pending + running).
// Takes at most LIST_LIMIT_S (150 s) to list, then WINDOW_S (60 s) after the scroll: about 4-5 minutes.
// Run: npx vite build --sourcemap hidden && node bench/batch-board.mjs   (hidden maps: the profile names
// source files and functions; LAGOON_DIST=dist-x for another build; INPUTS, WINDOW_S, LIST_LIMIT_S, CPU.)
//
// Measured 2026-12-06 on the code at a751b1b (one page listed per round, one POST /job and two saves of the
// whole batch to IndexedDB per input), 2 cores at load average 8.5-10 (shared with other builds):
// - parallelism 460 at once from the form (23 CPU free / 0.05); the board's figure grows at each 30 s
//   re-read (1,651-2,066) because the demo's nodes do not count the batch's jobs in their requests.
// - not listed within 150 s: the board showed 5,000-9,000 of the 10,000 (one page per 2 s round, and a
//   round waits for its submissions).
// - scrolling the board's table while it submits: frame p50 30-40 ms, p95 99-139 ms, max 230-313 ms;
//   22-33 long tasks, longest 172-302 ms (the 16 ms median is not met).
// - reload → board shown again: 1.1-2.3 s.
// - jobs/s: 22.4 for the first 460; 12.6-15.4 after; the parallelism allows 25.6; jobs in flight mean
//   241, at most 414, of 460: the page, not the parallelism, limits the rate.
// - long tasks while listing (150 s): 18-56, longest 89-183 ms; while submitting (60 s): 3-24, longest
//   59-154 ms. The main thread is busy 81-87 s of the 150 s listing and 38-43 s of the 60 s, mostly in
//   short tasks. Self time while submitting: idb-keyval's set 25 % (store.put: the structured clone of
//   the whole batch state, saved twice per input sent) and the native put 12 %, "(program)" (native work
//   with no script on the stack) 29 %, fetch 5 %, outputZipEntries (the board's render) 4 %; while
//   listing: "(program)" 41 %, idb-keyval's set 8 %, fetch 6 %, put 5 %.
//
// Measured again 2026-12-06 on 656b948 (sends of a round marked in one save and sent 6 at a time, up to
// 10 listing pages a round, chunked IndexedDB), load average 9.4 with other suites running:
// - listed: 10,000 inputs shown 7.5 s after Start (was not done in 150 s).
// - scrolling while it submits: frame p50 36 ms, p95 160 ms, max 359 ms; 35 long tasks, longest 364 ms
//   (the 16 ms median is still not met on this loaded machine; no idle run was possible this stop).
//   For scale: bench/objects-scroll.mjs run right after, at load 11, scrolled the buckets' 10,000-object
//   listing (nothing submitting) at p50 43 ms, p95 221 ms, 64 long tasks.
// Idle (load 1.1), on the code of this stop: 10,000 listed in 3.7 s; scrolling while it submits p50 24.7 ms,
//   p95 51.8 ms, max 92 ms, 5 long tasks (longest 69 ms); reload → board 0.5 s; jobs/s 33.0 for the first
//   460, 21.3 after (the parallelism allows 25.8; in flight mean 364 of 460); while submitting (60 s):
//   0 long tasks. The 16 ms median is NOT met: this scroll loop measures 16.7 ms on a bare page in the
//   same Chromium (the floor), and the buckets' listing scrolls at p50 30 ms idle, so the shared table
//   (DataTable) misses about one frame in two on this machine.
// - reload → board again: 2.1 s.
// - jobs/s: 11.2 for the first 440, 13.8 after; the parallelism allows 24.8; in flight mean 233, at most
//   325, of 440. Long tasks while submitting (61 s): 4, longest 123 ms (was 3-24, longest 59-154 ms);
//   IndexedDB no longer shows in the profile; native work 56 %, fetch 18 %.
//
// Measured 2026-12-06 (evening) on the code of stop 26 (DataTable overscan 5, the board's columns memoised
// and its actions stable, only running rows hold a clock), idle (load 1.9-2.7), two runs:
// - listed: 10,000 inputs shown 2.8-3.2 s after Start; reload → board again 0.3-0.4 s.
// - scrolling the board while it submits: frame gap p50 16.7-16.9 ms (one 60 Hz frame, the floor of this
//   loop), p95 28-32 ms, max 42-48 ms; work per frame (scroll event → frame rendered) p50 7.8-8.9 ms,
//   p95 20.5-23.7 ms; 0 long tasks. The ≤ 16 ms median frame is met: the median frame is drawn within its
//   16.7 ms display frame, in half of it.
// - jobs/s: 42-46 for the first 460; 22.5-24.9 after, against the 25.8 the parallelism allows (in flight
//   mean 387-416 of 460): the parallelism, not the page, limits the rate.
// - while listing and while submitting (60 s): 0 long tasks.
import { loadNote, ms, ms1, openHttpDemo, printProfile, profileLongTasks, scrollThrough } from './support.mjs';

const INPUTS = Number(process.env.INPUTS ?? 10_000);
const WINDOW_S = Number(process.env.WINDOW_S ?? 60);
const LIST_LIMIT_S = Number(process.env.LIST_LIMIT_S ?? 150);
const CPU = process.env.CPU ?? '0.05';
const SERVICE = 'grayify';
const PREFIX = 'bench/';
const STEPS = 150;

let demo;
try {
  demo = await openHttpDemo({
    viewport: { width: 1440, height: 900 },
    next: `/services/${SERVICE}/batch`,
    seed: (c) => {
      c.batch(() => {
        for (let i = 0; i < INPUTS; i++) {
          c.putObject(
            SERVICE,
            {
              key: `${PREFIX}img-${String(i).padStart(5, '0')}.jpg`,
              size: 40_000 + i,
              contentType: 'image/jpeg',
            },
            { trigger: false },
          );
        }
      });
      const svc = c.services.get(SERVICE);
      svc.cpu = CPU;
      svc.memory = '64Mi';
    },
  });
  const { page, cluster } = demo;
  // The batch's jobs in the cluster: all of them, and those not finished yet (pending or running).
  const sent = () => {
    let n = 0;
    for (const j of cluster.jobsOf(SERVICE).values()) if (j.input?.key.startsWith(PREFIX)) n++;
    return n;
  };
  const inFlight = () => {
    const now = Date.now();
    let n = 0;
    for (const j of cluster.jobsOf(SERVICE).values())
      if (j.input?.key.startsWith(PREFIX) && now < j.finishAt) n++;
    return n;
  };
  const form = page.getByRole('form', { name: 'Start a batch run' });
  await form.getByTestId('parallelism-rule').waitFor({ timeout: 60_000 });
  const rule = (await form.getByTestId('parallelism-rule').textContent()) ?? '';
  await form.getByLabel('Bucket', { exact: true }).fill(SERVICE);
  await form.getByLabel(/^Prefix/).fill(PREFIX);
  await form.getByLabel(/^Suffixes/).fill('');

  const cdp = await page.context().newCDPSession(page);
  let profile = await profileLongTasks(page, cdp);
  const t0 = Date.now();
  const samples = [];
  const sampler = setInterval(() => samples.push({ t: Date.now() - t0, n: sent(), active: inFlight() }), 250);
  await form.getByRole('button', { name: 'Start batch' }).click();
  const shownInputs = () =>
    page.evaluate(
      () =>
        [...document.querySelectorAll('[data-testid="batch-counts"] dt')]
          .find((d) => d.textContent === 'Inputs')
          ?.nextElementSibling?.textContent?.replace(/[^\d+]/g, '') ?? '',
    );
  /** Waits until the board shows `text` as its Inputs count, for at most `limit` ms; the count shown at the end. */
  const waitInputs = async (text, limit) => {
    const start = Date.now();
    let shown = await shownInputs();
    while (shown !== text && Date.now() - start < limit) {
      await new Promise((r) => setTimeout(r, 100));
      shown = await shownInputs().catch(() => '');
    }
    return shown;
  };
  const shownAtListed = await waitInputs(String(INPUTS), LIST_LIMIT_S * 1000);
  const listed = Date.now() - t0;
  const listingProfile = await profile.stop();
  const sentAtListed = sent();

  // The parallelism: the form's before the start, and the board's now. The board's is what the batch had
  // going when the cluster's room was re-read plus what still fitted; the demo's nodes do not count the
  // jobs in their requests, so there it grows at every re-read (every 30 s).
  const boardRule =
    (await page
      .getByTestId('parallelism-rule')
      .first()
      .textContent()
      .catch(() => '')) ?? '';
  const atOnce = Number(/(\d+) at once/.exec(rule)?.[1] ?? NaN);
  const atOnceBoard = Number(/(\d+) at once/.exec(boardRule)?.[1] ?? NaN);

  // Scroll the 10,000 rows while the batch goes on submitting.
  await page
    .getByRole('table', { name: 'Batch inputs' })
    .locator('tbody tr[aria-rowindex]')
    .first()
    .waitFor();
  const scroll = await scrollThrough(page, { selector: 'table[aria-rowcount]', steps: STEPS });

  // Submission: the rest of the window, long tasks and a CPU profile meanwhile.
  profile = await profileLongTasks(page, cdp);
  const tSub = Date.now();
  const sentAtSub = sent();
  const end = tSub + WINDOW_S * 1000;
  while (Date.now() < end) await new Promise((r) => setTimeout(r, 500));
  const subProfile = await profile.stop();
  clearInterval(sampler);
  const sentEnd = sent();
  const subSeconds = (Date.now() - tSub) / 1000;
  const shown = await shownInputs();

  // Opening the board again: a reload reads the batch back from IndexedDB.
  const t2 = Date.now();
  await page.reload();
  const shownReopened = await waitInputs(shown, 60_000);
  const reopened = Date.now() - t2;

  // What the parallelism allows: at once / a job's life in the demo (pending + running).
  const lives = [...cluster.jobsOf(SERVICE).values()]
    .filter((j) => j.input?.key.startsWith(PREFIX))
    .map((j) => j.finishAt - j.createdAt);
  const meanLife = lives.reduce((a, b) => a + b, 0) / (lives.length || 1);
  // The first `atOnce` submissions: how fast the page sends when nothing holds it back.
  const burstEnd = samples.find((s) => s.n >= Math.min(atOnce, INPUTS));
  const firstSent = samples.find((s) => s.n > 0);

  console.log(
    `Batch board: ${INPUTS.toLocaleString('en')} inputs in ${SERVICE}/${PREFIX}, service cpu ${CPU}, memory 64Mi; demo cluster over HTTP`,
  );
  console.log(
    `  parallelism: the form says ${atOnce} at once ("${rule.replace(/\s+/g, ' ').slice(0, 150)}…")`,
  );
  console.log(
    `    the board says ${atOnceBoard} at once after the listing ("${boardRule.replace(/\s+/g, ' ').slice(0, 150)}…")`,
  );
  if (shownAtListed === String(INPUTS))
    console.log(
      `  Start batch → board shows ${INPUTS.toLocaleString('en')} inputs: ${ms(listed)}  (jobs sent by then: ${sentAtListed})`,
    );
  else
    console.log(
      `  Start batch → board shows ${INPUTS.toLocaleString('en')} inputs: NOT within ${LIST_LIMIT_S} s: it showed ${shownAtListed} (jobs sent by then: ${sentAtListed}); ${shown} at the end`,
    );
  if (scroll) {
    console.log(
      `  scroll the board's table to the bottom in ${STEPS} steps (while submitting): ${ms(scroll.total)}; frame p50 ${ms1(scroll.p50)}, p95 ${ms1(scroll.p95)}, max ${ms(scroll.max)}; long tasks ${scroll.longCount}, longest ${ms(scroll.longest)}; last row ${scroll.lastRow}`,
    );
    console.log(
      `    work per frame (scroll event → frame rendered, ${scroll.workCount} frames): p50 ${ms1(scroll.workP50)}, p95 ${ms1(scroll.workP95)}, max ${ms1(scroll.workMax)} (a 60 Hz frame: 16.7 ms)`,
    );
  } else console.log('  scroll: no board table found');
  console.log(
    `  reload → board shows its ${shown} inputs again (from IndexedDB): ${shownReopened === shown ? ms(reopened) : `not within 60 s (${shownReopened || 'nothing'} shown)`}`,
  );
  console.log(
    `  jobs submitted: first after ${firstSent ? ms(firstSent.t) : 'never'}; the first ${atOnce} (the parallelism) ${burstEnd ? `by ${ms(burstEnd.t)} → ${((atOnce - (firstSent?.n ?? 0) + 1) / Math.max(0.001, (burstEnd.t - firstSent.t) / 1000)).toFixed(1)} jobs/s` : `not reached (${sentEnd} sent)`}`,
  );
  const during = samples.filter((x) => x.t >= tSub - t0);
  const meanActive = during.reduce((a, x) => a + x.active, 0) / (during.length || 1);
  console.log(
    `  jobs of the batch pending or running in the cluster during the ${subSeconds.toFixed(0)} s after the scroll: mean ${meanActive.toFixed(0)}, at most ${Math.max(0, ...during.map((x) => x.active))} (the form's parallelism: ${atOnce})`,
  );
  console.log(
    `  jobs submitted during the ${subSeconds.toFixed(0)} s after the scroll: ${sentEnd - sentAtSub} → ${((sentEnd - sentAtSub) / subSeconds).toFixed(1)} jobs/s; the form's parallelism allows ${atOnce} / ${(meanLife / 1000).toFixed(1)} s (mean job life) = ${(atOnce / (meanLife / 1000)).toFixed(1)} jobs/s; ${sentEnd} sent in all`,
  );
  printProfile(listingProfile, `listing (${(listed / 1000).toFixed(0)} s, jobs sent meanwhile)`);
  printProfile(subProfile, `submitting (${subSeconds.toFixed(0)} s after the scroll)`);
  console.log(loadNote());
} catch (e) {
  console.log(`batch-board could not finish: ${e instanceof Error ? e.stack : e}`);
} finally {
  await demo?.close();
}
