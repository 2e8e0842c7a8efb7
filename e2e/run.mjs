// Runs the Playwright suite in Debian's Chromium, installing it first where that is possible.
import { existsSync } from 'node:fs';
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

const dist = process.env.LAGOON_DIST ?? 'dist';
if (!existsSync(`${dist}/index.html`)) {
  if (run('npx', ['vite', 'build', '--outDir', dist]) !== 0) process.exit(1);
}

process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
