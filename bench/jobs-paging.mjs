// Pages through 5,000 jobs of one service (72 pages of 70, following next_page) in the demo cluster
// and reports the time until all are loaded and rendered, the same for "all services" with the 5,000
// among them (in a fresh tab, so nothing is cached), the longest main-thread task meanwhile with the
// app's share of it, and a scroll to the end of the virtualised table. Each job has its input file in
// the service's input path (as if uploaded), so the Input/Outputs columns have a 5,000-object listing
// to match against: the bench also reports when the rows on screen show their input, and a scroll
// through the table in steps (each step mounts new rows and their cells). Prints figures; never fails.
// Run `npx vite build` first. DEBUG_FRAMES=1 lists the long frames with the scripts that ran in them.
import { launchBrowser, loginDemo, ms, servePreview } from './support.mjs';

const JOBS = Number(process.env.JOBS ?? 5000);

// The demo cluster answers from the page's own main thread (MSW handlers, its sessionStorage snapshot):
// the app's share of a long frame is the time in scripts that are not the demo's.
const demo = (x) => /^(browser|faults|handlers|cluster|persist|seed)-/.test(x.source) || /ServiceWorkerContainer|Storage/.test(x.invoker ?? '');

const server = await servePreview();
const browser = await launchBrowser();

/** A new tab with its own demo cluster, logged in, with JOBS finished jobs added to simple-test. */
async function freshTab() {
  const page = await (await browser.newContext()).newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript(() => {
    window.__longtasks = [];
    window.__frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__frames.push({ duration: e.duration, scripts: (e.scripts ?? []).map((x) => ({ source: (x.sourceURL ?? '').replace(/^.*\//, ''), invoker: x.invoker, duration: x.duration })) });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch {
      // Long Animation Frames are Chromium-only.
    }
  });
  await loginDemo(page, server.url);
  await page.waitForFunction(() => Boolean(window.__lagoonDemo?.cluster));
  await page.evaluate((n) => {
    const c = window.__lagoonDemo.cluster;
    const now = c.now();
    c.batch(() => {
      for (let i = 0; i < n; i++) {
        const at = now - 120_000 - ((i * 518_400) % (30 * 86_400_000));
        const input = { bucket: 'simple-test', key: `input/bench-${String(i).padStart(5, '0')}.txt` };
        c.putObject(input.bucket, { key: input.key, size: 100 + i, contentType: 'text/plain', lastModified: at }, { trigger: false });
        c.createJob('simple-test', 'cluster_admin', { at, input, runMs: 5_000 + (i % 97) * 1000, outcome: i % 9 === 0 ? 'Failed' : 'Succeeded' });
      }
    });
  }, JOBS);
  // Let the demo write its snapshot before measuring.
  await page.waitForTimeout(2500);
  return page;
}

async function load(page, path) {
  const expected = await page.evaluate((p) => {
    const c = window.__lagoonDemo.cluster;
    const service = new URL(p, location.href).searchParams.get('service');
    return service ? c.jobsOf(service).size : [...c.jobs.values()].reduce((s, m) => s + m.size, 0);
  }, path);
  const t0 = await page.evaluate((p) => {
    window.__longtasks.length = 0;
    window.__frames.length = 0;
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
    return performance.now();
  }, path);
  // Loaded: no service still loading, and at least the jobs there were (workflows may add a few meanwhile).
  await page.waitForFunction(
    (n) => {
      const ps = [...document.querySelectorAll('main p')];
      if (ps.some((p) => p.textContent?.startsWith('Loading jobs'))) return false;
      return ps.some((p) => /^[\d,]+ jobs$/.test(p.textContent ?? '') && Number(p.textContent.replace(/\D/g, '')) >= n);
    },
    expected,
    { polling: 100, timeout: 120_000 },
  );
  await page.waitForFunction(() => document.querySelectorAll('table[aria-rowcount] tbody tr[aria-rowindex]').length > 5, null, { polling: 50 });
  const done = await page.evaluate(() => (window.__tableShownAt = performance.now()));
  const tasks = await page.evaluate(() => [...window.__longtasks].sort((a, b) => b - a));
  const frames = await page.evaluate(() => window.__frames);
  const app = Math.max(0, ...frames.flatMap((f) => f.scripts.filter((x) => !demo(x)).map((x) => x.duration)));
  if (process.env.DEBUG_FRAMES) console.log(JSON.stringify(frames.filter((f) => f.duration > 80).map((f) => [Math.round(f.duration), f.scripts.map((x) => `${x.source} ${x.invoker} ${Math.round(x.duration)}`)])));
  return { expected, ms: done - t0, longest: tasks[0] ?? 0, count: tasks.length, app };
}

try {
  const a = await freshTab();
  const one = await load(a, '/jobs?service=simple-test');
  // The rows on screen show their input once the bucket is listed (one listing, 6 pages of 1,000).
  const inputs = await a.evaluate(async (t0) => {
    const box = document.querySelector('table[aria-rowcount]').parentElement;
    if (![...box.querySelectorAll('th')].some((th) => th.textContent === 'Input')) return { ms: 0, shown: false };
    const start = performance.now();
    const done = () => {
      return box.querySelectorAll('tbody tr[aria-rowindex] a[aria-label$="(likely, matched by upload time)"]').length >= 10;
    };
    while (!done() && performance.now() - start < 60_000) await new Promise((r) => setTimeout(r, 20));
    return { ms: performance.now() - t0, shown: done() };
  }, await a.evaluate(() => window.__tableShownAt));
  const scroll = await a.evaluate(async () => {
    const box = document.querySelector('table[aria-rowcount]').parentElement;
    const t0 = performance.now();
    box.scrollTop = box.scrollHeight;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const rows = box.querySelectorAll('tbody tr[aria-rowindex]');
    return { ms: performance.now() - t0, last: rows[rows.length - 1]?.getAttribute('aria-rowindex') };
  });
  // Main-thread time as Chromium counts it: steadier than wall time on a busy machine.
  const cdp = await a.context().newCDPSession(a);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value * 1000]));
  const m0 = await metrics();
  const steps = await a.evaluate(async () => {
    const box = document.querySelector('table[aria-rowcount]').parentElement;
    box.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const times = [];
    const t0 = performance.now();
    for (let i = 0; i < 60; i++) {
      const s = performance.now();
      box.scrollTop += box.clientHeight;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      times.push(performance.now() - s);
    }
    times.sort((x, y) => x - y);
    return { total: performance.now() - t0, median: times[30], max: times[times.length - 1], rows: box.querySelectorAll('tbody tr[aria-rowindex]').length };
  });
  const m1 = await metrics();
  const spent = (k) => m1[k] - m0[k];
  const b = await freshTab();
  const all = await load(b, '/jobs');

  const line = (r) => `${ms(r.ms)}  (longest task ${ms(r.longest)}, ${r.count} over 50 ms; longest app script ${ms(r.app)})`;
  console.log(`Jobs paging: ${one.expected.toLocaleString('en')} jobs of one service, ${Math.ceil(one.expected / 70)} pages of 70 (page=next_page)`);
  console.log(`  one service: all pages loaded and rendered       ${line(one)}`);
  console.log(`  scroll to the last row                            ${ms(scroll.ms)}  (last rendered row ${scroll.last})`);
  console.log(`  inputs shown on the rows on screen                ${inputs.shown ? ms(inputs.ms) : 'not shown (no Input column)'}  (after the table appeared)`);
  console.log(`  scroll 60 screens, one per 2 frames               ${ms(steps.total)}  (a step: median ${ms(steps.median)}, slowest ${ms(steps.max)}; ${steps.rows} rows in the DOM)`);
  console.log(`    main thread during it: tasks ${ms(spent('TaskDuration'))}, scripts ${ms(spent('ScriptDuration'))}, layout ${ms(spent('LayoutDuration'))}, style ${ms(spent('RecalcStyleDuration'))}`);
  console.log(`  all services (${all.expected.toLocaleString('en')} jobs): loaded and rendered  ${line(all)}`);
} catch (e) {
  console.log(`jobs-paging could not finish: ${e instanceof Error ? e.message : e}`);
} finally {
  await browser.close();
  server.stop();
}
