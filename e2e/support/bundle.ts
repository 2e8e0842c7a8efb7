// What a first visit loads: the entry script and its modulepreloads as dist/index.html lists them, gzipped,
// and, from the entry chunk's source map (a build with --sourcemap hidden), the modules that make it up.
// Used by e2e/bundle.spec.ts (the budget) and bench/bundle-size.mjs (the figures).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

/** The first visit's JS in KB of gzip: the aim, and the line a test holds. */
export const FIRST_VISIT_AIM_KB = 115;
export const FIRST_VISIT_LIMIT_KB = 120;

export interface ChunkSize {
  file: string;
  gzip: number;
}

export interface BundleReport {
  firstFiles: ChunkSize[];
  firstTotal: number;
  /** Every JS file under assets/, largest first. */
  all: ChunkSize[];
}

const gz = (dist: string, file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** Script and modulepreload paths of index.html, relative to dist (the build may use a base such as ./ or /ui/). */
export function firstVisitFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const found = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.js)"[^>]*>/g)) {
    const tag = m[0];
    if (tag.startsWith('<link') && !/rel="modulepreload"/.test(tag)) continue;
    found.add(m[1]!.replace(/^(\.\/|\/ui\/|\/)/, ''));
  }
  return [...found];
}

export function bundleReport(dist: string): BundleReport {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html missing: run "npm run build" first`);
  const firstFiles = firstVisitFiles(dist).map((file) => ({ file, gzip: gz(dist, file) }));
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: `assets/${f}`, gzip: gz(dist, `assets/${f}`) }))
    .sort((a, b) => b.gzip - a.gzip);
  return { firstFiles, firstTotal: firstFiles.reduce((s, f) => s + f.gzip, 0), all };
}

export interface ModuleShare {
  module: string;
  /** Bytes of the minified chunk that the module's code takes. */
  bytes: number;
  /** Its share of the chunk's gzip size, in proportion to its bytes (gzip does not split by module). */
  gzipShare: number;
}

/** The modules of one built chunk by size, from its source map (null when the build made none). */
export function chunkModules(dist: string, file: string): ModuleShare[] | null {
  const path = join(dist, file);
  if (!existsSync(`${path}.map`)) return null;
  const code = readFileSync(path, 'utf8');
  const lines = code.split('\n');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${path}.map`, 'utf8')) as RawSourceMap);
  const bytes = new Map<string, number>();
  let prev: { line: number; column: number; source: string } | null = null;
  const add = (p: { line: number; column: number; source: string }, end: number) =>
    bytes.set(p.source, (bytes.get(p.source) ?? 0) + Math.max(0, end - p.column));
  map.eachMapping(
    (m) => {
      if (prev) add(prev, prev.line === m.generatedLine ? m.generatedColumn : (lines[prev.line - 1]?.length ?? 0));
      prev = { line: m.generatedLine, column: m.generatedColumn, source: m.source ?? '(unmapped)' };
    },
    null,
    SourceMapConsumer.GENERATED_ORDER,
  );
  if (prev) add(prev, lines[(prev as { line: number }).line - 1]?.length ?? 0);
  const total = code.length;
  const gzip = gz(dist, file);
  return [...bytes]
    .map(([source, n]) => ({ module: tidy(source), bytes: n, gzipShare: Math.round((gzip * n) / total) }))
    .sort((a, b) => b.bytes - a.bytes);
}

function tidy(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) return source.slice(nm + 'node_modules/'.length);
  const src = source.search(/(^|\/)(src|mocks)\//);
  return src >= 0 ? source.slice(source[src] === '/' ? src + 1 : src) : source;
}
