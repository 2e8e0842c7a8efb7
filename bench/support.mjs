// Shared by the benchmarks: serve the production build on a free loopback port, drive Debian's Chromium,
// and the measuring the benchmarks have in common (long tasks, scrolling frame gaps, medians).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts `vite preview` on the build in dist/ (or $LAGOON_DIST) and resolves with its URL and a stop function. */
export async function servePreview() {
  // Another build directory lets one engineer measure their build while others rebuild dist/.
  const dist = process.env.LAGOON_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/ missing: run "npm run build" first`);
  const port = await freePort();
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    stop: () => {
      try {
        process.kill(-child.pid);
      } catch {
        child.kill();
      }
    },
  };
}

export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return chromium.launch({ executablePath: existsSync(executablePath) ? executablePath : undefined, args: CHROMIUM_ARGS });
}

/** Logs in to the demo cluster as the `oscar` admin, then goes to `next` (a path) if given. */
export async function loginDemo(page, baseUrl, next) {
  await page.goto(`${baseUrl}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel(/username/i).fill('oscar');
  await page.getByLabel(/^password/i).fill('lagoon-demo');
  await page.getByRole('button', { name: /^log in$/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export const ms = (n) => `${n.toFixed(0)} ms`;
/** Frame figures: a tenth of a millisecond tells 16.7 (one 60 Hz frame) from 17. */
export const ms1 = (n) => `${n.toFixed(1)} ms`;

/**
 * Serves the build, launches Chromium, opens a page and logs in to the demo (then goes to `next` if
 * given). `close()` ends all of it; on a failure here it is already done.
 */
export async function openDemo({ viewport = { width: 1400, height: 900 }, next } = {}) {
  const server = await servePreview();
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close();
    server.stop();
  };
  try {
    const page = await browser.newPage({ viewport });
    await loginDemo(page, server.url, next);
    return { url: server.url, browser, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The middle value (the upper middle for an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** "median 12 ms (min 10 ms, max 20 ms)" */
export const spread = (xs) => `median ${ms(median(xs))} (min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))})`;

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** A line to print with the figures: they are noisy when the machine is busy. */
export function loadNote() {
  const [load] = loadavg();
  return `(machine load average ${load.toFixed(1)} on ${cpus().length} cores: figures are noisy when it is high)`;
}

/**
 * From now on the page keeps the duration of every long task (over 50 ms) it runs; takeLongTasks()
 * hands them over. Call again after a navigation (a new document starts without the record).
 */
export async function recordLongTasks(page) {
  await page.evaluate(() => {
    window.__benchLongTasks = [];
    if (window.__benchLongTaskObserver) return;
    window.__benchLongTaskObserver = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__benchLongTasks.push(e.duration);
    });
    window.__benchLongTaskObserver.observe({ type: 'longtask' });
  });
}

/** The long tasks (ms) recorded since recordLongTasks() or the last call, and starts a new record. */
export function takeLongTasks(page) {
  return page.evaluate(() => {
    const tasks = window.__benchLongTasks ?? [];
    window.__benchLongTasks = [];
    return tasks;
  });
}

/** Total blocking time: what long tasks held the main thread beyond 50 ms each. */
export const blockingTime = (tasks) => tasks.reduce((s, d) => s + Math.max(0, d - 50), 0);

/**
 * Scrolls the parent of the first element matching `selector` from top to bottom in `steps` frames,
 * one step per animation frame. Returns the total time, frame gaps (p50, p95, max), the long tasks
 * meanwhile and the aria-rowindex of the last row rendered at the end; null when nothing matches.
 */
export function scrollThrough(page, { selector, steps }) {
  return page.evaluate(
    async ({ selector, steps }) => {
      const box = document.querySelector(selector)?.parentElement;
      if (!box) return null;
      const longTasks = [];
      const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration)));
      obs.observe({ type: 'longtask', buffered: false });
      // Two figures per step. The gap is rAF to rAF: it is a whole number of display frames (16.7 ms at
      // 60 Hz is the floor, what a bare page measures), so it shows the frames missed. The work is the
      // frame's own time: from the scroll event (a capture listener on the document runs before the
      // table's) to the end of that frame's rendering (a message posted from the rAF callback is handled
      // after style, layout and paint), i.e. what the page spent to draw the new rows.
      let scrollAt = 0;
      const onScroll = () => {
        if (scrollAt === 0) scrollAt = performance.now();
      };
      document.addEventListener('scroll', onScroll, { capture: true, passive: true });
      const channel = new MessageChannel();
      const gaps = [];
      const work = [];
      let last = performance.now();
      const start = performance.now();
      for (let i = 1; i <= steps; i++) {
        scrollAt = 0;
        box.scrollTop = (box.scrollHeight * i) / steps;
        const rendered = new Promise((r) => {
          channel.port2.onmessage = () => r(performance.now());
        });
        await new Promise((r) =>
          requestAnimationFrame(() => {
            channel.port1.postMessage(0);
            r();
          }),
        );
        const now = performance.now();
        gaps.push(now - last);
        last = now;
        const end = await rendered;
        if (scrollAt > 0) work.push(end - scrollAt);
      }
      const total = performance.now() - start;
      obs.disconnect();
      document.removeEventListener('scroll', onScroll, { capture: true });
      channel.port1.close();
      const pick = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0;
      gaps.sort((a, b) => a - b);
      work.sort((a, b) => a - b);
      const lastRow = [...document.querySelectorAll('tbody tr[aria-rowindex]')].pop()?.getAttribute('aria-rowindex');
      return {
        total,
        p50: pick(gaps, 0.5),
        p95: pick(gaps, 0.95),
        max: gaps[gaps.length - 1],
        workP50: pick(work, 0.5),
        workP95: pick(work, 0.95),
        workMax: work[work.length - 1] ?? 0,
        workCount: work.length,
        longest: longTasks.length ? Math.max(...longTasks) : 0,
        longCount: longTasks.length,
        lastRow,
      };
    },
    { selector, steps },
  );
}

/** The two lines the list benchmarks print for scrollThrough()'s result. */
export function printScroll(scroll, steps) {
  console.log(
    `scroll to the bottom in ${steps} steps: ${ms(scroll.total)}; frame gap p50 ${ms1(scroll.p50)}, p95 ${ms1(scroll.p95)}, max ${ms1(scroll.max)}`,
  );
  console.log(
    `work per frame (scroll event → frame rendered, ${scroll.workCount} frames): p50 ${ms1(scroll.workP50)}, p95 ${ms1(scroll.workP95)}, max ${ms1(scroll.workMax)}`,
  );
  console.log(`long tasks while scrolling: ${scroll.longCount}, longest ${ms(scroll.longest)}; last row index reached ${scroll.lastRow}`);
}

/**
 * The demo cluster over real HTTP (mocks/http-server.ts, what `npm run demo:server` runs), started in
 * this process through Vite's SSR loader as scripts/demo-server.mjs does, so a benchmark can seed it
 * and read its jobs directly (`cluster`) while the app talks to it over the loopback. Resolves with its
 * URL, the cluster and a stop function.
 */
export async function startHttpDemo() {
  const { loadDemoServer } = await import('../scripts/demo-module.mjs');
  const { vite, startDemoServer } = await loadDemoServer();
  const demo = await startDemoServer({ port: 0 });
  return {
    url: demo.url,
    cluster: demo.cluster,
    close: async () => {
      await demo.close();
      await vite.close();
    },
  };
}

/** Logs in to the cluster at `endpoint` (the hosted build's endpoint field) as the `oscar` admin, then goes to `next`. */
export async function loginEndpoint(page, baseUrl, endpoint, next) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Cluster endpoint').fill(endpoint);
  await page.getByLabel(/username/i).fill('oscar');
  await page.getByLabel(/^password/i).fill('lagoon-demo');
  await page.getByRole('button', { name: /^log in$/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  if (next) await page.goto(`${baseUrl}${next}`);
}

/**
 * The hosted build (vite preview) in Chromium, logged in to the demo cluster over HTTP (startHttpDemo),
 * at `next`. `close()` ends all of it; on a failure here it is already done.
 */
export async function openHttpDemo({ viewport = { width: 1400, height: 900 }, next, seed } = {}) {
  const cluster = await startHttpDemo();
  const server = await servePreview();
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close();
    server.stop();
    await cluster.close();
  };
  try {
    if (seed) await seed(cluster.cluster);
    const page = await browser.newPage({ viewport });
    await loginEndpoint(page, server.url, cluster.url, next);
    return { url: server.url, api: cluster.url, cluster: cluster.cluster, browser, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** JS heap of the page (CDP Runtime.getHeapUsage), optionally after a full garbage collection. */
export async function heapUsed(cdp, { gc = false } = {}) {
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

export const mb = (n) => `${(n / 1024 ** 2).toFixed(1)} MB`;

/**
 * Starts a CDP CPU profile of `page` and records its long tasks (PerformanceObserver longtask, with
 * their times); `stop()` ends both and returns the long tasks (count, longest, total) and the functions
 * with the most self time inside them ("name file:line", ms), top `top`, plus Chromium's main-thread
 * figures for the whole time (Performance.getMetrics: scripts, layout, style), which say what the
 * profile's "(program)" (native work with no script on the stack) was.
 */
export async function profileLongTasks(page, cdp, { intervalUs = 500, top = 12 } = {}) {
  await page.evaluate(() => {
    window.__benchProfileTasks = [];
    window.__benchProfileObserver?.disconnect();
    window.__benchProfileObserver = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__benchProfileTasks.push({ start: e.startTime, duration: e.duration });
    });
    window.__benchProfileObserver.observe({ type: 'longtask' });
  });
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value * 1000]));
  const m0 = await metrics();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  // The profile's clock (µs) and the page's performance.now() (ms) differ by a constant: read both ends.
  const startedAt = await page.evaluate(() => performance.now());
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.send('Profiler.disable');
      const m1 = await metrics();
      const tasks = await page.evaluate(() => {
        window.__benchProfileObserver?.disconnect();
        window.__benchProfileObserver = null;
        return window.__benchProfileTasks ?? [];
      });
      if (process.env.BENCH_PROFILE_DIR) {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(`${process.env.BENCH_PROFILE_DIR}/bench-${Date.now()}.cpuprofile`, JSON.stringify(profile));
      }
      const spent = (k) => (m1[k] ?? 0) - (m0[k] ?? 0);
      return {
        ...longTasksOfProfile(profile, tasks, profile.startTime / 1000 - startedAt, top),
        main: { task: spent('TaskDuration'), script: spent('ScriptDuration'), layout: spent('LayoutDuration'), style: spent('RecalcStyleDuration') },
      };
    },
  };
}

/**
 * See profileLongTasks. `tasks` are the page's long tasks ({start, duration} in its performance.now()
 * ms); `offset` turns those into the profile's clock (ms), to within a few ms.
 */
export function longTasksOfProfile(profile, tasks, offset, top = 12) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const labels = new Map();
  const label = (n) => {
    if (!labels.has(n.id)) labels.set(n.id, original(n.callFrame));
    return labels.get(n.id);
  };
  const windows = tasks.map((x) => [x.start + offset, x.start + offset + x.duration]).sort((a, b) => a[0] - b[0]);
  const self = new Map();
  const busy = new Map();
  let t = profile.startTime / 1000;
  let w = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]);
    // Idle samples at a task's edges are the few ms the two clocks are apart.
    if (node.callFrame.functionName === '(idle)') continue;
    // A sample stands for the time until the next one.
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    busy.set(label(node), (busy.get(label(node)) ?? 0) + dt);
    while (w < windows.length && windows[w][1] < t) w++;
    if (w >= windows.length || t < windows[w][0]) continue;
    self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const busyTotal = [...busy.values()].reduce((a, b) => a + b, 0);
  return {
    count: tasks.length,
    longest: tasks.length ? Math.max(...tasks.map((x) => x.duration)) : 0,
    inTasks: tasks.reduce((a, x) => a + x.duration, 0),
    total,
    top: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top),
    busyTotal,
    busyTop: [...busy.entries()].sort((a, b) => b[1] - a[1]).slice(0, Math.ceil(top / 2)),
  };
}

// A build with source maps (`npx vite build --sourcemap hidden`: the maps are written but not linked, so
// the app runs as shipped) lets the profile name the source files and functions instead of minified ones.
const maps = new Map();
function sourceMapOf(url) {
  if (!maps.has(url)) {
    let map = null;
    try {
      const dist = process.env.LAGOON_DIST ?? 'dist';
      const file = `${dist}${new URL(url).pathname}.map`;
      if (existsSync(file)) map = new TraceMap(readFileSync(file, 'utf8'));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** "name file:line" for a profile's call frame, from the source map when there is one. */
function original(f) {
  const file = f.url ? f.url.replace(/^.*\//, '') : '';
  const minified = `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
  const map = f.url && sourceMapOf(f.url);
  if (!map) return minified;
  const pos = originalPositionFor(map, { line: f.lineNumber + 1, column: Math.max(0, f.columnNumber) });
  if (!pos.source) return minified;
  const source = pos.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
  return `${pos.name ?? f.functionName ?? '(anonymous)'} ${source}:${pos.line}`;
}

/** Prints what profileLongTasks found. */
export function printProfile(p, what) {
  console.log(
    `${what}: ${p.count} long tasks, longest ${ms(p.longest)}, ${ms(p.inTasks)} in them; main thread meanwhile: tasks ${ms(p.main.task)}, scripts ${ms(p.main.script)}, layout ${ms(p.main.layout)}, style ${ms(p.main.style)}`,
  );
  const line = (total) => ([name, t]) => console.log(`  ${ms(t).padStart(8)}  ${((100 * t) / (total || 1)).toFixed(0).padStart(3)}%  ${name}`);
  console.log(`  most self time in all of it, short tasks too (CPU profile, ${ms(p.busyTotal)} not idle):`);
  p.busyTop.forEach(line(p.busyTotal));
  if (!p.count) return;
  console.log(`  most self time in the long tasks (CPU profile, ${ms(p.total)} sampled):`);
  p.top.forEach(line(p.total));
}
