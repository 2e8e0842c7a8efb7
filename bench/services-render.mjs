// Time to render the services list with 5,000 services, and how smoothly it scrolls, in Chromium on the
// production build with the demo cluster. Prints figures; never fails the run.
import { servePreview, launchBrowser, loginDemo, ms } from './support.mjs';

const TOTAL = 5000;
const server = await servePreview();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await loginDemo(page, server.url);
  await page.waitForFunction(() => window.__lagoonDemo);
  const existing = await page.evaluate(() => window.__lagoonDemo.cluster.listServices?.().length ?? 20);
  await page.evaluate((n) => window.__lagoonDemo.cluster.addGeneratedServices(n), TOTAL - existing);

  const t0 = Date.now();
  await page.goto(`${server.url}/services`);
  await page.getByRole('table').locator('tbody tr td').first().waitFor();
  const rendered = Date.now() - t0;
  const rows = await page.getByRole('table').getAttribute('aria-rowcount');

  // Scroll the table's scroll box from top to bottom in steps, recording frame gaps and long tasks.
  const scroll = await page.evaluate(async () => {
    const box = document.querySelector('table')?.parentElement;
    if (!box) return null;
    const longTasks = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration)));
    obs.observe({ type: 'longtask', buffered: false });
    const gaps = [];
    let last = performance.now();
    const steps = 120;
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
  });
  console.log(`services: ${rows ? Number(rows) - 1 : '?'} rows in the table`);
  console.log(`first render of the list (navigation → first row): ${ms(rendered)}`);
  if (scroll) {
    console.log(
      `scroll to the bottom in 120 steps: ${ms(scroll.total)}; frame gap p50 ${ms(scroll.p50)}, p95 ${ms(scroll.p95)}, max ${ms(scroll.max)}`,
    );
    console.log(`long tasks while scrolling: ${scroll.longCount}, longest ${ms(scroll.longest)}; last row index reached ${scroll.lastRow}`);
  }
} catch (e) {
  console.log(`services-render could not run: ${e.message}`);
} finally {
  await browser.close();
  server.stop();
}
