// Prints the gzipped size of the JS a first visit loads (the entry script plus its modulepreloads, as
// listed in dist/index.html) against the 150 KB budget, and the lazily loaded chunks that must stay out of it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { kb } from './support.mjs';

const BUDGET_KB = 150;

export function bundleReport(dist = process.argv[2] ?? 'dist') {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html missing: run "npm run build" first`);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const first = new Set();
  for (const m of html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)) first.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)) first.add(m[1]);
  const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
  const firstFiles = [...first].map((f) => ({ file: f, gzip: gz(f) }));
  const firstTotal = firstFiles.reduce((s, f) => s + f.gzip, 0);
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: `assets/${f}`, gzip: gz(`assets/${f}`) }))
    .sort((a, b) => b.gzip - a.gzip);
  return { firstFiles, firstTotal, all, budget: BUDGET_KB * 1024 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = bundleReport(process.argv[2]);
  console.log('First visit JS (gzip):');
  for (const f of r.firstFiles) console.log(`  ${f.file.padEnd(48)} ${kb(f.gzip)}`);
  console.log(`  total ${kb(r.firstTotal)} of ${kb(r.budget)} budget (${r.firstTotal <= r.budget ? 'within' : 'OVER'})`);
  console.log('Largest lazily loaded chunks (gzip):');
  for (const f of r.all.filter((f) => !r.firstFiles.some((x) => x.file === f.file)).slice(0, 8))
    console.log(`  ${f.file.padEnd(48)} ${kb(f.gzip)}`);
}
