// Runs the Playwright suite in Debian's Chromium, installing it (and nginx, for the hosted deploy suite)
// first where that is possible, and makes the embedded build (scripts/deploy_container.cjs's mode) the
// deploy suites serve.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts }).status ?? 1;

if (!existsSync(chromium)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log(`Chromium not found at ${chromium}: installing Debian's chromium…`);
    if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', 'chromium']) !== 0) {
      console.error('Could not install chromium with apt-get.');
      process.exit(1);
    }
  } else {
    console.error(
      `No Chromium at ${chromium}. Install one and retry:\n` +
        '  Debian/Ubuntu (as root):  apt-get install -y chromium\n' +
        '  elsewhere:                npx playwright install chromium   (then set CHROMIUM_PATH to its binary)',
    );
    process.exit(1);
  }
}

const nginx = process.env.NGINX_PATH || '/usr/sbin/nginx';
if (!existsSync(nginx)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log(`nginx not found at ${nginx}: installing Debian's nginx (e2e/deploy/hosted.spec.ts serves the build with it)…`);
    if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx']) !== 0) {
      console.error('Could not install nginx with apt-get.');
      process.exit(1);
    }
  } else {
    console.error(
      `No nginx at ${nginx} (the hosted deploy suite serves the build with it). Install one and retry:\n` +
        '  Debian/Ubuntu (as root):  apt-get install -y nginx\n' +
        '  elsewhere:                your package manager\'s nginx (then set NGINX_PATH to its binary)',
    );
    process.exit(1);
  }
}

const dist = process.env.LAGOON_DIST ?? 'dist';
if (!existsSync(`${dist}/index.html`)) {
  if (run('npx', ['vite', 'build', '--outDir', dist]) !== 0) process.exit(1);
}

// The embedded build, rebuilt whenever the hosted one is newer (npm test builds that one first).
const embedded = process.env.LAGOON_EMBEDDED_DIST ?? 'dist-embedded';
const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);
if (mtime(`${embedded}/index.html`) < mtime(`${dist}/index.html`)) {
  const env = { ...process.env, LAGOON_DEPLOY: 'embedded' };
  if (run('npx', ['vite', 'build', '--outDir', embedded, '--logLevel', 'warn'], { env }) !== 0) process.exit(1);
}

process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
