// A real Prometheus for the usage e2e tests: Debian's `prometheus` with a TSDB backfilled by
// `promtool tsdb create-blocks-from openmetrics` from an OpenMetrics file generated here, listening on
// 127.0.0.1 on a free port with CORS open to the app's origin, in a temporary directory removed on stop.
//
// The data imitates a Kubernetes cluster running OSCAR services: cAdvisor's CPU counter and memory
// gauge per pod, kube-state-metrics' pod labels (oscar_service=<name>) and GPU requests, so the app's
// default queries (src/features/usage/lib/prometheus.ts) work unchanged.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeService {
  name: string;
  /** CPU cores used, all the time. */
  cores: number;
  memoryGiB: number;
  gpus?: number;
}

export const SERVICES: readonly FakeService[] = [
  { name: 'yolo-detector', cores: 1, memoryGiB: 6, gpus: 1 },
  { name: 'cowsay', cores: 0.5, memoryGiB: 0.25 },
  { name: 'plant-classifier', cores: 0.25, memoryGiB: 2 },
];

const HOURS = 26;
const STEP_S = 60;

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Makes sure prometheus and promtool exist: installs Debian's package when running as root, else says what to do. */
export function ensurePrometheus(): void {
  if (has('prometheus') && has('promtool')) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && has('apt-get')) {
    console.log('prometheus/promtool not found: installing Debian’s prometheus package…');
    const ok =
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' }).status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'prometheus'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }).status === 0;
    if (ok && has('prometheus') && has('promtool')) return;
    throw new Error('Installing Debian’s prometheus package with apt-get failed; see the output above.');
  }
  throw new Error(
    'These tests need a real Prometheus: the `prometheus` and `promtool` commands were not found.\n' +
      '  Debian/Ubuntu (as root):  apt-get install -y prometheus\n' +
      '  elsewhere:                put prometheus and promtool (https://prometheus.io/download/) on the PATH',
  );
}

/** An OpenMetrics exposition of the last HOURS hours, one sample a minute, ending at `now` (ms). */
export function openMetrics(now: number, services: readonly FakeService[] = SERVICES): string {
  const end = Math.floor(now / 1000 / STEP_S) * STEP_S;
  const start = end - HOURS * 3600;
  const lines: string[] = [];
  const pod = (s: FakeService) => `${s.name}-7d9f8-abcde`;
  const base = (s: FakeService) => `namespace="oscar-svc",pod="${pod(s)}"`;
  const each = (f: (t: number) => void) => {
    for (let t = start; t <= end; t += STEP_S) f(t);
  };
  // A family's samples stay together and each series' timestamps increase, as OpenMetrics requires.
  lines.push('# TYPE container_cpu_usage_seconds counter');
  for (const s of services)
    each((t) =>
      lines.push(
        `container_cpu_usage_seconds_total{${base(s)},container="${s.name}"} ${((t - start) * s.cores).toFixed(3)} ${t}`,
      ),
    );
  lines.push('# TYPE container_memory_working_set_bytes gauge');
  for (const s of services)
    each((t) =>
      lines.push(
        `container_memory_working_set_bytes{${base(s)},container="${s.name}"} ${Math.round(s.memoryGiB * 1024 ** 3)} ${t}`,
      ),
    );
  lines.push('# TYPE kube_pod_labels gauge');
  for (const s of services)
    each((t) => lines.push(`kube_pod_labels{${base(s)},label_oscar_service="${s.name}"} 1 ${t}`));
  lines.push('# TYPE kube_pod_container_resource_requests gauge');
  for (const s of services.filter((x) => x.gpus))
    each((t) =>
      lines.push(
        `kube_pod_container_resource_requests{${base(s)},container="${s.name}",resource="nvidia_com_gpu",unit="integer"} ${s.gpus} ${t}`,
      ),
    );
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningPrometheus {
  url: string;
  /** Stops the server (idempotent) and removes its directory. */
  stop: () => Promise<void>;
}

/** Backfills, starts, and waits until Prometheus is ready. `corsOrigin` is the app's origin. */
export async function startPrometheus(corsOrigin: string, now = Date.now()): Promise<RunningPrometheus> {
  ensurePrometheus();
  const dir = mkdtempSync(join(tmpdir(), 'lagoon-prometheus-'));
  const data = join(dir, 'data');
  const input = join(dir, 'usage.om.txt');
  writeFileSync(input, openMetrics(now));
  const backfill = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', input, data], {
    encoding: 'utf8',
  });
  if (backfill.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`promtool could not backfill the test data:\n${backfill.stderr || backfill.stdout}`);
  }
  // No scrape jobs: the only data is the backfill, so every figure is known.
  writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1m\nscrape_configs: []\n');
  const port = await freePort();
  const escaped = corsOrigin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${data}`,
      '--storage.tsdb.retention.time=30d',
      `--web.listen-address=127.0.0.1:${port}`,
      `--web.cors.origin=${escaped}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (b: Buffer) => (log = (log + b.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`Prometheus did not become ready on ${url}:\n${log}`);
}
