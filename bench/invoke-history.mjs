// How fast the invocation history opens with 5,000 calls kept in IndexedDB: the summaries are seeded
// in the page (the app's own database layout), then /invocations is opened from the menu and by a
// reload, and scrolled to its end. Chromium on the production build with the demo cluster.
// Prints figures; never fails the run. LAGOON_DIST=<dir> measures another build directory.
import { ms, openDemo, recordLongTasks, spread, takeLongTasks } from './support.mjs';

const CALLS = 5000;
const RUNS = 5;

/** Writes `count` call summaries (and empty bodies) for the endpoint, as src/features/invoke/lib/history.ts stores them. */
function seed({ endpoint, count }) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('lagoon-invocations', 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('calls');
      open.result.createObjectStore('bodies');
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['calls', 'bodies'], 'readwrite');
      const services = [
        'cowsay',
        'grayify',
        'plant-classification-sync',
        'dog-breed-detector',
        'sleep-test',
        'qwen2-5-05b-instruct',
      ];
      const start = Date.now() - count * 60_000;
      for (let i = 0; i < count; i++) {
        const at = start + i * 60_000;
        const id = `${at.toString(36).padStart(9, '0')}-${String(i).padStart(6, '0')}`;
        const failed = i % 9 === 0;
        const summary = {
          id,
          endpoint,
          service: services[i % services.length],
          at,
          mode: i % 7 === 0 ? 'async' : 'sync',
          auth: 'service',
          input: {
            kind: 'text',
            base64: false,
            size: 12,
            contentType: 'text/plain; charset=utf-8',
            preview: `input number ${i}`,
          },
          outcome: failed ? 'failed' : 'ok',
          status: failed ? 500 : 200,
          durationMs: 100 + (i % 900),
          answer: {
            size: 200 + i,
            kind: 'text',
            label: 'Text',
            base64: false,
            contentType: 'text/plain',
            stored: 'full',
          },
          ...(failed ? { error: 'The service answered 500: Traceback (most recent call last):' } : {}),
        };
        tx.objectStore('calls').put(summary, [endpoint, id]);
        tx.objectStore('bodies').put(
          { input: `input number ${i}`, answer: new TextEncoder().encode('x'.repeat(200 + (i % 50))) },
          [endpoint, id],
        );
      }
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function main() {
  const { url, page, close } = await openDemo();
  try {
    const t0 = Date.now();
    await page.evaluate(seed, { endpoint: 'https://demo.lagoon.test', count: CALLS });
    console.log(`Seeded ${CALLS} calls in IndexedDB in ${ms(Date.now() - t0)}`);
    await recordLongTasks(page);

    const fromMenu = [];
    const longest = [];
    for (let i = 0; i < RUNS; i++) {
      await page.getByRole('link', { name: 'Services', exact: true }).first().click();
      await page.getByRole('heading', { name: 'Services' }).waitFor();
      await takeLongTasks(page);
      const start = await page.evaluate(() => performance.now());
      await page.getByRole('link', { name: 'Invocations', exact: true }).first().click();
      await page.getByText(`${CALLS} calls`, { exact: true }).waitFor();
      await page.getByRole('table', { name: 'Invocations, newest first' }).getByRole('row').nth(1).waitFor();
      const end = await page.evaluate(() => performance.now());
      fromMenu.push(end - start);
      longest.push(Math.max(0, ...(await takeLongTasks(page))));
    }

    const reload = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${url}/invocations`);
      await page.getByText(`${CALLS} calls`, { exact: true }).waitFor();
      await page.getByRole('table', { name: 'Invocations, newest first' }).getByRole('row').nth(1).waitFor();
      reload.push(await page.evaluate(() => performance.now()));
    }

    const rows = await page
      .getByRole('table', { name: 'Invocations, newest first' })
      .getByRole('row')
      .count();
    const scroll = await page.evaluate(async () => {
      const table = document.querySelector('table[aria-rowcount]');
      const box = table?.closest('.overflow-auto');
      const t = performance.now();
      box.scrollTop = box.scrollHeight;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const last = [...table.querySelectorAll('tr[aria-rowindex]')].pop()?.getAttribute('aria-rowindex');
      return { ms: performance.now() - t, last };
    });

    const filter = await page.evaluate(async () => {
      const select = document.querySelector('select');
      const t = performance.now();
      select.value = 'grayify';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t;
    });

    const readAll = await page.evaluate(async (endpoint) => {
      const times = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await new Promise((resolve, reject) => {
          const open = indexedDB.open('lagoon-invocations', 1);
          open.onsuccess = () => {
            const db = open.result;
            const r = db
              .transaction('calls')
              .objectStore('calls')
              .getAll(IDBKeyRange.bound([endpoint], [endpoint, []]));
            r.onsuccess = () => {
              db.close();
              resolve(r.result.length);
            };
            r.onerror = () => reject(r.error);
          };
        });
        times.push(performance.now() - t);
      }
      return times;
    }, 'https://demo.lagoon.test');

    console.log(`Read ${CALLS} summaries from IndexedDB (no bodies): ${spread(readAll)}`);
    console.log(
      `First open of /invocations from the menu (route code + IndexedDB + render): ${ms(fromMenu[0])}, longest task ${ms(longest[0])}`,
    );
    console.log(
      `Later opens (summaries cached): ${spread(fromMenu.slice(1))}, longest task ${spread(longest.slice(1))}`,
    );
    console.log(`Reload /invocations until the first row (navigation start → row): ${spread(reload)}`);
    console.log(`Rows in the DOM for ${CALLS} calls: ${rows - 1} (virtualised)`);
    console.log(`Scroll to the end: ${ms(scroll.ms)} to paint row ${scroll.last} of ${CALLS + 1}`);
    console.log(`Filter by service: ${ms(filter)} to the next frame`);
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.log(`invoke-history bench could not finish: ${e instanceof Error ? e.message : e}`);
});
