// Real servers for the deploy-mode suites (e2e/deploy/): the demo cluster over HTTP (npm run demo:server,
// optionally serving a build at /ui/ as OSCAR's gin does) and Debian's nginx with the shipped config
// (deploy/nginx/). Each suite starts its own on free ports, so suites and people running side by side
// never share one.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Running {
  url: string;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/** `node scripts/demo-server.mjs` on a free port; resolves once it prints its address. */
export function startDemoServer(args: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, ['scripts/demo-server.mjs', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const fail = (why: string) => reject(new Error(`demo server did not start: ${why}\n${out}`));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, stop: stopper(child) });
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
      process.stderr.write(d);
    });
    child.once('exit', (code) => fail(`exited with ${code}`));
    setTimeout(() => fail('no address after 60 s'), 60_000).unref();
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';

/**
 * Debian's nginx serving `dist` with the shipped site config (deploy/nginx/lagoon.conf.template) and its
 * headers, the template's ${VARS} filled in as the container's entrypoint does (deploy/docker-entrypoint.sh),
 * in a throwaway prefix so it runs as any user.
 */
export async function startNginx(dist: string, vars: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const dir = path.join(tmpdir(), `lagoon-nginx-${process.pid}-${port}`);
  for (const d of ['', 'tmp', 'logs']) mkdirSync(path.join(dir, d), { recursive: true });
  const template = readFileSync(path.join(ROOT, 'deploy/nginx/lagoon.conf.template'), 'utf8');
  const site = template
    .replace(/\$\{(\w+)\}/g, (_, name: string) => ({ LAGOON_PORT: String(port), LAGOON_ROOT: path.resolve(ROOT, dist), ...vars })[name] ?? '')
    .replace(/listen\s+(\d+|\[::\]:\d+)\s*;/g, (m) => (m.includes('[::]') ? '' : `listen 127.0.0.1:${port};`));
  writeFileSync(path.join(dir, 'site.conf'), site);
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  sendfile on;
  include ${dir}/site.conf;
}
`,
  );
  if (!existsSync(NGINX)) throw new Error(`No nginx at ${NGINX}: apt-get install -y nginx (e2e/run.mjs does it as root)`);
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${readFileSync(path.join(dir, 'logs/error.log'), 'utf8')}`);
    try {
      await fetch(`${url}/config.json`);
      return { url, stop: stopper(child) };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('nginx did not answer');
}
