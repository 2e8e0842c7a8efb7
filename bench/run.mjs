// npm run bench: builds if needed, then runs each benchmark in turn and prints its figures.
// Benchmarks report; they never fail the run (a benchmark that cannot run says why and the next one runs).
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('dist/index.html')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });

const scripts = readdirSync('bench')
  .filter((f) => f.endsWith('.mjs') && !['run.mjs', 'support.mjs'].includes(f))
  .sort();
for (const s of scripts) {
  console.log(`\n=== ${s}`);
  const r = spawnSync('node', [`bench/${s}`], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`(${s} could not finish: exit ${r.status})`);
}
