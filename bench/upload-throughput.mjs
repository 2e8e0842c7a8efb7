// Upload throughput: 512 MB through the browser (the app's upload manager, multipart with parallel parts,
// production build, Debian Chromium) into a real S3 server (s3rver on 127.0.0.1, e2e/support/s3-server.ts),
// against a raw HTTP PUT of the same file from Node to the same server in the same run (and one from memory). Prints
// figures; never fails. To tell where the time goes, the same bytes also go:
//   node-multipart  the same multipart (part size, requests in flight) from Node: the server's multipart cost;
//   bare-xhr        the same parts by XHR from a bare page (no app, no signing): Chromium's cost for parts,
//                   each a Blob slice of the file;
//   bare-put        the whole File in one XHR PUT from that page: Chromium's ceiling without parts;
//   *-stock         app and Node multipart against stock s3rver (see below).
// CPU seconds are read from /proc for the browser's processes (by kind) and from Node for the server.
//
// Each run is split with the server's own request log: "setup" (file picked → first part arrives: the
// collision check and CreateMultipartUpload), "parts" (first part arrives → last part stored) and
// "complete" (CompleteMultipartUpload). The server completes as MinIO does (keeps the parts; see the top
// of e2e/support/s3-server.ts); the same runs against stock s3rver, which joins the parts by writing every
// byte again, are printed too.
//
// The app logs in to a small stand-in for the OSCAR API served here (what /system/info, /system/config and
// the bucket calls answer), not to the in-browser demo: the demo's service worker would carry every part
// body through itself, which a real cluster never does. A run on the demo is printed too, for comparison.
//
// UPLOAD_BENCH_MB (512), UPLOAD_BENCH_ROUNDS (3: medians are printed), UPLOAD_BENCH_PARTS (requests in
// flight, else the app's default), UPLOAD_BENCH_KINDS (a comma-separated subset of the runs, to explore),
// LAGOON_DIST (the build to serve).
import { createJiti } from 'jiti';
import { createReadStream } from 'node:fs';
import { link, mkdtemp, open, readdir, readFile, rm } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { CHROMIUM_ARGS, loginDemo, ms, servePreview } from './support.mjs';

const jiti = createJiti(import.meta.url);
const { startS3 } = await jiti.import('../e2e/support/s3-server.ts');
const { choosePartSize } = await jiti.import('../src/features/uploads/lib/plan.ts');

const MB = 1024 * 1024;
const SIZE = Number(process.env.UPLOAD_BENCH_MB ?? 512) * MB;
const ROUNDS = Number(process.env.UPLOAD_BENCH_ROUNDS ?? 3);
const BUCKET = 'shared-models';

const rate = (bytes, msTaken) => (bytes / MB / (msTaken / 1000)).toFixed(1);
const median = (xs) => {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One PUT of `size` bytes (1 MiB chunks from memory) from Node over `agent`. */
function put(url, size, fill = 7) {
  const chunk = Buffer.alloc(Math.min(MB, size), fill);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'PUT', agent, headers: { 'Content-Length': size, 'Content-Type': 'application/octet-stream' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(res.headers.etag) : reject(new Error(`PUT answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    let sent = 0;
    const write = () => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

/**
 * The reference: one raw PUT from Node of the same bytes, read from the same file on disk as the browser's
 * (the issue's "raw HTTP PUT of the same bytes"). `raw-memory` sends SIZE bytes from a buffer instead:
 * no file to read, a ceiling no client that reads a file can reach.
 */
async function rawPut(endpoint, key, fromMemory = false) {
  const url = `${endpoint}/${BUCKET}/${key}`;
  if (fromMemory) {
    const t0 = performance.now();
    await put(url, SIZE);
    return performance.now() - t0;
  }
  const file = await diskFile(key);
  const t0 = performance.now();
  await new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'PUT', agent, headers: { 'Content-Length': SIZE, 'Content-Type': 'application/octet-stream' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`raw PUT answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    const src = createReadStream(file, { highWaterMark: MB });
    src.on('error', reject);
    src.pipe(req);
  });
  return performance.now() - t0;
}

/** The same multipart as the browser's (part size, requests in flight), sent from Node. */
async function nodeMultipart(endpoint, key, partSize, parallel) {
  const t0 = performance.now();
  const init = await (await fetch(`${endpoint}/${BUCKET}/${key}?uploads`, { method: 'POST' })).text();
  const id = /<UploadId>(.*?)<\/UploadId>/.exec(init)?.[1];
  const numbers = Array.from({ length: Math.ceil(SIZE / partSize) }, (_, i) => i + 1);
  const etags = {};
  const queue = [...numbers];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let n = queue.shift(); n; n = queue.shift()) {
        const len = Math.min(partSize, SIZE - (n - 1) * partSize);
        etags[n] = await put(`${endpoint}/${BUCKET}/${key}?partNumber=${n}&uploadId=${id}`, len, 5);
      }
    }),
  );
  const body = `<CompleteMultipartUpload>${numbers.map((n) => `<Part><PartNumber>${n}</PartNumber><ETag>${etags[n]}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
  const res = await fetch(`${endpoint}/${BUCKET}/${key}?uploadId=${id}`, { method: 'POST', body });
  const text = await res.text();
  if (!res.ok || !text.includes('CompleteMultipartUploadResult')) throw new Error(`complete answered ${res.status}: ${text}`);
  return performance.now() - t0;
}

/**
 * The same multipart from a bare page: the file input, XHR per part (a Blob slice each), nothing else. No
 * app, no signing (s3rver takes unsigned requests): what Chromium itself costs, apart from the app. And
 * the whole file in one XHR PUT from that page: Chromium's ceiling, without multipart.
 */
const BARE_PAGE = `<!doctype html><title>bare upload</title><input type="file" id="f"><script>
window.run = async ({ endpoint, bucket, key, partSize, parallel, single }) => {
  const file = document.getElementById('f').files[0];
  const base = endpoint + '/' + bucket + '/' + key;
  if (single) return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', base);
    xhr.upload.onprogress = () => {};
    xhr.onload = () => (xhr.status === 200 ? resolve() : reject(new Error('PUT answered ' + xhr.status)));
    xhr.onerror = reject;
    xhr.send(file);
  });
  const id = /<UploadId>(.*?)<\\/UploadId>/.exec(await (await fetch(base + '?uploads', { method: 'POST' })).text())[1];
  const numbers = Array.from({ length: Math.ceil(file.size / partSize) }, (_, i) => i + 1);
  const queue = [...numbers];
  const etags = {};
  const send = (n) => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', base + '?partNumber=' + n + '&uploadId=' + id);
    xhr.upload.onprogress = () => {};
    xhr.onload = () => ((etags[n] = xhr.getResponseHeader('ETag')), resolve());
    xhr.onerror = reject;
    xhr.send(file.slice((n - 1) * partSize, n * partSize));
  });
  await Promise.all(Array.from({ length: parallel }, async () => { for (let n = queue.shift(); n; n = queue.shift()) await send(n); }));
  const body = '<CompleteMultipartUpload>' + numbers.map((n) => '<Part><PartNumber>' + n + '</PartNumber><ETag>' + etags[n] + '</ETag></Part>').join('') + '</CompleteMultipartUpload>';
  const res = await fetch(base + '?uploadId=' + id, { method: 'POST', body });
  if (!res.ok) throw new Error('complete answered ' + res.status);
};
</script>`;

/** Just enough OSCAR for the upload page: info, config (the S3 server's keys), one bucket, no services. */
function standInOscar(s3) {
  const answers = {
    '/system/info': { version: 'v4.1.2', oidc: { enabled: false } },
    '/system/config': {
      config: {},
      minio_provider: { endpoint: s3.endpoint, region: s3.region, access_key: s3.accessKey, secret_key: s3.secretKey, verify: false },
    },
    '/system/buckets': [{ bucket_name: BUCKET, owner: 'cluster_admin', visibility: 'private' }],
    [`/system/buckets/${BUCKET}`]: { bucket_name: BUCKET, owner: 'cluster_admin', visibility: 'private', objects: [], is_truncated: false },
    '/system/services': [],
  };
  const srv = http.createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    const pathname = new URL(req.url, 'http://x').pathname;
    if (pathname === '/bare.html') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(BARE_PAGE);
    const body = answers[pathname];
    if (req.method !== 'GET' || body === undefined) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

/** A file on disk of SIZE bytes under `name` (hard links: one copy of the bytes, a new name per run). */
async function diskFile(name) {
  const target = path.join(dir, name);
  if (!diskFile.first) {
    const chunk = Buffer.alloc(MB);
    for (let i = 0; i < MB; i++) chunk[i] = (i * 2654435761) >>> 24;
    const h = await open(target, 'w');
    for (let left = SIZE; left > 0; left -= MB) await h.write(left >= MB ? chunk : chunk.subarray(0, left));
    await h.close();
    diskFile.first = target;
  } else await link(diskFile.first, target);
  return target;
}

async function uploadInBrowser(page, name) {
  // Picked like a user picks a file: a disk-backed File, as with a real multi-GB input.
  const file = await diskFile(name);
  // The end is when the page says so: an observer notes the moment the summary first reads "All done"
  // (Playwright's own polling would add up to a few hundred ms). Date.now() is one clock for Node and page.
  await page.evaluate(() => {
    const w = window;
    w.__uploadDoneAt = 0;
    const seen = () => /^(All done|Finished): /.test(document.querySelector('section[aria-label=Uploads] [role=status]')?.textContent ?? '');
    const obs = new MutationObserver(() => {
      if (!seen()) return;
      w.__uploadDoneAt = Date.now();
      obs.disconnect();
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const wall0 = Date.now();
  const t0 = performance.now();
  await page.getByLabel('Files to upload').setInputFiles(file);
  const panel = page.getByRole('region', { name: 'Uploads' });
  const summary = panel.getByRole('status');
  await summary.getByText(/^(All done|Finished): /).waitFor({ timeout: 600_000 });
  const doneAt = await page.evaluate(() => window.__uploadDoneAt);
  const took = doneAt ? doneAt - wall0 : performance.now() - t0;
  await panel.getByRole('button', { name: 'Show' }).click().catch(() => {});
  if (!/^All done/.test(await summary.innerText())) throw new Error(`the browser upload failed: ${await panel.innerText()}`);
  await panel.getByRole('button', { name: 'Clear finished' }).click();
  return { took, t0 };
}

/** Splits a multipart run with the server's log: setup, parts phase, complete (ms). */
function phases(s3, key, t0) {
  const mine = s3.requests.filter((r) => r.key === key);
  const parts = mine.filter((r) => r.method === 'PUT' && r.query.partNumber);
  const complete = mine.find((r) => r.method === 'POST' && r.query.uploadId !== undefined);
  if (!parts.length || !complete?.end) return { setup: NaN, parts: NaN, complete: NaN };
  const first = Math.min(...parts.map((r) => r.start));
  const last = Math.max(...parts.map((r) => r.end ?? NaN));
  return { setup: first - t0, parts: last - first, complete: complete.end - complete.start };
}

/** CPU seconds used so far by the browser's processes (its main process, marked by an argument, and every descendant), by type. */
async function browserCpu() {
  const stats = [];
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    stats.push({ pid: Number(pid), ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / 100 });
  }
  if (!browserCpu.root) {
    for (const s of stats) {
      const cmd = await readFile(`/proc/${s.pid}/cmdline`, 'utf8').catch(() => '');
      if (cmd.includes(MARK)) browserCpu.root = s.pid;
    }
  }
  const tree = new Set([browserCpu.root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) if (!tree.has(s.pid) && tree.has(s.ppid)) (tree.add(s.pid), (grew = true));
  }
  const byType = {};
  for (const s of stats) {
    if (!tree.has(s.pid)) continue;
    const cmd = await readFile(`/proc/${s.pid}/cmdline`, 'utf8').catch(() => '');
    const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
    const sub = /--utility-sub-type=[\w.]*?(\w+)Service/.exec(cmd)?.[1];
    const name = sub ? sub.toLowerCase() : type;
    byType[name] = (byType[name] ?? 0) + s.cpu;
  }
  return byType;
}
const cpuSum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
const cpuDiff = (a, b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v - (a[k] ?? 0)]));
const MARK = `--lagoon-upload-bench=${process.pid}`;
const nodeCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function remove(endpoint, key) {
  await fetch(`${endpoint}/${BUCKET}/${key}`, { method: 'DELETE' }).catch(() => {});
}

let s3;
let dir;
let server;
let browser;
let oscar;
try {
  dir = await mkdtemp(path.join(tmpdir(), 'lagoon-bench-upload-'));
  s3 = await startS3([BUCKET]);
  const endpoint = s3.endpoint;
  oscar = await standInOscar(s3);
  const oscarUrl = `http://127.0.0.1:${oscar.address().port}`;
  server = await servePreview();
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, MARK] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  if (process.env.UPLOAD_BENCH_PARTS) {
    const parts = Number(process.env.UPLOAD_BENCH_PARTS);
    await page.addInitScript((p) => localStorage.setItem('lagoon.uploads.limits', JSON.stringify({ files: 3, parts: p })), parts);
  }
  await page.goto(`${server.url}/login?next=${encodeURIComponent(`/buckets/${BUCKET}/`)}`);
  await page.getByLabel(/cluster endpoint/i).fill(oscarUrl);
  await page.getByLabel(/username/i).fill('oscar');
  await page.getByLabel(/^password/i).fill('any');
  await page.getByRole('button', { name: /^log in$/i }).click();
  await page.getByTestId('bucket-drop-zone').waitFor();
  const limits = JSON.parse((await page.evaluate(() => localStorage.getItem('lagoon.uploads.limits'))) ?? '{"files":3,"parts":6}');
  const partSize = choosePartSize(SIZE);

  // Interleaved rounds, so a warm cache or a busy moment does not favour one kind.
  const all = ['browser', 'raw', 'raw-memory', 'node-multipart', 'bare-xhr', 'bare-put', 'browser-stock', 'node-multipart-stock'];
  const bare = await browser.newPage();
  await bare.goto(`${oscarUrl}/bare.html`);
  const kinds = process.env.UPLOAD_BENCH_KINDS ? all.filter((k) => process.env.UPLOAD_BENCH_KINDS.split(',').includes(k)) : all;
  const runs = [];
  const load0 = loadavg();
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of kinds) {
      const key = `${kind}-${round}.bin`;
      s3.completeMode = kind.endsWith('-stock') ? 'copy' : 'keep-parts';
      const t0 = performance.now();
      const cpu0 = [nodeCpu(), await browserCpu()];
      let took;
      let start = t0;
      if (kind === 'raw' || kind === 'raw-memory') took = await rawPut(endpoint, key, kind === 'raw-memory');
      else if (kind.startsWith('node-multipart')) took = await nodeMultipart(endpoint, key, partSize, limits.parts);
      else if (kind.startsWith('bare-')) {
        await bare.locator('#f').setInputFiles(await diskFile(key));
        start = performance.now();
        await bare.evaluate((o) => window.run(o), { endpoint, bucket: BUCKET, key, partSize, parallel: limits.parts, single: kind === 'bare-put' });
        took = performance.now() - start;
      }
      else ({ took, t0: start } = await uploadInBrowser(page, key));
      const byType = cpuDiff(cpu0[1], await browserCpu());
      const cpu = { nodeCpu: nodeCpu() - cpu0[0], browserCpu: cpuSum(byType), byType };
      runs.push({ kind, round, ms: took, ...cpu, ...(kind.startsWith('raw') || kind === 'bare-put' ? {} : phases(s3, key, start)) });
      await remove(endpoint, key);
    }
  }

  // The same through the demo cluster, whose service worker carries each part (demo only; small runs).
  let demoMs = NaN;
  if (SIZE <= 128 * MB) {
    const demo = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await demo.addInitScript((cfg) => {
      globalThis.__lagoonS3External = cfg;
    }, { endpoint, accessKey: s3.accessKey, secretKey: s3.secretKey, region: s3.region });
    await loginDemo(demo, server.url);
    await demo.goto(`${server.url}/buckets/${BUCKET}/`);
    await demo.getByTestId('bucket-drop-zone').waitFor();
    demoMs = await uploadInBrowser(demo, 'demo.bin').then(
      (r) => r.took,
      (e) => (console.log(`(demo run: ${e.message})`), NaN),
    );
  }

  const med = (kind, field = 'ms') => median(runs.filter((r) => r.kind === kind).map((r) => r[field]));
  console.log(
    `upload ${SIZE / MB} MB to s3rver on 127.0.0.1; ${ROUNDS} rounds, medians; parts of ${partSize / MB} MiB, ${limits.parts} in flight (browser limits ${JSON.stringify(limits)})`,
  );
  console.log(`load average before: ${load0.map((x) => x.toFixed(2)).join(', ')}; after: ${loadavg().map((x) => x.toFixed(2)).join(', ')} (2 cores)`);
  console.log('  run                       total    MB/s  CPU s: Node (server+client) browser     setup     parts (MB/s)    complete');
  for (const r of runs) {
    const split = r.kind.startsWith('raw') || r.kind === 'bare-put' ? '' : `${ms(r.setup).padStart(8)}  ${ms(r.parts).padStart(8)} (${rate(SIZE, r.parts).padStart(5)})  ${ms(r.complete).padStart(8)}`;
    const cpu = `${r.nodeCpu.toFixed(2).padStart(20)} ${r.browserCpu.toFixed(2).padStart(7)}`;
    console.log(`  ${`${r.kind} #${r.round + 1}`.padEnd(22)} ${ms(r.ms).padStart(9)}  ${rate(SIZE, r.ms).padStart(6)} ${cpu}       ${split}`);
    if (r.kind.startsWith('browser') || r.kind.startsWith('bare-')) {
      const parts = Object.entries(r.byType).filter(([, v]) => v >= 0.01).map(([k, v]) => `${k} ${v.toFixed(2)}`);
      console.log(`      browser CPU s by process: ${parts.join(', ')}`);
    }
  }
  const pct = (a, b) => `${((a / b) * 100).toFixed(0)} %`;
  const b = med('browser');
  const raw = med('raw');
  console.log(`medians:`);
  console.log(`  browser ${rate(SIZE, b)} MB/s vs raw Node PUT of the same file ${rate(SIZE, raw)} MB/s: browser at ${pct(raw, b)} of raw (target ≥ 90 %)`);
  if (Number.isFinite(med('raw-memory'))) console.log(`  raw Node PUT from memory (no file read) ${rate(SIZE, med('raw-memory'))} MB/s: browser at ${pct(med('raw-memory'), b)} of it`);
  console.log(`  browser vs the same multipart from Node (${rate(SIZE, med('node-multipart'))} MB/s): ${pct(med('node-multipart'), b)}`);
  console.log(
    `  a bare page sending the same parts by XHR, no app (${rate(SIZE, med('bare-xhr'))} MB/s): ${pct(med('bare-xhr'), b)} of it reached by the app; bare page at ${pct(raw, med('bare-xhr'))} of raw`,
  );
  console.log(`  the whole file in one XHR PUT from that page (${rate(SIZE, med('bare-put'))} MB/s): ${pct(raw, med('bare-put'))} of raw, Chromium's ceiling here`);
  console.log(
    `  browser parts phase ${ms(med('browser', 'parts'))} (${rate(SIZE, med('browser', 'parts'))} MB/s, ${pct(raw, med('browser', 'parts'))} of raw PUT's rate), setup ${ms(med('browser', 'setup'))}, complete ${ms(med('browser', 'complete'))}`,
  );
  const bs = med('browser-stock');
  if (Number.isFinite(bs)) console.log(
    `  against stock s3rver (complete joins the parts by writing every byte again): browser ${rate(SIZE, bs)} MB/s, ${pct(raw, bs)} of raw; parts ${ms(med('browser-stock', 'parts'))}, complete ${ms(med('browser-stock', 'complete'))}; Node multipart ${rate(SIZE, med('node-multipart-stock'))} MB/s (complete ${ms(med('node-multipart-stock', 'complete'))})`,
  );
  const cpuLine = (kind) => {
    const rs = runs.filter((r) => r.kind === kind);
    if (!rs.length) return `${kind} —`;
    const types = [...new Set(rs.flatMap((r) => Object.keys(r.byType)))].filter((t) => median(rs.map((r) => r.byType[t] ?? 0)) >= 0.01);
    const by = types.map((t) => `${t} ${median(rs.map((r) => r.byType[t] ?? 0)).toFixed(2)}`).join(', ');
    return `${kind}: Node ${median(rs.map((r) => r.nodeCpu)).toFixed(2)} s, Chromium ${median(rs.map((r) => r.browserCpu)).toFixed(2)} s${by ? ` (${by})` : ''}`;
  };
  console.log(`  CPU seconds for ${SIZE / MB} MB (medians; Node is the server, plus the client for raw and node-multipart):`);
  for (const k of ['raw', 'node-multipart', 'browser', 'bare-xhr', 'bare-put']) console.log(`    ${cpuLine(k)}`);
  if (Number.isFinite(demoMs)) console.log(`through the demo's service worker: ${ms(demoMs)}, ${rate(SIZE, demoMs)} MB/s (${pct(raw, demoMs)} of raw)`);
} catch (e) {
  console.log(`upload-throughput could not run: ${e instanceof Error ? e.stack : e}`);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  oscar?.close();
  agent.destroy();
  await s3?.stop().catch(() => {});
  if (dir) await rm(dir, { recursive: true, force: true });
}
