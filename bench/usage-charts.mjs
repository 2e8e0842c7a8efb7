// Usage charts: how long the usage page takes to draw 90 days of hourly points for 50 services (from
// a Prometheus query_range answer), and how much the lazily loaded chart code weighs. Prints figures;
// never fails a run.
//
//   npm run build && node bench/usage-charts.mjs
//
// A small Prometheus stand-in on 127.0.0.1 answers query_range with 2,160 hourly points per series:
// 50 series for "CPU hours by service", one for the other queries. The page is the production build
// on the demo cluster, with that Prometheus set for it as a user would (the usage page's setting).
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { freePort, kb, launchBrowser, loadNote, loginDemo, median, ms, servePreview } from './support.mjs';

const SERVICES = 50;
const RUNS = 3;
const DEMO = 'https://demo.lagoon.test';
// The build servePreview() serves, so the sizes below are of the same files.
const DIST = process.env.LAGOON_DIST ?? 'dist';

function fakePrometheus(onByService) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const headers = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' };
    if (url.pathname !== '/api/v1/query_range') {
      res.writeHead(404, headers).end('{"status":"error","error":"not found"}');
      return;
    }
    const query = url.searchParams.get('query') ?? '';
    const start = Number(url.searchParams.get('start'));
    const end = Number(url.searchParams.get('end'));
    const step = Number(url.searchParams.get('step'));
    const grouped = query.includes('label_oscar_service');
    const result = [];
    for (let s = 0; s < (grouped ? SERVICES : 1); s++) {
      const values = [];
      for (let t = start, i = 0; t <= end; t += step, i++) {
        // A daily rhythm per service, different sizes, so stacking and "Other" have something to do.
        const v = (0.2 + (s % 7) * 0.15) * (1 + Math.sin((i / 24) * 2 * Math.PI + s)) + (s === 0 ? 2 : 0);
        values.push([t, query.includes('memory') ? String(Math.round(v * 2 ** 30)) : v.toFixed(4)]);
      }
      result.push({
        metric: grouped ? { label_oscar_service: `service-${String(s + 1).padStart(2, '0')}` } : {},
        values,
      });
    }
    const body = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
    res.writeHead(200, headers);
    res.end(body, () => grouped && onByService(performance.now(), result[0].values.length, body.length));
  });
  return server;
}

async function main() {
  let sent = null;
  const prom = fakePrometheus((t, points, bytes) => (sent = { t, points, bytes }));
  const port = await freePort();
  await new Promise((r) => prom.listen(port, '127.0.0.1', r));
  const promUrl = `http://127.0.0.1:${port}`;
  const preview = await servePreview();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const scripts = new Set();
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.origin === preview.url && u.pathname.endsWith('.js')) scripts.add(u.pathname);
    });
    await loginDemo(page, preview.url);
    await page.waitForLoadState('networkidle');
    const firstVisit = new Set(scripts);
    await page.evaluate(
      ([endpoint, url]) => localStorage.setItem('lagoon.prometheus', JSON.stringify({ [endpoint]: url })),
      [DEMO, promUrl],
    );

    const draws = [];
    const tables = [];
    for (let run = 0; run < RUNS; run++) {
      sent = null;
      const t0 = performance.now();
      await page.goto(`${preview.url}/usage?range=90d`);
      const figure = page.getByRole('figure', { name: 'CPU hours by service', exact: true });
      await figure.waitFor({ timeout: 60_000 });
      await page.waitForFunction(
        () => {
          const f = [...document.querySelectorAll('figure')].find(
            (x) => x.querySelector('h3')?.textContent === 'CPU hours by service',
          );
          return f && !f.hasAttribute('aria-busy') && f.querySelectorAll('.recharts-area-area').length >= 10;
        },
        null,
        { timeout: 60_000, polling: 'raf' },
      );
      const t1 = performance.now();
      if (!sent) throw new Error('the page never asked Prometheus for CPU by service');
      const drawnSeries = await figure.locator('.recharts-area-area').count();
      draws.push({
        fromAnswer: t1 - sent.t,
        fromNavigation: t1 - t0,
        drawnSeries,
        points: sent.points,
        bytes: sent.bytes,
      });

      // Let the page settle (OSCAR's 90 daily totals) so the table is timed alone.
      await page.waitForFunction(() => !document.querySelector('figure[aria-busy="true"]'), null, {
        timeout: 60_000,
      });
      await page.waitForTimeout(500);
      const t2 = performance.now();
      await figure.getByRole('button', { name: 'Show as table' }).click();
      // The table is virtualised: it is ready when its first rows show.
      await figure.getByRole('table').getByRole('cell').first().waitFor();
      tables.push(performance.now() - t2);
    }

    const d = draws[0];
    console.log(loadNote());
    console.log(
      `90 days hourly, ${SERVICES} services: ${d.points} points a series, Prometheus answer ${kb(d.bytes)}`,
    );
    console.log(`  drawn: ${d.drawnSeries} stacked areas (the 9 largest services and "Other"), ${RUNS} runs`);
    console.log(
      `  answer → chart drawn:      ${ms(median(draws.map((x) => x.fromAnswer)))} median (${draws.map((x) => ms(x.fromAnswer)).join(', ')})`,
    );
    console.log(
      `  page open → chart drawn:   ${ms(median(draws.map((x) => x.fromNavigation)))} median (OSCAR totals for 90 daily periods load alongside)`,
    );
    console.log(`  "Show as table" (${d.points} rows, virtualised): ${ms(median(tables))} median`);

    // The chart code: what the browser fetched for the usage page and not for the first visit.
    const assets = readdirSync(`${DIST}/assets`);
    const gz = (name) => gzipSync(readFileSync(`${DIST}/assets/${name}`)).length;
    const lazy = [...scripts].filter((p) => !firstVisit.has(p)).map((p) => p.split('/').pop());
    const charty = lazy.filter((n) => /chart|recharts|Cartesian|Brush|Bar|Area/i.test(n));
    const chartBytes = charty.reduce((s, n) => s + gz(n), 0);
    const firstHasCharts = [...firstVisit].some((p) =>
      /chart-time-series-plot|chart-bars-plot|CartesianChart/.test(p),
    );
    console.log(`chart code, loaded with the first chart: ${kb(chartBytes)} gzip in ${charty.length} chunks`);
    for (const n of charty.sort((a, b) => gz(b) - gz(a)))
      console.log(`  ${n.padEnd(44)} ${kb(gz(n)).padStart(9)} gzip`);
    console.log(
      `  in the first-visit bundle: ${firstHasCharts ? 'YES (it should not be)' : 'no'} (${firstVisit.size} scripts on first visit; dist has ${assets.filter((a) => a.endsWith('.js')).length})`,
    );
  } finally {
    await browser.close();
    preview.stop();
    prom.close();
  }
}

main().catch((e) => {
  console.log(`usage-charts could not finish: ${e instanceof Error ? e.message : e}`);
});
