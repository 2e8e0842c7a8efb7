// Shared by the benchmarks: serve the production build on a free loopback port, drive Debian's Chromium,
// and the measuring the benchmarks have in common (long tasks, scrolling frame gaps, medians).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';

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
      const gaps = [];
      let last = performance.now();
      const start = performance.now();
      for (let i = 1; i <= steps; i++) {
        box.scrollTop = (box.scrollHeight * i) / steps;
        await new Promise((r) => requestAnimationFrame(() => r()));
        const now = performance.now();
        gaps.push(now - last);
        last = now;
      }
      const total = performance.now() - start;
      obs.disconnect();
      gaps.sort((a, b) => a - b);
      const lastRow = [...document.querySelectorAll('tbody tr[aria-rowindex]')].pop()?.getAttribute('aria-rowindex');
      return {
        total,
        p50: gaps[Math.floor(gaps.length * 0.5)],
        p95: gaps[Math.floor(gaps.length * 0.95)],
        max: gaps[gaps.length - 1],
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
    `scroll to the bottom in ${steps} steps: ${ms(scroll.total)}; frame gap p50 ${ms(scroll.p50)}, p95 ${ms(scroll.p95)}, max ${ms(scroll.max)}`,
  );
  console.log(`long tasks while scrolling: ${scroll.longCount}, longest ${ms(scroll.longest)}; last row index reached ${scroll.lastRow}`);
}
