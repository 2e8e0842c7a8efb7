// Follows a job whose log grows to 100,000 lines over 20 s and reports the longest main-thread task while
// following (target ≤ 50 ms), the next longest, the CPU time of those tasks (from a Chrome trace: on a
// loaded machine a task's wall time is mostly waiting for a core), the Long Animation Frame attribution
// of the worst frames, where the main thread spent its time (a CPU profile, by function), the time until
// all lines are shown, the memory (JS heaps of the page and its log worker after GC, and the renderer
// process's private memory, which also holds strings kept outside the JS heap), and how long a search
// over the 100,000 lines takes.
//
// Headline: the app logs in with a password to a stand-in OSCAR served here on 127.0.0.1 (info, config,
// services, the job list keyed by job name, and the job's log as plain text, the whole log so far on each
// GET, as OSCAR does: prefixes of one prebuilt text). Second figure: the same log through the in-browser
// demo cluster, whose MSW handlers answer on the page's own main thread (a real cluster does not).
//
// Chromium is driven over a bare DevTools pipe, not Playwright: Playwright turns on the DevTools network
// agent, which keeps and text-decodes every response body on the page's main thread (25 ms per poll of a
// 13 MB log on this machine), work no user's browser does. Prints figures; never fails.
// Run `npx vite build` first (LAGOON_DIST picks another build directory).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, ms, servePreview } from './support.mjs';

const LINES = Number(process.env.LINES ?? 100_000);
const GROW_MS = Number(process.env.GROW_MS ?? 20_000);
const MODES = (process.env.MODES ?? 'stand-in,demo').split(',');
const SERVICE = 'simple-test';
const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];

/** One line of the log: what a supervisor and a Python worker print, with kubectl's timestamp first. */
function logLine(i, startAt, step, lines, levels) {
  const stamp = new Date(startAt + i * step).toISOString().replace('Z', '000000Z');
  return `${stamp} 2025-06-02 10:00:00,000 - worker-${i % 8} - ${levels[i % levels.length]} - tile ${i + 1}/${lines}: \u001b[32mok\u001b[0m loss=${(1 / (i + 1)).toFixed(6)} lr=0.0003\n`;
}

/** The whole log, prebuilt, and where each line ends (in characters: the text is ASCII, so also bytes). */
function buildLog(startAt) {
  const step = GROW_MS / LINES;
  const parts = [];
  const ends = new Array(LINES);
  let length = 0;
  for (let i = 0; i < LINES; i++) {
    const text = logLine(i, startAt, step, LINES, LEVELS);
    parts.push(text);
    length += text.length;
    ends[i] = length;
  }
  return { bytes: Buffer.from(parts.join(''), 'latin1'), ends, step };
}

/**
 * Just enough OSCAR for the job page, answering as the real server does (see shared/oscar-api/NOTES.md),
 * with the CORS headers its ingress adds. Two jobs: a short one to load the page's code before measuring,
 * and the followed one, whose clock starts at the first GET of its log.
 */
function standInOscar(job) {
  const iso = (t) => new Date(t).toISOString().replace(/\.\d+Z$/, 'Z');
  const created = Date.now();
  const warm = { name: 'warm-up', log: Buffer.from('2025-06-02T10:00:00.000000000Z warming up\n') };
  let startAt = null;
  let log = null;
  const service = { name: SERVICE, image: 'ghcr.io/grycap/oscar-simple-test', script: 'echo', cpu: '0.5', memory: '512Mi', log_level: 'INFO', input: [], output: [], environment: { variables: {} } };
  const running = () => startAt === null || Date.now() - startAt < GROW_MS + 1000;
  const srv = http.createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    const p = new URL(req.url, 'http://x').pathname;
    const json = (body) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const text = (body) => res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
    if (req.method !== 'GET') return res.writeHead(405, { 'Content-Type': 'text/plain' }).end('method not allowed');
    if (p === '/system/info') return json({ version: 'v4.1.2', git_commit: 'bench', architecture: 'amd64', kubernetes_version: 'v1.29', serverless_backend: { name: 'Knative' }, oidc: { enabled: false } });
    if (p === '/system/config') return json({ name: 'oscar', namespace: 'oscar', services_namespace: 'oscar-svc', gpu_available: false, oidc_enabled: false, minio_provider: { endpoint: 'http://127.0.0.1:9', region: 'us-east-1', access_key: '', secret_key: '', verify: false } });
    if (p === '/system/services') return json([service]);
    if (p === `/system/services/${SERVICE}`) return json(service);
    if (p === `/system/logs/${SERVICE}`) {
      const jobs = { [warm.name]: { status: 'Succeeded', creation_time: iso(created), start_time: iso(created), finish_time: iso(created + 1000) } };
      const t = startAt ?? Date.now();
      jobs[job] = running() ? { status: 'Running', creation_time: iso(t), start_time: iso(t) } : { status: 'Succeeded', creation_time: iso(t), start_time: iso(t), finish_time: iso(t + GROW_MS + 1000) };
      return json({ jobs, remaining_jobs: 0 });
    }
    if (p === `/system/logs/${SERVICE}/${warm.name}`) return text(warm.log);
    if (p === `/system/logs/${SERVICE}/${job}`) {
      if (startAt === null) {
        startAt = Date.now();
        log = buildLog(startAt);
      }
      const n = Math.min(LINES, Math.floor((Date.now() - startAt) / log.step));
      return text(n === 0 ? '' : log.bytes.subarray(0, log.ends[n - 1]));
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

/** Chromium on a DevTools pipe: `send` a command (to a session, flat), `on` every event. */
function rawChromium() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lagoon-bench-chromium-'));
  const exe = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(exe)) throw new Error(`no Chromium at ${exe}`);
  const child = spawn(exe, [...CHROMIUM_ARGS, '--headless=new', '--remote-debugging-pipe', `--user-data-dir=${dir}`, '--window-size=1400,1000', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const [toChrome, fromChrome] = [child.stdio[3], child.stdio[4]];
  let id = 0;
  const pending = new Map();
  const listeners = new Set();
  let buf = '';
  fromChrome.on('data', (d) => {
    buf += d.toString('utf8');
    for (let i = buf.indexOf('\0'); i >= 0; i = buf.indexOf('\0')) {
      const msg = JSON.parse(buf.slice(0, i));
      buf = buf.slice(i + 1);
      const p = msg.id !== undefined ? pending.get(msg.id) : undefined;
      if (p) {
        pending.delete(msg.id);
        if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p.resolve(msg.result);
      } else for (const l of listeners) l(msg);
    }
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const m = { id: ++id, method, params, ...(sessionId ? { sessionId } : {}) };
      pending.set(m.id, { resolve, reject, method });
      toChrome.write(`${JSON.stringify(m)}\0`);
    });
  return {
    send,
    on: (l) => listeners.add(l),
    off: (l) => listeners.delete(l),
    close: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
      } catch {
        // Chromium's crash handler may still be writing there; a temporary directory can wait.
      }
    },
  };
}

/** A tab: evaluate in it, wait for a condition, and its own commands. */
async function openTab(chrome) {
  const { targetId } = await chrome.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await chrome.send('Target.attachToTarget', { targetId, flatten: true });
  const cmd = (method, params) => chrome.send(method, params, sessionId);
  const evaluate = async (fn, ...args) => {
    const r = await cmd('Runtime.evaluate', { expression: `(${fn})(...${JSON.stringify(args)})`, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
  const waitFor = async (fn, args = [], timeout = 30_000, every = 250) => {
    const until = Date.now() + timeout;
    for (;;) {
      const v = await evaluate(fn, ...args).catch(() => undefined);
      if (v) return v;
      if (Date.now() > until) {
        const where = await evaluate(() => `${location.pathname}: ${document.body.innerText.slice(0, 300)}`).catch(() => '?');
        throw new Error(`timed out waiting for ${String(fn).slice(0, 80)} at ${where}`);
      }
      await new Promise((r) => setTimeout(r, every));
    }
  };
  await cmd('Page.enable');
  await cmd('Runtime.enable');
  await cmd('Emulation.setDeviceMetricsOverride', { width: 1400, height: 1000, deviceScaleFactor: 1, mobile: false });
  return { sessionId, cmd, evaluate, waitFor, goto: (url) => cmd('Page.navigate', { url }) };
}

function observePerf() {
  window.__perf = { longtasks: [], frames: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__perf.frames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          // Time spent in style, layout and paint at the end of the frame (after the scripts).
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          scripts: (e.scripts ?? []).map((s) => ({ source: (s.sourceURL ?? '').replace(/^.*\//, ''), fn: s.sourceFunctionName, invoker: s.invoker, duration: s.duration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Long Animation Frames are Chromium-only; long tasks are enough for the headline figure.
  }
}

/** Fills a form field found by its label, as typing would (React listens to input events). */
function fillField(labelPattern, value) {
  const label = [...document.querySelectorAll('label')].find((l) => new RegExp(labelPattern, 'i').test(l.textContent ?? ''));
  const input = label?.control;
  if (!input) throw new Error(`no field labelled ${labelPattern}`);
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

function clickButton(namePattern) {
  const b = [...document.querySelectorAll('button')].find((x) => new RegExp(namePattern, 'i').test(x.textContent?.trim() ?? ''));
  if (!b) throw new Error(`no button ${namePattern}`);
  b.click();
  return true;
}

/** The demo cluster's job whose log grows to `lines` lines: prefixes of one prebuilt text, not rebuilt per poll. */
function demoJob(lines, growMs, levels, lineSource) {
  const logLine = new Function(`return (${lineSource})`)();
  const c = window.__lagoonDemo.cluster;
  const job = c.createJob('simple-test', 'cluster_admin', { runMs: growMs + 5000, outcome: 'Succeeded' });
  job.startAt = c.now();
  job.finishAt = job.startAt + growMs + 5000;
  const step = growMs / lines;
  const parts = [];
  const ends = new Array(lines);
  let length = 0;
  for (let i = 0; i < lines; i++) {
    const text = logLine(i, job.startAt, step, lines, levels);
    parts.push(text);
    length += text.length;
    ends[i] = length;
  }
  const full = parts.join('');
  job.log = [];
  const original = c.jobLog.bind(c);
  c.jobLog = (j, timestamps, now = c.now()) => {
    if (j !== job) return original(j, timestamps, now);
    const n = Math.min(lines, Math.max(0, Math.floor((now - job.startAt) / step)));
    return n === 0 ? '' : full.slice(0, ends[n - 1]);
  };
  return job.name;
}

/** Self time by function from a CPU profile: where the main thread went. */
function topFunctions(profile, n = 8) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  for (let i = 0; i < profile.samples.length; i++) {
    const f = byId.get(profile.samples[i]).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
  const busy = [...self].filter(([k]) => !idle.has(k)).reduce((s, [, v]) => s + v, 0);
  return { busy, gc: self.get('(garbage collector)') ?? 0, top: [...self].filter(([k]) => !idle.has(k)).sort((a, b) => b[1] - a[1]).slice(0, n) };
}

/** Records a Chrome trace of top-level tasks (with their thread CPU time) until `stop` is called. */
async function startTrace(chrome) {
  const events = [];
  const listener = (m) => {
    if (m.method === 'Tracing.dataCollected') events.push(...m.params.value);
  };
  chrome.on(listener);
  await chrome.send('Tracing.start', { categories: 'toplevel,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents', options: 'record-continuously' });
  return async () => {
    const done = new Promise((resolve) => {
      const l = (m) => m.method === 'Tracing.tracingComplete' && resolve();
      chrome.on(l);
    });
    await chrome.send('Tracing.end');
    await done;
    chrome.off(listener);
    return events;
  };
}

/** The page's main thread in a trace (the busiest CrRendererMain) and its tasks: wall and CPU time. */
function mainThreadTasks(events) {
  const names = new Map();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') names.set(`${e.pid}:${e.tid}`, e.pid);
  const byThread = new Map();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !names.has(k)) continue;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push({ wall: e.dur / 1000, cpu: (e.tdur ?? 0) / 1000 });
  }
  let best = { pid: null, tasks: [] };
  for (const [k, tasks] of byThread) if (tasks.reduce((s, t) => s + t.cpu, 0) > best.tasks.reduce((s, t) => s + t.cpu, 0)) best = { pid: names.get(k), tasks };
  return best;
}

/** Private memory (Clean + Dirty) of a process, from Linux's smaps_rollup. */
function privateMemory(pid) {
  try {
    const t = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return [...t.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB/gm)].reduce((a, m) => a + Number(m[1]), 0) * 1024;
  } catch {
    return null;
  }
}

/** JS heap used after a collection in the page and in each of its workers. */
async function heaps(chrome, tab) {
  const workers = [];
  const listener = (m) => {
    if (m.method === 'Target.attachedToTarget' && m.params.targetInfo.type === 'worker') workers.push(m.params.sessionId);
  };
  chrome.on(listener);
  await tab.cmd('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
  await new Promise((r) => setTimeout(r, 500));
  chrome.off(listener);
  await tab.cmd('HeapProfiler.collectGarbage');
  const page = (await tab.cmd('Runtime.getHeapUsage')).usedSize;
  const worker = [];
  for (const s of workers) {
    await chrome.send('HeapProfiler.collectGarbage', {}, s).catch(() => {});
    const u = await chrome.send('Runtime.getHeapUsage', {}, s).catch(() => null);
    if (u) worker.push(u.usedSize);
  }
  return { page, workers: worker };
}

async function follow(baseUrl, mode) {
  const chrome = rawChromium();
  let oscar;
  try {
    const tab = await openTab(chrome);
    await tab.cmd('Page.addScriptToEvaluateOnNewDocument', { source: `(${observePerf})()` });
    let name;
    if (mode === 'stand-in') {
      name = 'bench-follow-job';
      oscar = await standInOscar(name);
      await tab.goto(`${baseUrl}/login?next=${encodeURIComponent(`/jobs/${SERVICE}/warm-up`)}`);
      await tab.waitFor(fillField, ['^cluster endpoint', `http://127.0.0.1:${oscar.address().port}`]);
      await tab.evaluate(fillField, '^username', 'oscar');
      await tab.evaluate(fillField, '^password', 'any');
      await tab.evaluate(clickButton, '^log in$');
      // The job page's code is loaded by a short job first, so its parse is not counted as following.
      await tab.waitFor(() => document.body.textContent?.includes('warming up'));
    } else {
      await tab.goto(`${baseUrl}/login`);
      await tab.waitFor(fillField, ['^username', 'oscar']);
      await tab.evaluate(fillField, '^password', 'lagoon-demo');
      await tab.evaluate(clickButton, '^log in$');
      await tab.waitFor(() => !location.pathname.startsWith('/login') && Boolean(window.__lagoonDemo?.cluster));
      // Load the job page's code on another job first, as the stand-in run does.
      await tab.evaluate(() => {
        history.pushState({}, '', `/jobs/simple-test/${[...window.__lagoonDemo.cluster.jobsOf('simple-test').keys()][0] ?? 'none'}`);
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await tab.waitFor(() => document.getElementById('log-heading') !== null);
      name = await tab.evaluate(demoJob, LINES, GROW_MS, LEVELS, String(logLine));
    }

    await tab.cmd('Profiler.enable');
    await tab.cmd('Profiler.setSamplingInterval', { interval: 200 });
    await tab.cmd('Profiler.start');
    const stopTrace = await startTrace(chrome);
    const t0 = await tab.evaluate((p) => {
      window.__perf.longtasks.length = 0;
      window.__perf.frames.length = 0;
      history.pushState({}, '', p);
      dispatchEvent(new PopStateEvent('popstate'));
      return performance.now();
    }, `/jobs/${SERVICE}/${name}`);
    const label = `${LINES.toLocaleString('en')} lines`;
    // A cheap check every half second, so the waiting does not load the main thread being measured.
    await tab.waitFor((l) => [...document.querySelectorAll('main p')].some((p) => p.textContent?.startsWith(l)), [label], GROW_MS + 60_000, 500);
    const shownAt = await tab.evaluate(() => performance.now());
    const trace = mainThreadTasks(await stopTrace());
    const { profile } = await tab.cmd('Profiler.stop');
    const state = await tab.evaluate((n) => {
      const el = document.querySelector(`[role="region"][aria-label="Log of job ${n}"]`);
      const followBtn = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Follow');
      return { following: followBtn?.getAttribute('aria-pressed'), atBottom: el ? el.scrollHeight - el.scrollTop - el.clientHeight < 10 : null, nodes: document.getElementsByTagName('*').length, perf: window.__perf };
    }, name);
    const heap = await heaps(chrome, tab);
    const renderer = trace.pid ? privateMemory(trace.pid) : null;

    // Search over everything that arrived: from the keystroke to the final count, and the longest task meanwhile.
    const search = await tab.evaluate(async () => {
      window.__perf.longtasks.length = 0;
      const box = document.querySelector('input[type="search"]');
      const start = performance.now();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, 'error');
      box.dispatchEvent(new Event('input', { bubbles: true }));
      for (;;) {
        await new Promise((r) => setTimeout(r, 5));
        const shown = [...document.querySelectorAll('p')].find((p) => /^[\d,]+\+? match(es)?$/.test(p.textContent?.trim() ?? ''));
        if (shown) return { ms: performance.now() - start, count: shown.textContent.trim(), longest: Math.max(0, ...window.__perf.longtasks.map((t) => t.duration)) };
        if (performance.now() - start > 30_000) return { ms: NaN, count: '', longest: NaN };
      }
    });
    return { mode, t0, shown: shownAt - t0, ...state, heap, renderer, search, trace, profile: topFunctions(profile) };
  } finally {
    await chrome.close();
    oscar?.close();
  }
}

function report(r) {
  const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const tasks = r.perf.longtasks.map((t) => t.duration).sort((a, b) => b - a);
  console.log(`\n[${r.mode}] ${LINES.toLocaleString('en')} lines arriving over ${(GROW_MS / 1000).toFixed(0)} s, polled every 2 s`);
  console.log(`  all lines shown after        ${ms(r.shown)} (following: ${r.following}, view at the bottom: ${r.atBottom})`);
  console.log(`  long tasks while following   ${tasks.length} (> 50 ms)`);
  console.log(`  longest main-thread task     ${tasks.length ? ms(tasks[0]) : 'none over 50 ms'}  (target ≤ 50 ms)`);
  if (tasks.length > 1) console.log(`  next longest                 ${tasks.slice(1, 5).map(ms).join(', ')}`);
  const byWall = [...r.trace.tasks].sort((a, b) => b.wall - a.wall).slice(0, 3);
  const byCpu = [...r.trace.tasks].sort((a, b) => b.cpu - a.cpu).slice(0, 3);
  console.log(`  trace: longest tasks (wall / CPU)   ${byWall.map((t) => `${ms(t.wall)} / ${ms(t.cpu)}`).join(', ')}`);
  console.log(`  trace: most CPU in one task         ${byCpu.map((t) => `${ms(t.cpu)} (wall ${ms(t.wall)})`).join(', ')}`);
  // The demo cluster answers from the page's own main thread (MSW): tell its frames from the app's.
  const demo = (s) => /^(browser|faults|handlers|cluster|persist|seed)-/.test(s.source) || /ServiceWorkerContainer/.test(s.invoker ?? '');
  if (r.mode === 'demo') {
    const appOnly = r.perf.frames.filter((f) => f.scripts.length > 0 && !f.scripts.some(demo));
    const appScript = Math.max(0, ...r.perf.frames.flatMap((f) => f.scripts.filter((x) => !demo(x)).map((x) => x.duration)));
    console.log(`  longest frame without the demo's handlers: ${appOnly.length ? ms(Math.max(...appOnly.map((f) => f.duration))) : 'none over 50 ms'}; longest app script in any frame: ${ms(appScript)}`);
  }
  for (const f of [...r.perf.frames].sort((a, b) => b.duration - a.duration).slice(0, 3)) {
    const top = [...f.scripts].sort((a, b) => b.duration - a.duration).slice(0, 2).map((s) => `${s.source || '?'}${s.fn ? `:${s.fn}` : ''} ${ms(s.duration)} (${s.invoker})`);
    console.log(`  long frame at ${Math.max(0, (f.start - r.t0) / 1000).toFixed(1)} s: ${ms(f.duration)}, blocking ${ms(f.blocking)}, rendering ${ms(f.render)}; scripts: ${top.join('; ') || 'none over 5 ms'}`);
  }
  console.log(`  main thread (CPU profile)    ${ms(r.profile.busy)} in scripts + ${ms(r.profile.gc)} GC over the run; most self time in:`);
  for (const [fn, t] of r.profile.top) console.log(`    ${ms(t).padStart(8)}  ${fn}`);
  console.log(`  JS heap after GC             page ${mb(r.heap.page)}${r.heap.workers.length ? `, worker ${r.heap.workers.map(mb).join(' + ')}` : ', no worker'}`);
  console.log(`  renderer private memory      ${r.renderer === null ? 'n/a' : mb(r.renderer)} (the page, its workers, and strings kept outside the JS heap)`);
  console.log(`  DOM nodes                    ${r.nodes}`);
  console.log(`  search "error" over all      ${Number.isNaN(r.search.ms) ? 'did not finish' : `${ms(r.search.ms)} to "${r.search.count}", longest task meanwhile ${r.search.longest > 0 ? ms(r.search.longest) : 'none over 50 ms'}`}`);
}

const server = await servePreview();
try {
  for (const mode of MODES) {
    try {
      report(await follow(server.url, mode));
    } catch (e) {
      console.log(`\n[${mode}] could not finish: ${e instanceof Error ? e.message : e}`);
    }
  }
} finally {
  server.stop();
}
