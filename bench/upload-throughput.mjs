// Upload throughput: 512 MB through the browser (the app's upload manager, multipart with parallel parts,
// production build, Debian Chromium) into a real S3 server (s3rver on 127.0.0.1), against a raw HTTP PUT of
// the same number of bytes from Node to the same server in the same run. Prints figures; never fails.
//
// The app logs in to a small stand-in for the OSCAR API served here (what /system/info, /system/config and
// the bucket calls answer), not to the in-browser demo: the demo's service worker would carry every part
// body through itself, which a real cluster never does. A run on the demo is printed too, for comparison.
import { createRequire } from 'node:module';
import { link, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { launchBrowser, loginDemo, ms, servePreview } from './support.mjs';

const require = createRequire(import.meta.url);
const MB = 1024 * 1024;
const SIZE = Number(process.env.UPLOAD_BENCH_MB ?? 512) * MB;
const BUCKET = 'shared-models';
const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>DELETE</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader></CORSRule></CORSConfiguration>`;

const rate = (bytes, msTaken) => (bytes / MB / (msTaken / 1000)).toFixed(1);

/** A raw PUT of `size` bytes (1 MiB chunks) from Node: the ceiling for this server on this machine. */
function rawPut(endpoint, key, size) {
  const chunk = Buffer.alloc(MB, 7);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(`${endpoint}/${BUCKET}/${key}`, { method: 'PUT', headers: { 'Content-Length': size, 'Content-Type': 'application/octet-stream' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`raw PUT answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    let sent = 0;
    const write = () => {
      while (sent < size) {
        const n = Math.min(MB, size - sent);
        sent += n;
        if (!req.write(n === MB ? chunk : chunk.subarray(0, n))) return req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

/** Just enough OSCAR for the upload page: info, config (the S3 server's keys), one bucket, no services. */
function standInOscar(endpoint) {
  const answers = {
    '/system/info': { version: 'v4.1.2', oidc: { enabled: false } },
    '/system/config': { config: {}, minio_provider: { endpoint, region: 'us-east-1', access_key: 'S3RVER', secret_key: 'S3RVER', verify: false } },
    '/system/buckets': [{ bucket_name: BUCKET, owner: 'cluster_admin', visibility: 'private' }],
    [`/system/buckets/${BUCKET}`]: { bucket_name: BUCKET, owner: 'cluster_admin', visibility: 'private', objects: [], is_truncated: false },
    '/system/services': [],
  };
  const srv = http.createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    const body = answers[new URL(req.url, 'http://x').pathname];
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
  const t0 = performance.now();
  await page.getByLabel('Files to upload').setInputFiles(file);
  const panel = page.getByRole('region', { name: 'Uploads' });
  const summary = panel.getByRole('status');
  await summary.getByText(/^(All done|Finished): /).waitFor({ timeout: 600_000 });
  const took = performance.now() - t0;
  await panel.getByRole('button', { name: 'Show' }).click().catch(() => {});
  if (!/^All done/.test(await summary.innerText())) throw new Error(`the browser upload failed: ${await panel.innerText()}`);
  await panel.getByRole('button', { name: 'Clear finished' }).click();
  return took;
}

/** The same bytes by S3 multipart from Node (8 MiB parts, 6 at a time, then complete): what the server's multipart costs. */
async function rawMultipart(endpoint, key, size) {
  const part = 8 * MB;
  const buf = Buffer.alloc(part, 5);
  const t0 = performance.now();
  const init = await (await fetch(`${endpoint}/${BUCKET}/${key}?uploads`, { method: 'POST' })).text();
  const id = /<UploadId>(.*?)<\/UploadId>/.exec(init)?.[1];
  const numbers = Array.from({ length: Math.ceil(size / part) }, (_, i) => i + 1);
  const etags = {};
  const queue = [...numbers];
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let n = queue.shift(); n; n = queue.shift()) {
        const len = Math.min(part, size - (n - 1) * part);
        const r = await fetch(`${endpoint}/${BUCKET}/${key}?partNumber=${n}&uploadId=${id}`, { method: 'PUT', body: buf.subarray(0, len) });
        etags[n] = r.headers.get('etag');
      }
    }),
  );
  const body = `<CompleteMultipartUpload>${numbers.map((n) => `<Part><PartNumber>${n}</PartNumber><ETag>${etags[n]}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
  await (await fetch(`${endpoint}/${BUCKET}/${key}?uploadId=${id}`, { method: 'POST', body })).text();
  return performance.now() - t0;
}

let s3;
let dir;
let server;
let browser;
let oscar;
try {
  const S3rver = require('s3rver');
  dir = await mkdtemp(path.join(tmpdir(), 'lagoon-bench-s3-'));
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [CORS] }] });
  const { port } = await s3.run();
  const endpoint = `http://127.0.0.1:${port}`;

  oscar = await standInOscar(endpoint);
  const oscarUrl = `http://127.0.0.1:${oscar.address().port}`;
  server = await servePreview();
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/login?next=${encodeURIComponent(`/buckets/${BUCKET}/`)}`);
  await page.getByLabel(/cluster endpoint/i).fill(oscarUrl);
  await page.getByLabel(/username/i).fill('oscar');
  await page.getByLabel(/^password/i).fill('any');
  await page.getByRole('button', { name: /^log in$/i }).click();
  await page.getByTestId('bucket-drop-zone').waitFor();
  const limits = await page.evaluate(() => localStorage.getItem('lagoon.uploads.limits') ?? 'default (3 files, 6 parts)');

  // Browser, raw, browser, raw: a warm cache or a busy moment does not favour one side.
  const runs = [];
  for (const [i, kind] of ['browser', 'raw', 'multipart', 'browser', 'raw', 'multipart'].entries()) {
    const key = `${kind}-${i}.bin`;
    const took = kind === 'raw' ? await rawPut(endpoint, key, SIZE) : kind === 'multipart' ? await rawMultipart(endpoint, key, SIZE) : await uploadInBrowser(page, key);
    runs.push({ kind, ms: took });
  }

  // The same through the demo cluster, whose service worker carries each part (demo only; small runs).
  let demoMs = NaN;
  if (SIZE <= 128 * MB) {
    const demo = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await demo.addInitScript((cfg) => {
      globalThis.__lagoonS3External = cfg;
    }, { endpoint, accessKey: 'S3RVER', secretKey: 'S3RVER', region: 'us-east-1' });
    await loginDemo(demo, server.url);
    await demo.goto(`${server.url}/buckets/${BUCKET}/`);
    await demo.getByTestId('bucket-drop-zone').waitFor();
    demoMs = await uploadInBrowser(demo, 'demo.bin').catch((e) => (console.log(`(demo run: ${e.message})`), NaN));
  }

  const best = (k) => Math.min(...runs.filter((r) => r.kind === k).map((r) => r.ms));
  console.log(`upload ${SIZE / MB} MB to s3rver on 127.0.0.1; browser limits: ${limits}`);
  for (const r of runs) console.log(`  ${r.kind.padEnd(7)} ${ms(r.ms).padStart(9)}  ${rate(SIZE, r.ms)} MB/s`);
  const ratio = best('raw') / best('browser');
  console.log(`browser (best) ${rate(SIZE, best('browser'))} MB/s vs raw Node PUT (best) ${rate(SIZE, best('raw'))} MB/s: browser at ${(ratio * 100).toFixed(0)} % of raw (target ≥ 90 %)`);
  console.log(
    `browser at ${((best('multipart') / best('browser')) * 100).toFixed(0)} % of the same multipart (8 MiB parts, 6 at a time) sent from Node; s3rver writes every byte twice for a multipart upload (parts, then the joined object on complete), which the single raw PUT does not pay`,
  );
  if (Number.isFinite(demoMs)) console.log(`through the demo's service worker: ${ms(demoMs)}, ${rate(SIZE, demoMs)} MB/s (${((best('raw') / demoMs) * 100).toFixed(0)} % of raw)`);
} catch (e) {
  console.log(`upload-throughput could not run: ${e instanceof Error ? e.message : e}`);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  oscar?.close();
  await s3?.close().catch(() => {});
  if (dir) await rm(dir, { recursive: true, force: true });
}
