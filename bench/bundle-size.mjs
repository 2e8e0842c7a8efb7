// Prints the gzipped size of the JS a first visit loads (the entry script plus its modulepreloads, as
// listed in index.html) against the aim (115 KB) and the limit a test holds (120 KB, e2e/bundle.spec.ts),
// the ten biggest modules of the entry chunk (from its source map), and the largest lazily loaded chunks.
// With no argument it makes its own build with source maps in a temp folder; `node bench/bundle-size.mjs
// dist` reads a build there (modules are listed only if it was built with --sourcemap).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createJiti } from 'jiti';
import { kb } from './support.mjs';

const jiti = createJiti(import.meta.url);
const { bundleReport, chunkModules, FIRST_VISIT_AIM_KB, FIRST_VISIT_LIMIT_KB } = await jiti.import('../e2e/support/bundle.ts');

let dist = process.argv[2];
let temp = null;
if (!dist) {
  temp = mkdtempSync(join(tmpdir(), 'lagoon-bundle-'));
  dist = temp;
  const r = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--sourcemap', 'hidden', '--logLevel', 'error'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

try {
  const r = bundleReport(dist);
  console.log('First visit JS (gzip):');
  for (const f of r.firstFiles) console.log(`  ${f.file.padEnd(48)} ${kb(f.gzip)}`);
  const aim = FIRST_VISIT_AIM_KB * 1024;
  const limit = FIRST_VISIT_LIMIT_KB * 1024;
  const verdict = r.firstTotal <= aim ? 'within the aim' : r.firstTotal <= limit ? 'OVER the aim, within the limit' : 'OVER the limit';
  console.log(`  total ${kb(r.firstTotal)} (aim ${kb(aim)}, limit ${kb(limit)}: ${verdict})`);
  const entry = r.firstFiles.find((f) => /assets\/index-[^/]+\.js$/.test(f.file)) ?? r.firstFiles[0];
  const modules = entry ? chunkModules(dist, entry.file) : null;
  if (modules) {
    console.log(`Biggest modules of the entry chunk ${entry.file} (minified bytes, share of its gzip):`);
    for (const m of modules.slice(0, 10)) console.log(`  ${m.module.padEnd(64)} ${String(m.bytes).padStart(8)} B  ≈${kb(m.gzipShare)}`);
  } else {
    console.log('(no source map next to the entry chunk: run without an argument to list its modules)');
  }
  console.log('Largest lazily loaded chunks (gzip):');
  for (const f of r.all.filter((f) => !r.firstFiles.some((x) => x.file === f.file)).slice(0, 8)) console.log(`  ${f.file.padEnd(48)} ${kb(f.gzip)}`);
} finally {
  if (temp) rmSync(temp, { recursive: true, force: true });
}
