// The one schema for an OSCAR service (`types.Service` in ../shared/oscar-api/swagger.yaml, API
// shape). The FDL importer validates every service with it after turning the FDL into the API shape,
// and the service form uses it too, so the two can never disagree about what OSCAR will accept.
// Objects are loose: OSCAR adds fields between releases and a field we do not know must survive
// an edit untouched.
import * as z from 'zod';
import { parseQuantity } from '../units/quantity';

export type IssuePath = (string | number)[];

export interface ServiceIssue {
  path: IssuePath;
  message: string;
  /** missing: a required field is absent; type: wrong kind of value; value: right kind, bad content. */
  kind?: 'missing' | 'type' | 'value';
  /** For kind "type": what the schema expected (string, array, object, number, boolean, int). */
  expected?: string;
}

export const STORAGE_PROVIDER_KINDS = ['minio', 's3', 'onedata', 'webdav', 'rucio'] as const;
export type StorageProviderKind = (typeof STORAGE_PROVIDER_KINDS)[number];

/** Kinds whose paths start with a bucket name. */
const BUCKET_KINDS: readonly string[] = ['minio', 's3'];

export const LOG_LEVELS = ['NOTSET', 'DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;
export const VISIBILITIES = ['private', 'public', 'restricted'] as const;

export const SERVICE_NAME_MAX = 39;

const TINY_MEMORY = 4 * 2 ** 20;

// ---------------------------------------------------------------------------------------------
// Words for values, so messages read "should be a list, not text "foo"" instead of zod's jargon.

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'empty';
  if (typeof value === 'string') return `text ${JSON.stringify(truncate(value, 40))}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) {
    const inner = value.every((v) => typeof v !== 'object' || v === null)
      ? value.map(String).join(', ')
      : '…';
    return `a list [${truncate(inner, 40)}]`;
  }
  if (typeof value === 'object') return 'a group of settings (key: value lines)';
  return 'an unreadable value';
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of settings (key: value lines)',
  record: 'a group of NAME: value lines',
};

type Label = string | ((key: string) => string);

function typeMessage(label: Label, expected: string) {
  const words = EXPECTED_WORDS[expected] ?? expected;
  return (iss: { input?: unknown; path?: PropertyKey[] }) => {
    const name = typeof label === 'string' ? label : label(String(iss.path?.at(-1) ?? ''));
    return iss.input === undefined
      ? `${name} is required`
      : `${name} should be ${words}, not ${describeValue(iss.input)}`;
  };
}

// ---------------------------------------------------------------------------------------------
// Value rules shared by the schema, the FDL importer and the form.

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Why OSCAR would refuse this service name, or null. Names become Kubernetes object names. */
export function serviceNameProblem(name: string): string | null {
  const q = JSON.stringify(name);
  if (name.trim() === '') return 'name is empty; give the service a short lowercase name such as my-service';
  if (name.length > SERVICE_NAME_MAX) {
    return `name ${q} is ${name.length} characters long; OSCAR accepts at most ${SERVICE_NAME_MAX}`;
  }
  if (/[A-Z]/.test(name)) {
    return `name ${q} has uppercase letters; OSCAR only accepts lowercase letters, digits and hyphens (try ${JSON.stringify(suggestName(name))})`;
  }
  if (/\s/.test(name))
    return `name ${q} contains spaces; use hyphens instead, as in ${JSON.stringify(suggestName(name))}`;
  if (name.includes('_'))
    return `name ${q} contains underscores; use hyphens instead, as in ${JSON.stringify(suggestName(name))}`;
  if (name.includes('.'))
    return `name ${q} contains dots; use hyphens instead, as in ${JSON.stringify(suggestName(name))}`;
  if (/^-|-$/.test(name)) return `name ${q} must start and end with a letter or digit, not a hyphen`;
  if (!DNS_LABEL.test(name)) {
    return `name ${q} may only contain lowercase letters, digits and hyphens`;
  }
  return null;
}

function suggestName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, SERVICE_NAME_MAX);
}

/** Why a memory-like value (memory, total_memory, volume size, …) is unusable, or null. Empty means "use the default". */
export function memoryProblem(value: string, label = 'memory'): string | null {
  if (value === '') return null;
  const q = parseQuantity(value);
  const shown = JSON.stringify(value);
  if (!q) return `${label} ${shown} is not a Kubernetes quantity such as 512Mi or 2Gi`;
  if (q.value <= 0) return `${label} ${shown} must be more than zero`;
  if (q.suffix === 'm' || q.suffix === 'u' || q.suffix === 'n') {
    const amount = value.slice(0, -1);
    return `${label} ${shown} means a fraction of a byte ("${q.suffix}" is milli/micro/nano); did you mean ${amount}Mi?`;
  }
  return null;
}

/** Why a CPU value is unusable, or null. Empty means "use the default". */
export function cpuProblem(value: string, label = 'cpu'): string | null {
  if (value === '') return null;
  const q = parseQuantity(value);
  const shown = JSON.stringify(value);
  if (!q || q.format === 'BinarySI') {
    return `${label} ${shown} is not a number of CPU cores such as 0.5, 1 or 500m`;
  }
  if (q.value <= 0) return `${label} ${shown} must be more than zero`;
  if (q.value < 0.001) return `${label} ${shown} is below 1m, the smallest CPU amount Kubernetes can give`;
  return null;
}

export interface ProviderRef {
  kind: string;
  id: string;
}

/** "minio" → minio/default, "minio.edge" → minio/edge (OSCAR splits at the first dot). */
export function parseProviderRef(ref: string): ProviderRef {
  const dot = ref.indexOf('.');
  return dot === -1 ? { kind: ref, id: 'default' } : { kind: ref.slice(0, dot), id: ref.slice(dot + 1) };
}

export function providerRefProblem(ref: string): string | null {
  const shown = JSON.stringify(ref);
  if (ref.trim() === '') return "storage_provider is empty; use minio for the cluster's own storage";
  const { kind, id } = parseProviderRef(ref);
  if (!(STORAGE_PROVIDER_KINDS as readonly string[]).includes(kind)) {
    const lower = kind.toLowerCase();
    const hint = (STORAGE_PROVIDER_KINDS as readonly string[]).includes(lower)
      ? ` (write it in lowercase: ${lower})`
      : '';
    return `storage_provider ${shown} is not a kind OSCAR knows${hint}; use minio, s3, onedata, webdav or rucio, optionally followed by .<id>`;
  }
  if (id === '') return `storage_provider ${shown} ends with a dot; write ${kind} or ${kind}.<id>`;
  if (/\s/.test(id)) return `storage_provider ${shown} contains spaces`;
  return null;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Why a storage path is unusable for this provider kind, or null. */
export function storagePathProblem(path: string, kind = 'minio'): string | null {
  const shown = JSON.stringify(path);
  if (path.trim() === '') return 'path is empty; write bucket/folder, for example my-service/input';
  if (!BUCKET_KINDS.includes(kind)) return null;
  if (/\s/.test(path)) return `path ${shown} contains spaces; bucket and folder names cannot have spaces`;
  const bucket = path.replace(/^\/+/, '').split('/')[0] ?? '';
  const b = JSON.stringify(bucket);
  if (bucket.length < 3 || bucket.length > 63) {
    return `path ${shown} starts with bucket ${b}, but bucket names must be 3 to 63 characters long`;
  }
  if (/[A-Z]/.test(bucket))
    return `path ${shown} starts with bucket ${b}, but bucket names must be lowercase`;
  if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) {
    return `path ${shown} starts with bucket ${b}, but bucket names may only use lowercase letters, digits, dots and hyphens, and must start and end with a letter or digit`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Schema building blocks. Each carries its own wording so any consumer gets readable messages.

const text = (label: Label) => z.string({ error: typeMessage(label, 'string') });
const optText = (label: string) => text(label).optional();
const flag = (label: string) => z.boolean({ error: typeMessage(label, 'boolean') }).optional();
const int = (label: string) =>
  z.number({ error: typeMessage(label, 'int') }).int({ error: `${label} should be a whole number` });
const optInt = (label: string) => int(label).optional();
const textList = (label: string) =>
  z
    .array(
      text((i) => `${label} entry ${Number(i) + 1}`),
      { error: typeMessage(label, 'array') },
    )
    .optional();
/** `entry` names one value, e.g. (key) => `environment variable ${key}`. */
const textMap = (label: string, entry: (key: string) => string) =>
  z
    .record(z.string(), z.string({ error: typeMessage(entry, 'string') }), {
      error: typeMessage(label, 'record'),
    })
    .optional();

const refined = (label: string, problem: (v: string, label: string) => string | null) =>
  text(label).superRefine((v, ctx) => {
    const p = problem(v, label);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  });

const memoryText = (label: string) => refined(label, memoryProblem).optional();
const cpuText = (label: string) => refined(label, cpuProblem).optional();

const obj = <T extends z.core.$ZodLooseShape>(label: string, shape: T) =>
  z.looseObject(shape, { error: typeMessage(label, 'object') });

export const storageIOConfigSchema = obj('storage entry', {
  storage_provider: optText('storage_provider'),
  path: optText('path'),
  prefix: textList('prefix'),
  suffix: textList('suffix'),
  options: optText('options'),
});

function checkStorageEntry(
  entry: { storage_provider?: string; path?: string },
  ctx: z.RefinementCtx,
  required: boolean,
) {
  const { storage_provider: provider, path } = entry;
  if (!required && provider === undefined && path === undefined) return;
  if (provider === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['storage_provider'],
      message: "storage_provider is required; use minio for the cluster's own storage",
    });
  } else {
    const p = providerRefProblem(provider);
    if (p) ctx.addIssue({ code: 'custom', path: ['storage_provider'], message: p });
  }
  if (path === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['path'],
      message: 'path is required, for example my-service/input',
    });
  } else {
    const kind = provider === undefined ? 'minio' : parseProviderRef(provider).kind;
    const p = storagePathProblem(path, kind);
    if (p) ctx.addIssue({ code: 'custom', path: ['path'], message: p });
  }
}

const ioEntry = storageIOConfigSchema.superRefine((e, ctx) => checkStorageEntry(e, ctx, true));
const ioList = (label: string) => z.array(ioEntry, { error: typeMessage(label, 'array') }).optional();

export const minioProviderSchema = obj('MinIO provider', {
  endpoint: optText('endpoint'),
  region: optText('region'),
  access_key: optText('access_key'),
  secret_key: optText('secret_key'),
  verify: flag('verify'),
});
export const s3ProviderSchema = obj('S3 provider', {
  access_key: optText('access_key'),
  secret_key: optText('secret_key'),
  region: optText('region'),
});
export const onedataProviderSchema = obj('Onedata provider', {
  oneprovider_host: optText('oneprovider_host'),
  token: optText('token'),
  space: optText('space'),
});
export const webdavProviderSchema = obj('WebDAV provider', {
  hostname: optText('hostname'),
  login: optText('login'),
  password: optText('password'),
});
export const rucioProviderSchema = obj('Rucio provider', {
  host: optText('host'),
  auth_host: optText('auth_host'),
  account: optText('account'),
  rse: optText('rse'),
  refresh_token: optText('refresh_token'),
  oidc_audience: optText('oidc_audience'),
  token_endpoint: optText('token_endpoint'),
});

const providerMap = (kind: string, item: z.ZodType) =>
  z.record(z.string(), item, { error: typeMessage(`storage_providers ${kind}`, 'record') }).optional();

export const storageProvidersSchema = obj('storage_providers', {
  minio: providerMap('minio', minioProviderSchema),
  s3: providerMap('s3', s3ProviderSchema),
  onedata: providerMap('onedata', onedataProviderSchema),
  webdav: providerMap('webdav', webdavProviderSchema),
  rucio: providerMap('rucio', rucioProviderSchema),
});

export const clusterSchema = obj('cluster', {
  endpoint: optText('endpoint'),
  auth_user: optText('auth_user'),
  auth_password: optText('auth_password'),
  ssl_verify: flag('ssl_verify'),
});
export const clustersSchema = z.record(z.string(), clusterSchema, {
  error: typeMessage('clusters', 'record'),
});

export const replicaSchema = obj('replica', {
  type: optText('type'),
  cluster_id: optText('cluster_id'),
  service_name: optText('service_name'),
  url: optText('url'),
  ssl_verify: flag('ssl_verify'),
  priority: optInt('priority'),
  headers: textMap('headers', (k) => `header ${k}`),
});

export const federationSchema = obj('federation', {
  group_id: optText('group_id'),
  topology: optText('topology'),
  delegation: optText('delegation'),
  rescheduler_threshold: optInt('rescheduler_threshold'),
  members: z.array(replicaSchema, { error: typeMessage('federation members', 'array') }).optional(),
});

const port = (label: string) =>
  int(label)
    .min(1, { error: `${label} must be between 1 and 65535` })
    .max(65535, { error: `${label} must be between 1 and 65535` });

export const exposeSchema = obj('expose', {
  api_port: z.array(port('api_port'), { error: typeMessage('api_port', 'array') }).optional(),
  nodePort: z.array(int('nodePort'), { error: typeMessage('nodePort', 'array') }).optional(),
  min_scale: optInt('min_scale'),
  max_scale: optInt('max_scale'),
  cpu_threshold: optInt('cpu_threshold'),
  rewrite_target: flag('rewrite_target'),
  default_command: flag('default_command'),
  set_auth: flag('set_auth'),
  health_path: optText('health_path'),
  probe_mode: optText('probe_mode'),
  auth_type: optText('auth_type'),
});

export const kserveSchema = obj('kserve', {
  type: optText('kserve type'),
  api_version: optText('api_version'),
  storage_uri: optText('storage_uri'),
  cpu: cpuText('kserve cpu'),
  memory: memoryText('kserve memory'),
  enable_gpu: flag('enable_gpu'),
  min_scale: optInt('min_scale'),
  max_scale: optInt('max_scale'),
  set_auth: flag('set_auth'),
  args: textList('args'),
  env: textMap('kserve env', (k) => `kserve env variable ${k}`),
  inference: obj('inference', {
    model_format: optText('model_format'),
    runtime: optText('runtime'),
  }).optional(),
  llm_inference: obj('llm_inference', { runtime_image: optText('runtime_image') }).optional(),
});

export const serviceVolumeConfigSchema = obj('volume', {
  name: optText('volume name'),
  size: memoryText('volume size'),
  mount_path: optText('mount_path'),
  lifecycle_policy: optText('lifecycle_policy'),
}).superRefine((v, ctx) => {
  if (v.mount_path === undefined || v.mount_path === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['mount_path'],
      message: 'volume needs a mount_path, the folder inside the container such as /data',
    });
  } else if (!v.mount_path.startsWith('/')) {
    ctx.addIssue({
      code: 'custom',
      path: ['mount_path'],
      message: `mount_path ${JSON.stringify(v.mount_path)} must be an absolute path such as /data`,
    });
  }
});

export const serviceSchema = obj('service', {
  name: refined('name', serviceNameProblem),
  image: text('image').min(1, {
    error: 'image is empty; give a container image such as ghcr.io/grycap/cowsay',
  }),
  script: text('script').min(1, {
    error: 'script is empty; OSCAR runs this shell script for every invocation',
  }),
  cluster_id: optText('cluster_id'),
  memory: memoryText('memory'),
  cpu: cpuText('cpu'),
  total_memory: memoryText('total_memory'),
  total_cpu: cpuText('total_cpu'),
  ephemeral_storage_request: memoryText('ephemeral_storage_request'),
  enable_gpu: flag('enable_gpu'),
  enable_sgx: flag('enable_sgx'),
  image_prefetch: flag('image_prefetch'),
  alpine: flag('alpine'),
  file_stage_in: flag('file_stage_in'),
  log_level: optText('log_level'),
  vo: optText('vo'),
  visibility: optText('visibility'),
  isolation_level: optText('isolation_level'),
  interlink_node_name: optText('interlink_node_name'),
  allowed_users: textList('allowed_users'),
  image_pull_secrets: textList('image_pull_secrets'),
  bucket_list: textList('bucket_list'),
  owner: optText('owner'),
  namespace: optText('namespace'),
  token: optText('token'),
  input: ioList('input'),
  output: ioList('output'),
  mount: storageIOConfigSchema.superRefine((e, ctx) => checkStorageEntry(e, ctx, false)).optional(),
  environment: obj('environment', {
    variables: textMap('environment variables', (k) => `environment variable ${k}`),
    secrets: textMap('environment secrets', (k) => `secret ${k}`),
  }).optional(),
  labels: textMap('labels', (k) => `label ${k}`),
  annotations: textMap('annotations', (k) => `annotation ${k}`),
  expose: exposeSchema.optional(),
  synchronous: obj('synchronous', {
    min_scale: optInt('min_scale'),
    max_scale: optInt('max_scale'),
  }).optional(),
  federation: federationSchema.optional(),
  // Before OSCAR 4.1 replicas sat directly on the service; older clusters still read them.
  replicas: z.array(replicaSchema, { error: typeMessage('replicas', 'array') }).optional(),
  kserve: kserveSchema.optional(),
  volume: serviceVolumeConfigSchema.optional(),
  // Read-only reports OSCAR adds to GET answers; described so a form can show them, never required.
  deployment: obj('deployment', {
    state: optText('deployment state'),
    reason: optText('deployment reason'),
    resource_kind: optText('resource_kind'),
    last_transition_time: optText('last_transition_time'),
    active_instances: optInt('active_instances'),
    affected_instances: optInt('affected_instances'),
  }).optional(),
  volume_status: obj('volume_status', {
    enabled: flag('enabled'),
    name: optText('volume_status name'),
    phase: optText('phase'),
    error: optText('volume_status error'),
  }).optional(),
  storage_providers: storageProvidersSchema.optional(),
  clusters: clustersSchema.optional(),
});

export type ServiceInput = z.input<typeof serviceSchema>;

export function valueAtPath(data: unknown, path: IssuePath): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Runs any zod schema and returns issues in our shape, with the kind of problem filled in. */
export function collectIssues(schema: z.ZodType, data: unknown): ServiceIssue[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((iss): ServiceIssue => {
    const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (iss.code === 'invalid_type') {
      const missing = valueAtPath(data, path) === undefined;
      return { path, message: iss.message, kind: missing ? 'missing' : 'type', expected: iss.expected };
    }
    return { path, message: iss.message, kind: 'value' };
  });
}

/** Everything OSCAR would refuse in this API-shaped service (empty when it is fine). */
export function validateService(service: unknown): ServiceIssue[] {
  return collectIssues(serviceSchema, service);
}

export interface ServiceWarningContext {
  /**
   * Cluster ids that oscar-cli knows (the FDL's cluster keys and `clusters` entries): oscar-cli
   * fills in `minio.<cluster-id>` from that cluster's own configuration.
   */
  clusterIds?: readonly string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Things OSCAR accepts but that are probably mistakes: references to storage providers the
 * service does not define, log levels OSCAR silently replaces, unknown visibility values.
 */
export function serviceWarnings(service: unknown, context: ServiceWarningContext = {}): ServiceIssue[] {
  if (!isRecord(service)) return [];
  const out: ServiceIssue[] = [];
  const providers = isRecord(service.storage_providers) ? service.storage_providers : {};
  const clusters = isRecord(service.clusters) ? Object.keys(service.clusters) : [];
  const knownClusters = new Set([...(context.clusterIds ?? []), ...clusters]);

  const checkRef = (ref: unknown, path: IssuePath) => {
    if (typeof ref !== 'string' || providerRefProblem(ref) !== null) return;
    const { kind, id } = parseProviderRef(ref);
    if (kind === 'minio' && id === 'default') return;
    const ofKind = providers[kind];
    if (isRecord(ofKind) && Object.hasOwn(ofKind, id)) return;
    if (kind === 'minio' && knownClusters.has(id)) return;
    out.push({
      path,
      kind: 'value',
      message: `storage_provider ${JSON.stringify(ref)} is not defined; add it under storage_providers: ${kind}: ${id}: in this file, or OSCAR will refuse the service`,
    });
  };
  for (const field of ['input', 'output'] as const) {
    const list = service[field];
    if (Array.isArray(list)) {
      list.forEach((entry, i) => {
        if (isRecord(entry)) checkRef(entry.storage_provider, [field, i, 'storage_provider']);
      });
    }
  }
  if (isRecord(service.mount)) checkRef(service.mount.storage_provider, ['mount', 'storage_provider']);

  // A plain number is bytes, so `memory: 2` asks for two bytes; the container would not start.
  if (typeof service.memory === 'string' && memoryProblem(service.memory) === null && service.memory !== '') {
    const q = parseQuantity(service.memory);
    if (q && q.value < TINY_MEMORY) {
      out.push({
        path: ['memory'],
        kind: 'value',
        message: `memory ${JSON.stringify(service.memory)} is only ${Math.ceil(q.value)} bytes; containers need several MiB, so add a unit such as ${q.format === 'DecimalSI' && q.suffix === '' ? `${service.memory}Gi` : '512Mi'}`,
      });
    }
  }

  const level = service.log_level;
  if (
    typeof level === 'string' &&
    level !== '' &&
    !(LOG_LEVELS as readonly string[]).includes(level.toUpperCase())
  ) {
    out.push({
      path: ['log_level'],
      kind: 'value',
      message: `log_level ${JSON.stringify(level)} is not one of ${LOG_LEVELS.join(', ')}; OSCAR will use INFO`,
    });
  }
  const visibility = service.visibility;
  if (
    typeof visibility === 'string' &&
    visibility !== '' &&
    !(VISIBILITIES as readonly string[]).includes(visibility)
  ) {
    out.push({
      path: ['visibility'],
      kind: 'value',
      message: `visibility ${JSON.stringify(visibility)} is not one of private, public or restricted`,
    });
  }
  return out;
}
