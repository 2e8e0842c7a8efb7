// Soak test: runs the unit suite several times while a busy loop keeps one core loaded, and prints which
// tests failed in how many runs. A test that fails only now and then (a race with a timer, a timeout that
// a slow machine misses) shows up here before it turns a CI run red.
//
//   npm run test:soak                         the vitest suite 5 times (SOAK_RUNS=3 or `-- 3` to change)
//   npm run test:soak -- 10 src/lib/log-feed.test.ts     10 runs of some test files only
//   npm run test:soak:e2e -- e2e/upload.spec.ts          Playwright specs, each test --repeat-each 3
//                                                        (SOAK_RUNS changes the 3; LAGOON_DIST and
//                                                        LAGOON_E2E_PORT as for the e2e suite)
//
// Exits 1 when any test failed in any run. SOAK_LOAD=0 runs without the busy loop, SOAK_LOAD=2 loads two
// cores.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const e2e = argv.includes('--e2e');
const rest = argv.filter((a) => a !== '--e2e');
const runsArg = rest[0] !== undefined && /^\d+$/.test(rest[0]) ? Number(rest.shift()) : undefined;
const runs = runsArg ?? Number(process.env.SOAK_RUNS ?? (e2e ? 3 : 5));
const paths = rest;
const load = Number(process.env.SOAK_LOAD ?? 1);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`test-soak: the number of runs must be a whole number above 0, not ${runs}`);
  process.exit(2);
}
if (e2e && paths.length === 0) {
  console.error('test-soak --e2e: name the specs to repeat (e.g. e2e/upload.spec.ts); the whole suite is too slow for this');
  process.exit(2);
}

const out = mkdtempSync(join(tmpdir(), 'lagoon-soak-'));

// The busy loop: children that spin until they are killed (or this process goes away).
const spinners = Array.from({ length: load }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
function stopSpinners() {
  for (const s of spinners) if (s.exitCode === null && s.signalCode === null) s.kill('SIGKILL');
}
process.on('exit', stopSpinners);
let current = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    current?.kill('SIGTERM');
    stopSpinners();
    rmSync(out, { recursive: true, force: true });
    process.exit(130);
  });
}

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    current = child;
    child.on('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const short = (message = '') => String(message).split('\n').find((l) => l.trim())?.trim().slice(0, 160) ?? '';

/** name → { runs, failed, message, slowest (ms) } over all runs. */
const tally = new Map();
function count(name, ok, message, ms = 0) {
  const t = tally.get(name) ?? { runs: 0, failed: 0, message: '', slowest: 0 };
  t.runs++;
  t.slowest = Math.max(t.slowest, ms);
  if (!ok) {
    t.failed++;
    t.message ||= short(message);
  }
  tally.set(name, t);
}

/** One vitest run's JSON report (jest's format): every test's outcome, and files that failed outside a test. */
function tallyVitest(report, runIndex, code) {
  if (!report) {
    count(`(run ${runIndex}: vitest exited ${code} without a report)`, false, '');
    return;
  }
  for (const file of report.testResults) {
    const name = relative(root, file.name);
    let failedTests = 0;
    for (const t of file.assertionResults) {
      if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') continue;
      const ok = t.status === 'passed';
      if (!ok) failedTests++;
      count(`${name} > ${t.fullName}`, ok, t.failureMessages?.[0], t.duration ?? 0);
    }
    // A hook or import that failed outside any test fails the file, not a test.
    if (file.status === 'failed' && failedTests === 0) count(`${name} (the file itself)`, false, file.message);
  }
}

/** Playwright's JSON report: suites within suites, each test with one result per try. */
function tallyPlaywright(report, code) {
  if (!report) {
    count(`(playwright exited ${code} without a report)`, false, '');
    return;
  }
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        for (const r of test.results) {
          if (r.status === 'skipped') continue;
          count(`${spec.file} > ${[...titles, spec.title].join(' > ')}`, r.status === 'passed', r.error?.message ?? r.status, r.duration);
        }
      }
    }
    for (const s of suite.suites ?? []) walk(s, s.title && s.title !== s.file ? [...titles, s.title] : titles);
  };
  for (const s of report.suites) walk(s, []);
  for (const e of report.errors ?? []) count('(playwright: error outside a test)', false, e.message);
}

const started = Date.now();
const durations = [];
try {
  if (e2e) {
    const file = join(out, 'playwright.json');
    const t0 = Date.now();
    // retries 0 whatever CI says: a retry would hide the failure this is here to find.
    const code = await run(process.execPath, ['e2e/run.mjs', ...paths, `--repeat-each=${runs}`, '--retries=0', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_FILE: file,
    });
    durations.push(Date.now() - t0);
    tallyPlaywright(readJson(file), code);
  } else {
    for (let i = 1; i <= runs; i++) {
      console.log(`\n── soak run ${i} of ${runs}${load ? `, ${load} core${load > 1 ? 's' : ''} kept busy` : ''} ──`);
      const file = join(out, `vitest-${i}.json`);
      const t0 = Date.now();
      const code = await run(process.execPath, [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--reporter=dot',
        '--reporter=json',
        // Console output (React's act() warnings…) only from tests that failed.
        '--silent=passed-only',
        `--outputFile.json=${file}`,
        ...paths,
      ]);
      durations.push(Date.now() - t0);
      const failedBefore = new Map([...tally].map(([name, t]) => [name, t.failed]));
      tallyVitest(readJson(file), i, code);
      // A line per run, so a soak stopped part-way still says what it found.
      const failedNow = [...tally].filter(([name, t]) => t.failed > (failedBefore.get(name) ?? 0)).map(([name]) => name);
      console.log(`soak run ${i} of ${runs}: ${secs(Date.now() - t0)}, ${failedNow.length} failed${failedNow.map((n) => `\n  ✗ ${n}`).join('')}`);
    }
  }
} finally {
  stopSpinners();
  rmSync(out, { recursive: true, force: true });
}

const all = [...tally.values()];
const passed = all.reduce((n, t) => n + t.runs - t.failed, 0);
const failed = all.reduce((n, t) => n + t.failed, 0);
const failing = [...tally.entries()].filter(([, t]) => t.failed > 0).sort((a, b) => b[1].failed - a[1].failed);

console.log(`\n${e2e ? `Playwright, each test ${runs} times` : `${runs} vitest run${runs > 1 ? 's' : ''}`}` +
  `${load ? ` with ${load} core${load > 1 ? 's' : ''} kept busy` : ''}: ${durations.map(secs).join(', ')}` +
  ` (${secs(Date.now() - started)} in all); ${tally.size} tests.`);
// The slowest tests: one close to its timeout (30 s for vitest, 60 s for Playwright) is the next to fail.
const slowest = [...tally.entries()].sort((a, b) => b[1].slowest - a[1].slowest).slice(0, 8);
console.log('\nSlowest (the longest of its runs):');
for (const [name, t] of slowest) console.log(`${secs(t.slowest).padStart(6)}  ${name}`);
if (failing.length) {
  console.log('\nFailed  Runs  Test');
  for (const [name, t] of failing) {
    console.log(`${String(t.failed).padStart(6)}  ${String(t.runs).padStart(4)}  ${name}`);
    if (t.message) console.log(`${' '.repeat(14)}${t.message}`);
  }
  console.log('');
}
console.log(`${passed} passed, ${failed} failed${failing.length ? ` (${failing.length} test${failing.length > 1 ? 's' : ''} failed at least once)` : ''}`);
process.exit(failed > 0 || tally.size === 0 ? 1 : 0);
