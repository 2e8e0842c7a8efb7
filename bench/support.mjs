// Shared by the benchmarks: serve the production build on a free loopback port and drive Debian's Chromium.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts `vite preview` on the build in dist/ (or $LAGOON_DIST) and resolves with its URL and a stop function. */
export async function servePreview() {
  // Another build directory lets one engineer measure their build while others rebuild dist/.
  const dist = process.env.LAGOON_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/ missing: run "npm run build" first`);
  const port = await freePort();
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    stop: () => {
      try {
        process.kill(-child.pid);
      } catch {
        child.kill();
      }
    },
  };
}

export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return chromium.launch({ executablePath: existsSync(executablePath) ? executablePath : undefined, args: CHROMIUM_ARGS });
}

/** Logs in to the demo cluster as the `oscar` admin. */
export async function loginDemo(page, baseUrl) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/username/i).fill('oscar');
  await page.getByLabel(/^password/i).fill('lagoon-demo');
  await page.getByRole('button', { name: /^log in$/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export const ms = (n) => `${n.toFixed(0)} ms`;
