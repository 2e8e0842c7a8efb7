// The demo cluster's data: the real OSCAR example services (FDL files and scripts copied into ./fdl),
// owned by the admin and by a few OIDC users, with buckets of realistic objects, jobs in every status
// and 90 days of invocation history. Deterministic: the same seed gives the same cluster.
import { parse } from 'yaml';
import type { Service } from '../src/api/types';
import { DEMO_OIDC_USERS } from '../src/api/demo';
import { ADMIN_OWNER, type Principal } from './auth';
import { Cluster, EGI_ISSUERS, splitPath, type ClusterOptions, type InvocationEvent, type KnownUser } from './cluster';
import { createRng, hashString, type Rng } from './prng';

const FILES = import.meta.glob<string>('./fdl/**/*.{yaml,yml,sh}', { query: '?raw', import: 'default', eager: true });

const DAY = 86_400_000;

/** The OIDC user of the demo (EGI Check-in style subject); the login screen offers her (src/api/demo.ts). */
export const DEMO_OIDC_USER = DEMO_OIDC_USERS.ana;

/** A second OIDC user whose private services Ana must not see. */
export const OTHER_OIDC_USER = DEMO_OIDC_USERS.marco;

/** Services Ana owns, and their visibility. */
export const ANA_SERVICES: Record<string, 'private' | 'public' | 'restricted'> = {
  'plant-classification-sync': 'private',
  grayify: 'restricted',
  'body-pose-detection-async': 'private',
  'fish-detector-zip': 'public',
};

const MARCO_SERVICES: Record<string, 'private' | 'public' | 'restricted'> = {
  'wordcount-compss-python': 'private',
  'thermal-detector-interlink': 'restricted',
};

/** Admin services anyone may see, and one restricted service Ana is allowed on. */
const ADMIN_VISIBILITY: Record<string, 'private' | 'public' | 'restricted'> = {
  cowsay: 'public',
  'dog-breed-detector': 'public',
  'simple-test': 'public',
  'sleep-test': 'restricted',
  'fire-detection': 'public',
};

const COUNTRIES = ['ES', 'IT', 'DE', 'FR', 'PT', 'NL', 'PL', 'GR', 'CZ', 'BE', 'SE', 'IE', 'AT', 'HU', 'RO'];
const VOS = ['vo.ai4eosc.eu', 'vo.imagine-ai.eu', 'dev.intertwin.eu'];

function knownUsers(r: Rng): KnownUser[] {
  const users: KnownUser[] = [
    { sub: DEMO_OIDC_USER.sub, name: DEMO_OIDC_USER.name, country: 'ES', vo: 'vo.ai4eosc.eu' },
    { sub: OTHER_OIDC_USER.sub, name: OTHER_OIDC_USER.name, country: 'IT', vo: 'dev.intertwin.eu' },
  ];
  const first = ['Lena', 'João', 'Piotr', 'Eleni', 'Jan', 'Sofie', 'Aoife', 'Lukas', 'Camille', 'Bence', 'Ioana', 'Erik', 'Marta', 'Tomás', 'Nora', 'Karel', 'Chiara', 'Pieter'];
  const last = ['Novak', 'Silva', 'Kowalski', 'Papadopoulou', 'De Vries', 'Jansen', 'Murphy', 'Huber', 'Martin', 'Nagy', 'Popescu', 'Lindqvist', 'Ferreira', 'Costa', 'Berg', 'Dvořák', 'Bianchi', 'Peeters'];
  for (let i = 0; i < 18; i++) {
    users.push({
      sub: `${r.hex(32)}@egi.eu`,
      name: `${first[i]} ${last[i]}`,
      country: COUNTRIES[(i + 2) % COUNTRIES.length]!,
      vo: r.pick(VOS),
    });
  }
  return users;
}

// ---------------------------------------------------------------- FDL → API service

function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return `[${v.map(str).join(', ')}]`;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = str(x);
  return out;
}

/** oscar-cli FDL service → API service (environment.Variables, script files, v4.1 expose/federation). */
export function serviceFromFdl(raw: Record<string, unknown>, dir: string, top: Record<string, unknown>): Service {
  const s: Record<string, unknown> = { ...raw };
  const scriptName = typeof s.script === 'string' ? s.script : '';
  const scriptFile = scriptName ? FILES[`${dir}/${scriptName}`] : undefined;
  s.script = scriptFile ?? (scriptName && !scriptName.endsWith('.sh') ? scriptName : '#!/bin/sh\n# Runs the image entrypoint\nexec "$@"\n');
  if (typeof s.script === 'string' && !s.script.trim()) s.script = '#!/bin/sh\n# The work happens in the image entrypoint\n';
  if (s.cpu !== undefined) s.cpu = typeof s.cpu === 'number' ? s.cpu.toFixed(1) : str(s.cpu);
  if (s.memory !== undefined) s.memory = str(s.memory);
  const env = s.environment as Record<string, unknown> | undefined;
  if (env) {
    const variables = stringMap(env.Variables ?? env.variables);
    const secrets = stringMap(env.Secrets ?? env.secrets);
    s.environment = { ...(variables ? { variables } : {}), ...(secrets ? { secrets } : {}) };
  }
  const expose = s.expose as Record<string, unknown> | undefined;
  if (expose && expose.api_port !== undefined && !Array.isArray(expose.api_port)) {
    s.expose = { ...expose, api_port: [Number(expose.api_port)] };
  }
  if (Array.isArray(s.replicas)) {
    // v4.1 moved replicas under `federation` (../shared/oscar-api/NOTES.md, "Other shapes").
    s.federation = { group_id: `${str(s.name)}-fed`, topology: 'star', delegation: 'static', members: s.replicas };
    delete s.replicas;
  }
  if (typeof s.vo !== 'string' || !/^[a-z0-9.-]+$/.test(s.vo)) s.vo = 'vo.ai4eosc.eu';
  for (const io of ['input', 'output'] as const) {
    if (Array.isArray(s[io])) s[io] = (s[io] as Record<string, unknown>[]).map((x) => ({ ...x, path: str(x.path) }));
  }
  const clusters = top.clusters as Record<string, Record<string, unknown>> | undefined;
  if (clusters) {
    s.clusters = Object.fromEntries(
      Object.entries(clusters).map(([id, c]) => [
        id,
        {
          endpoint: str(c.endpoint) || `https://${id}.fed.lagoon.test`,
          auth_user: str(c.auth_user) || 'oscar',
          auth_password: str(c.auth_password),
          ssl_verify: c.ssl_verify !== false,
        },
      ]),
    );
  }
  const providers = top.storage_providers as Record<string, Record<string, Record<string, unknown>>> | undefined;
  if (providers) {
    const sp: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const [kind, byId] of Object.entries(providers)) {
      sp[kind] = {};
      for (const [id, cfg] of Object.entries(byId ?? {})) {
        sp[kind][id] = Object.fromEntries(
          Object.entries(cfg ?? {}).map(([k, v]) => [k, typeof v === 'boolean' ? v : str(v) || (k === 'endpoint' ? `https://minio.${id}.fed.lagoon.test` : '')]),
        );
      }
    }
    s.storage_providers = sp;
  }
  return s as unknown as Service;
}

/**
 * Seeded under another name than in its FDL: the app's e2e tests find `cowsay` by a link name that
 * would also match "cowsay-secret".
 */
const RENAMES: Record<string, string> = { 'cowsay-secret': 'secrets-usage' };

/** Every service in the FDL files, first definition of a name wins. */
export function fdlServices(): Service[] {
  const seen = new Map<string, Service>();
  for (const path of Object.keys(FILES).sort()) {
    if (!/\.ya?ml$/.test(path)) continue;
    let doc: unknown;
    try {
      doc = parse(FILES[path] ?? '');
    } catch {
      continue;
    }
    const top = (doc ?? {}) as Record<string, unknown>;
    const list = (top.functions as { oscar?: unknown } | undefined)?.oscar;
    if (!Array.isArray(list)) continue;
    const dir = path.slice(0, path.lastIndexOf('/'));
    for (const entry of list) {
      if (!entry || typeof entry !== 'object') continue;
      for (const svc of Object.values(entry as Record<string, unknown>)) {
        if (!svc || typeof svc !== 'object') continue;
        const s = serviceFromFdl(svc as Record<string, unknown>, dir, top);
        s.name = RENAMES[s.name] ?? s.name;
        if (s.name && !seen.has(s.name)) seen.set(s.name, s);
      }
    }
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------- seeding

function principalFor(owner: string): Principal {
  if (owner === ADMIN_OWNER) return { kind: 'admin', username: 'oscar' };
  return { kind: 'oidc', sub: owner, iss: EGI_ISSUERS[0]!, entitlements: [] };
}

const IMAGE_NAMES = ['IMG_2041', 'IMG_2057', 'DSC_0193', 'field-site-04', 'sample-017', 'station-A-cam2', 'drone-pass-12', 'plot-B7', 'reef-transect-3', 'lab-bench-09'];

function inputFileName(svc: Service, r: Rng, i: number): { name: string; size: number; type: string } {
  const n = svc.name + ' ' + svc.image;
  if (/compss|wordcount/.test(n)) return { name: `corpus-${i}.tar`, size: r.int(100_000, 20_000_000), type: 'application/x-tar' };
  if (/zip/.test(n)) return { name: `batch-${i}.zip`, size: r.int(2_000_000, 80_000_000), type: 'application/zip' };
  if (/kserve/.test(n)) return { name: `iris-${i}.json`, size: r.int(60, 400), type: 'application/json' };
  if (/simple|sleep/.test(n)) return { name: `input-${i}.txt`, size: r.int(20, 4000), type: 'text/plain' };
  if (/fire|thermal/.test(n) && r.chance(0.3)) return { name: `flight-${i}.mp4`, size: r.int(20_000_000, 300_000_000), type: 'video/mp4' };
  return { name: `${r.pick(IMAGE_NAMES)}-${i}.jpg`, size: r.int(150_000, 6_000_000), type: 'image/jpeg' };
}

function seedJobs(cluster: Cluster, svc: Service, count: number, owners: string[], r: Rng, epoch: number): void {
  const input = (svc.input ?? []).find((i) => i.path && (!i.storage_provider || i.storage_provider.startsWith('minio')));
  const target = input?.path ? splitPath(input.path) : null;
  const hasBucket = target ? cluster.buckets.has(target.bucket) : false;
  for (let i = 0; i < count; i++) {
    const owner = r.pick(owners);
    // Most jobs are old and finished; the newest few are still pending or running.
    const age = i < 3 ? r.int(1_000, 12_000) : r.int(60_000, 30 * DAY);
    const at = epoch - age;
    let inputRef: { bucket: string; key: string } | undefined;
    if (target && hasBucket) {
      const f = inputFileName(svc, r, i);
      const key = `${target.prefix}${f.name}`;
      cluster.putObject(target.bucket, { key, size: f.size, contentType: f.type, lastModified: at, ...(owner === ADMIN_OWNER ? {} : { owner }) }, { trigger: false });
      inputRef = { bucket: target.bucket, key };
    }
    const unknown = i >= 3 && r.chance(0.04);
    cluster.createJob(svc.name, owner, {
      at,
      // One job runs for a long while so the demo always has a Running job to look at.
      runMs: i === 1 ? 45 * 60_000 : r.int(10_000, 20_000) + (i > 3 ? r.int(0, 600_000) : 0),
      outcome: r.chance(0.18) ? 'Failed' : 'Succeeded',
      ...(inputRef ? { input: inputRef } : {}),
      ...(unknown ? { fixedStatus: 'Unknown' as const } : {}),
    });
  }
}

function seedObjects(cluster: Cluster, bucket: string, files: { key: string; size: number; type: string; body?: string }[], at: number): void {
  for (const f of files) {
    cluster.putObject(bucket, { key: f.key, size: f.size, contentType: f.type, lastModified: at, ...(f.body ? { body: f.body } : {}) }, { trigger: false });
  }
}

/** What the seeded history needs to know of each service, captured at seeding time (and persisted). */
export interface HistorySpec {
  epoch: number;
  seed: number;
  services: {
    name: string;
    cpu: number;
    owner: string;
    visibility: string;
    allowed: string[];
    exposed: boolean;
    async: boolean;
    gpu: boolean;
    createdAt: number;
  }[];
}

export function historySpecOf(cluster: Cluster, epoch: number, seed: number): HistorySpec {
  return {
    epoch,
    seed,
    services: [...cluster.services.values()].map((svc) => ({
      name: svc.name,
      cpu: Number(svc.cpu ?? 1) || 1,
      owner: svc.owner ?? ADMIN_OWNER,
      visibility: svc.visibility ?? 'private',
      allowed: [...(svc.allowed_users ?? [])],
      exposed: Boolean(svc.expose?.api_port?.length),
      async: Boolean(svc.input?.length),
      gpu: Boolean(svc.enable_gpu) || /vllm|gpu/.test(svc.name),
      createdAt: cluster.serviceCreatedAt.get(svc.name) ?? epoch - 90 * DAY,
    })),
  };
}

/** 90 days of invocations before `epoch`: weekday-heavy, growing, from the people who can use each service. */
export function historyFor(spec: HistorySpec, users: KnownUser[]): InvocationEvent[] {
  const r = createRng(spec.seed ^ 0x5eed);
  const { epoch } = spec;
  const events: InvocationEvent[] = [];
  for (const svc of spec.services) {
    const rate = (hashString(svc.name) % 9) + 2; // invocations per day on average
    const audience =
      svc.visibility === 'public' ? users : users.filter((u) => u.sub === svc.owner || svc.allowed.includes(u.sub) || r.chance(0.15));
    const pool = audience.length ? audience : users.slice(0, 3);
    if (pool.length === 0) continue;
    for (let d = 90; d >= 0; d--) {
      const dayStart = epoch - d * DAY;
      if (dayStart < svc.createdAt) continue;
      const weekday = new Date(dayStart).getUTCDay();
      const factor = weekday === 0 || weekday === 6 ? 0.35 : 1;
      const n = Math.round(rate * factor * (0.5 + r.next()) * (1 + (90 - d) / 120));
      for (let k = 0; k < n; k++) {
        const t = dayStart - r.int(0, DAY - 1);
        if (t > epoch || t < svc.createdAt) continue;
        const kind = svc.exposed ? 'exposed' : svc.async && r.chance(0.8) ? 'async' : 'sync';
        const user = r.pick(pool);
        const seconds = kind === 'exposed' ? r.int(1, 5) : r.int(3, 240);
        events.push({
          t,
          service: svc.name,
          kind,
          user: user.sub,
          country: user.country,
          vo: user.vo,
          cpuSeconds: seconds * svc.cpu,
          gpuSeconds: svc.gpu ? seconds : 0,
        });
      }
    }
  }
  return events.sort((a, b) => a.t - b.t);
}

export interface SeedOptions extends ClusterOptions {
  /** Leave out jobs and objects (fast unit tests that only need services). */
  minimal?: boolean;
}

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The research apps' services (mocks/catalog/apps), owned by the cluster's admin, up for a day. */
function seedApps(cluster: Cluster, r: Rng, epoch: number): void {
  const token = (n: number) => Array.from({ length: n }, () => TOKEN_CHARS[r.int(0, TOKEN_CHARS.length - 1)]).join('');
  const exposed = (name: string) => `/system/services/${name}/exposed`;
  const specs: Service[] = [
    {
      name: 'juno-coral-k4t9qe',
      image: 'ghcr.io/grycap/juno:minimal',
      cpu: '1.0',
      memory: '2Gi',
      script: 'jupyter lab --ServerApp.base_url=$JHUB_BASE_URL --IdentityProvider.token=$JUPYTER_TOKEN --ip=0.0.0.0 --no-browser\n',
      labels: { jupyter_notebook: 'true' },
      environment: {
        variables: { JHUB_BASE_URL: exposed('juno-coral-k4t9qe'), JUPYTER_DIRECTORY: '/mnt/juno-coral-k4t9qe', GRANT_SUDO: 'yes', OSCAR_ENDPOINT: '', JUPYTER_TOKEN: token(128) },
      },
      mount: { storage_provider: 'minio.default', path: 'juno-coral-k4t9qe' },
      expose: { min_scale: 1, max_scale: 2, api_port: [8888], cpu_threshold: 90, rewrite_target: true },
    },
    {
      name: 'flows-tide-m2w8rz',
      image: 'ghcr.io/grycap/oscar-flows',
      cpu: '1.0',
      memory: '2Gi',
      alpine: true,
      script: 'node-red --port 1880 --userDir $NODE_RED_DIRECTORY -D httpRoot=$NODE_RED_BASE_URL\n',
      labels: { node_red: 'true' },
      environment: {
        variables: { NODE_RED_BASE_URL: exposed('flows-tide-m2w8rz'), NODE_RED_DIRECTORY: '/mnt/flows-tide-m2w8rz' },
        secrets: { PASSWORD: token(16), SECRET: token(32) },
      },
      mount: { storage_provider: 'minio.default', path: 'flows-tide-m2w8rz' },
      expose: { min_scale: 1, max_scale: 1, api_port: [1880], cpu_threshold: 90, rewrite_target: true },
    },
    {
      name: 'terminal-reef-p7c3xa',
      image: 'ghcr.io/grycap/ghostty-web:latest',
      cpu: '1.0',
      memory: '1Gi',
      log_level: 'INFO',
      script: 'exec node /opt/ghostty-web/server.js\n',
      labels: { terminal: 'true' },
      environment: {
        variables: { SERVICE_NAME: 'terminal-reef-p7c3xa', BASE_PATH: exposed('terminal-reef-p7c3xa'), GHOSTTY_PORT: '8080', WORKSPACE_DIR: '/mnt/terminal-reef-p7c3xa' },
      },
      mount: { storage_provider: 'minio.default', path: 'terminal-reef-p7c3xa' },
      expose: { min_scale: 1, max_scale: 1, api_port: [8080], cpu_threshold: 90, set_auth: false, rewrite_target: true, health_path: '/healthz' },
    },
    {
      name: 'filebrowser-isle-v5n1hd',
      image: 'ghcr.io/grycap/oscar-filebrowser:latest',
      cpu: '0.5',
      memory: '512Mi',
      log_level: 'INFO',
      script: 'exec /home/filebrowser/filebrowser -c /home/filebrowser/data/config.yaml\n',
      labels: { filebrowser: 'true' },
      environment: { variables: { FILEBROWSER_SOURCE_PATH: '/mnt/filebrowser-isle-v5n1hd', FILEBROWSER_JWT_SUB: 'user' } },
      mount: { storage_provider: 'minio.default', path: 'filebrowser-isle-v5n1hd' },
      expose: { min_scale: 1, max_scale: 1, api_port: [80], cpu_threshold: 80, rewrite_target: true, set_auth: false, health_path: '/' },
    },
  ];
  for (const spec of specs) {
    cluster.createService(principalFor(ADMIN_OWNER), spec, epoch - 3 * DAY);
    const d = cluster.deployments.get(spec.name);
    if (d) {
      d.readyAt = epoch - DAY;
      d.lastTransition = epoch - DAY;
    }
  }
}

/** A cluster with the demo data. */
export function createSeededCluster(options: SeedOptions = {}): Cluster {
  const seed = options.seed ?? 20240611;
  const cluster = new Cluster({ ...options, seed });
  const r = createRng(seed);
  const epoch = cluster.now();
  const users = knownUsers(r);
  for (const u of users) cluster.users.set(u.sub, u);
  const marco = OTHER_OIDC_USER.sub;
  const ana = DEMO_OIDC_USER.sub;
  const others = users.slice(2).map((u) => u.sub);

  cluster.batch(() => {
    const services = fdlServices();
    services.forEach((spec, i) => {
      const owner = spec.name in ANA_SERVICES ? ana : spec.name in MARCO_SERVICES ? marco : ADMIN_OWNER;
      const visibility = ANA_SERVICES[spec.name] ?? MARCO_SERVICES[spec.name] ?? ADMIN_VISIBILITY[spec.name] ?? 'private';
      const allowed =
        spec.name === 'grayify'
          ? [ana, others[0]!, others[1]!]
          : spec.name === 'sleep-test'
            ? [ana, marco]
            : spec.name === 'thermal-detector-interlink'
              ? [marco, others[2]!]
              : [];
      const createdAt = epoch - (120 - i * 3) * DAY - r.int(0, DAY);
      // One exposed service also opens NodePorts (expose.nodePort), for the list's NodePort links.
      const expose = spec.name === 'dogs-breed' && spec.expose ? { expose: { ...spec.expose, nodePort: [30500, 30501] } } : {};
      cluster.createService(principalFor(owner), { ...spec, ...expose, visibility, allowed_users: allowed }, createdAt);
    });
    // Exposed services have been up for a while; one of them is stopped.
    for (const [name, d] of cluster.deployments) {
      d.readyAt = epoch - DAY;
      d.lastTransition = epoch - 2 * DAY;
      if (name === 'openclaw-volume') d.stopped = true;
    }

    cluster.createVolume(principalFor(ADMIN_OWNER), { name: 'shared-datasets', size: '10Gi' });
    cluster.createVolume(principalFor(ana), { name: 'ana-scratch', size: '2Gi' });
    // Ana's limits bite, so the Quotas page has something to show: her running jobs and exposed services
    // fill her 8 cores, and she owns 4 of her 5 buckets (one more, then bucket creation is refused).
    cluster.quotas.set(ana, {
      cpuMillis: 8000,
      memoryBytes: 16 * 1024 ** 3,
      gpu: 0,
      buckets: 5,
      storagePerBucket: '20Gi',
      disk: '20Gi',
      volumes: 3,
      maxDiskPerVolume: '10Gi',
      minDiskPerVolume: '100Mi',
    });

    // One of each research app (src/features/apps), made from their templates as the apps' New forms
    // fill them, with their own random source so the rest of the seed stays as it was.
    seedApps(cluster, createRng(seed ^ 0xa995), epoch);

    if (options.minimal) return;

    // Buckets that are not a service's: datasets, models and videos, with a few owners and visibilities.
    cluster.createBucket(principalFor(ana), { bucket_name: 'ana-datasets', visibility: 'private', metadata: { project: 'plant-phenotyping' } }, epoch - 60 * DAY);
    seedObjects(cluster, 'ana-datasets', [
      { key: 'README.md', size: 1834, type: 'text/markdown', body: '# Plant phenotyping datasets\n\nLeaf images and labels from the 2024 field campaign.\n' },
      { key: 'labels/train.csv', size: 482_113, type: 'text/csv' },
      { key: 'labels/test.csv', size: 96_220, type: 'text/csv' },
      { key: 'labels/species.csv', size: 4_210, type: 'text/csv', body: 'id,species,common_name\n1,Quercus ilex,Holm oak\n2,Olea europaea,Olive\n3,Pinus halepensis,Aleppo pine\n' },
      { key: 'models/efficientnet-b0-plants.h5', size: 21_504_880, type: 'application/x-hdf5' },
      { key: 'models/efficientnet-b0-plants.onnx', size: 20_977_152, type: 'application/octet-stream' },
      ...Array.from({ length: 40 }, (_, i) => ({ key: `images/2024-06/leaf-${String(i + 1).padStart(4, '0')}.jpg`, size: 180_000 + ((i * 7919) % 900_000), type: 'image/jpeg' })),
    ], epoch - 40 * DAY);
    cluster.createBucket(principalFor(ADMIN_OWNER), { bucket_name: 'shared-models', visibility: 'public', metadata: { purpose: 'pretrained models' } }, epoch - 100 * DAY);
    seedObjects(cluster, 'shared-models', [
      { key: 'yolov8n.pt', size: 6_534_387, type: 'application/octet-stream' },
      { key: 'yolov8s.onnx', size: 44_806_624, type: 'application/octet-stream' },
      { key: 'resnet50-imagenet.h5', size: 102_853_048, type: 'application/x-hdf5' },
      { key: 'whisper-small/config.json', size: 1_969, type: 'application/json', body: '{"model_type":"whisper","d_model":768,"encoder_layers":12}' },
      { key: 'whisper-small/model.safetensors', size: 967_102_729, type: 'application/octet-stream' },
      { key: 'posenet/mobilenet_v1_101.tflite', size: 13_326_348, type: 'application/octet-stream' },
    ], epoch - 80 * DAY);
    cluster.createBucket(principalFor(marco), { bucket_name: 'field-videos', visibility: 'restricted', allowed_users: [ana], metadata: { campaign: 'coast-2025' } }, epoch - 30 * DAY);
    seedObjects(cluster, 'field-videos', Array.from({ length: 12 }, (_, i) => ({ key: `drone/flight-${String(i + 1).padStart(2, '0')}.mp4`, size: 80_000_000 + i * 13_000_000, type: 'video/mp4' })), epoch - 20 * DAY);
    cluster.createBucket(principalFor(marco), { bucket_name: 'marco-private', visibility: 'private' }, epoch - 25 * DAY);
    seedObjects(cluster, 'marco-private', [{ key: 'notes.txt', size: 312, type: 'text/plain', body: 'Private notes.\n' }], epoch - 25 * DAY);

    // Jobs on every async service, owned by people who can use it.
    for (const svc of cluster.services.values()) {
      if (!svc.input?.length) continue;
      const owners = svc.owner === ADMIN_OWNER ? [ADMIN_OWNER, ...others.slice(0, 5), ...(svc.visibility !== 'private' ? [ana] : [])] : [svc.owner!];
      const count = svc.name === 'grayify' ? 96 : svc.name === 'fish-detector' ? 150 : r.int(6, 24);
      seedJobs(cluster, svc, count, owners, r, epoch);
    }
    cluster.settle(epoch);
  });

  cluster.historySpec = historySpecOf(cluster, epoch, seed);
  cluster.historyFactory = () => historyFor(cluster.historySpec as HistorySpec, [...cluster.users.values()]);
  // The nodes' request figures (`GET /system/status`) already hold the seeded jobs; jobs started later add theirs.
  for (const byName of cluster.jobs.values()) for (const j of byName.values()) j.seeded = true;
  return cluster;
}
