// Lagoon built the way OSCAR's Dockerfile builds its UI (stage ui-build, node:20-alpine):
//   COPY dashboard/package.json; RUN npm install; COPY dashboard; RUN node scripts/deploy_container.cjs && npm run build
// in a temporary copy of this tree, with no lock file, then dist/ served as OSCAR serves it (gin's
// r.Static("/ui", "./assets")) and opened in the browser. Slow (a full npm install), so it runs once.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startDemoServer, type Running } from '../support/deploy-servers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let work = '';
let cluster: Running | undefined;

test.afterAll(async () => {
  await cluster?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

function sizeOf(dir: string): number {
  return readdirSync(dir).reduce((n, f) => {
    const p = path.join(dir, f);
    const s = statSync(p);
    return n + (s.isDirectory() ? sizeOf(p) : s.size);
  }, 0);
}

test("OSCAR's Dockerfile steps build a dist/ that works at /ui/ behind gin's static server", async ({ page }) => {
  test.setTimeout(15 * 60_000);
  work = mkdtempSync(path.join(tmpdir(), 'lagoon-oscar-build-'));
  const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: work, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CI: '1' } }).toString();

  // COPY dashboard/package.json; RUN npm install (no lock file in that layer).
  cpSync(path.join(ROOT, 'package.json'), path.join(work, 'package.json'));
  const started = Date.now();
  // --prefer-offline only reuses this machine's npm cache; what is installed is what `npm install` resolves.
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund']);
  const installSeconds = (Date.now() - started) / 1000;

  // COPY dashboard (the tree as git sees it, without node_modules and builds).
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT }).toString().split('\n').filter(Boolean);
  for (const f of files) {
    if (f === 'package.json' || !existsSync(path.join(ROOT, f))) continue;
    mkdirSync(path.dirname(path.join(work, f)), { recursive: true });
    cpSync(path.join(ROOT, f), path.join(work, f));
  }
  // RUN node scripts/deploy_container.cjs && npm run build
  sh('node', ['scripts/deploy_container.cjs']);
  sh('npm', ['run', 'build']);

  const dist = path.join(work, 'dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  // Every URL in index.html is relative, so the same files work under /ui/.
  const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(2);
  expect(urls.filter((u) => !u.startsWith('./'))).toEqual([]);
  for (const f of ['config.json', 'favicon.svg', 'theme-init.js']) expect(existsSync(path.join(dist, f)), f).toBe(true);
  console.log(
    `OSCAR-style build: npm install ${installSeconds.toFixed(0)} s, node_modules ${(sizeOf(path.join(work, 'node_modules')) / 2 ** 20).toFixed(0)} MB, dist ${(sizeOf(dist) / 2 ** 20).toFixed(1)} MB`,
  );

  // COPY --from=ui-build /dashboard/dist assets; r.Static("/ui", "./assets")
  cluster = await startDemoServer(['--ui', dist]);
  await page.goto(`${cluster.url}/`);
  await expect(page).toHaveURL(new RegExp(`^${cluster.url}/ui/#/login`));
  await expect(page.getByLabel('Cluster endpoint')).toHaveCount(0);
  await page.getByLabel('Username').fill('oscar');
  await page.getByLabel(/^Password/).fill('lagoon-demo');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Services' }).getByRole('link', { name: 'grayify', exact: true })).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(`${cluster.url}/ui/#/services`);
  await expect(page.getByRole('table', { name: 'Services' })).toBeVisible();
});
