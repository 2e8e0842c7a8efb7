// What a 50 MB answer from /run costs the page: the demo cluster streams 50 MB (base64-like text, in
// 1 MiB chunks) through a fault hook standing in for the service, the invoke page reads it as a
// stream, keeps a preview and offers the whole as a download. Measured: time to the shown answer,
// throughput, the longest main-thread task and total blocking time while it arrives, and the JS heap.
// A bare fetch loop over the same stream gives the floor the page cannot beat. Prints figures; never
// fails the run. LAGOON_DIST=<dir> measures another build directory.
import { blockingTime, median, ms, openDemo, recordLongTasks, takeLongTasks } from './support.mjs';

const BYTES = 50_000_000;
const RUNS = 3;

/** In the page: the next POST /run/cowsay answers `bytes` bytes, generated as they are read. */
function installBigAnswer(bytes) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const chunk = Uint8Array.from({ length: 1 << 20 }, (_, i) => alphabet.charCodeAt((i * 7919) % 64));
  let sent = 0;
  const body = new ReadableStream({
    pull(c) {
      if (sent >= bytes) return c.close();
      const n = Math.min(chunk.length, bytes - sent);
      c.enqueue(chunk.slice(0, n));
      sent += n;
    },
  });
  window.__lagoonDemo.fault({ method: 'POST', path: '/run/cowsay', status: 200, body, times: 1 });
}

/** Sets up the big answer and starts a new record of long tasks. */
async function bigAnswer(page) {
  await page.evaluate(installBigAnswer, BYTES);
  await recordLongTasks(page);
}

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

async function main() {
  const { url, page, close } = await openDemo();
  try {
    await page.goto(`${url}/services/cowsay/invoke`);
    await page.getByRole('button', { name: /Reveal token of cowsay/ }).waitFor();

    // The floor: the same stream read by a bare loop, nothing kept.
    const bare = [];
    for (let i = 0; i < RUNS; i++) {
      await bigAnswer(page);
      const run = await page.evaluate(async () => {
        const token = window.__lagoonDemo.cluster.services.get('cowsay').token;
        const t = performance.now();
        const res = await fetch('https://demo.lagoon.test/run/cowsay', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
          body: 'x',
        });
        const reader = res.body.getReader();
        for (;;) if ((await reader.read()).done) break;
        await new Promise((r) => setTimeout(r, 100));
        return { ms: performance.now() - t };
      });
      bare.push({ ...run, tasks: await takeLongTasks(page) });
    }

    const cdp = await page.context().newCDPSession(page);
    const app = [];
    for (let i = 0; i < RUNS; i++) {
      await bigAnswer(page);
      // The page notes when the preview of the answer is on screen.
      await page.evaluate(() => {
        window.__shown = new Promise((resolve) => {
          const done = () =>
            document.body.textContent.includes('Showing the first 256 KiB of 47.7 MiB') &&
            (obs.disconnect(), resolve(performance.now()), true);
          const obs = new MutationObserver(done);
          obs.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
        window.__start = performance.now();
      });
      await page.getByRole('button', { name: 'Send' }).click();
      const r = await page.evaluate(async () => {
        const shown = await window.__shown;
        await new Promise((res) => setTimeout(res, 300));
        return { ms: shown - window.__start };
      });
      r.tasks = await takeLongTasks(page);
      await cdp.send('HeapProfiler.collectGarbage');
      r.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      app.push(r);
    }

    const appMs = app.map((r) => r.ms);
    const appLongest = app.map((r) => Math.max(0, ...r.tasks));
    const bareLongest = bare.map((r) => Math.max(0, ...r.tasks));
    console.log(`A ${mb(BYTES)} answer, ${RUNS} runs each (median):`);
    console.log(
      `  Lagoon invoke page: ${ms(median(appMs))} to the shown preview (${(BYTES / 1e6 / (median(appMs) / 1000)).toFixed(0)} MB/s)`,
    );
    console.log(
      `    longest main-thread task: ${ms(median(appLongest))} (max ${ms(Math.max(...appLongest))}); long tasks: ${median(app.map((r) => r.tasks.length))}; total blocking time: ${ms(median(app.map((r) => blockingTime(r.tasks))))}`,
    );
    const heaps = app.map((r) => r.heap).filter((h) => h !== null);
    if (heaps.length)
      console.log(
        `    JS heap after the answer and a GC: ${mb(median(heaps))} (the answer itself is held as a Blob)`,
      );
    console.log(
      `  Bare fetch loop (the floor): ${ms(median(bare.map((r) => r.ms)))}; longest task ${ms(median(bareLongest))}`,
    );
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.log(`invoke-large-answer bench could not finish: ${e instanceof Error ? e.message : e}`);
});
