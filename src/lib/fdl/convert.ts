// FDL service ↔ API service. The FDL is what people keep in git and give to oscar-cli; the API
// shape is what OSCAR's REST API takes. They differ in a few spellings (Variables/variables), in
// where the script lives (a file beside the FDL vs. its content), in where storage providers and
// clusters are declared (top level vs. per service) and in YAML's looser typing (cpu: 1.0).
import type { Service } from '../../api/types';
import type { Fdl, FdlService, FdlServiceBody } from './types';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Sets an own property even for keys such as "__proto__", which plain assignment would turn into
 * a prototype change; YAML keys are user text and must survive whatever they are.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, cloneJson(v));
    return out as T;
  }
  return value;
}

// Where the API wants text. YAML turns `cpu: 1.0` into a number and `SEND_SNS: false` into a
// boolean; oscar-cli's Go decoder reads both back as text, so we do the same before validating.
type Spec = 'text' | 'textList' | 'textMap' | Spec[] | { [key: string]: Spec };

const IO_SPEC: Spec = {
  storage_provider: 'text',
  path: 'text',
  options: 'text',
  prefix: 'textList',
  suffix: 'textList',
};
const REPLICA_SPEC: Spec = {
  type: 'text',
  cluster_id: 'text',
  service_name: 'text',
  url: 'text',
  headers: 'textMap',
};
const PROVIDER_FIELDS = [
  'endpoint',
  'region',
  'access_key',
  'secret_key',
  'oneprovider_host',
  'token',
  'space',
  'hostname',
  'login',
  'password',
  'host',
  'auth_host',
  'account',
  'rse',
  'refresh_token',
  'oidc_audience',
  'token_endpoint',
];
const PROVIDER_SPEC: Spec = Object.fromEntries(PROVIDER_FIELDS.map((f) => [f, 'text' as Spec]));
const PROVIDERS_SPEC: Spec = { '*': { '*': PROVIDER_SPEC } };
const CLUSTERS_SPEC: Spec = { '*': { endpoint: 'text', auth_user: 'text', auth_password: 'text' } };

const SERVICE_SPEC: Spec = {
  ...Object.fromEntries(
    [
      'name',
      'image',
      'script',
      'cluster_id',
      'memory',
      'cpu',
      'total_memory',
      'total_cpu',
      'ephemeral_storage_request',
      'log_level',
      'vo',
      'visibility',
      'isolation_level',
      'interlink_node_name',
      'owner',
      'namespace',
      'token',
    ].map((f) => [f, 'text' as Spec]),
  ),
  allowed_users: 'textList',
  image_pull_secrets: 'textList',
  bucket_list: 'textList',
  input: [IO_SPEC],
  output: [IO_SPEC],
  mount: IO_SPEC,
  environment: { variables: 'textMap', secrets: 'textMap' },
  labels: 'textMap',
  annotations: 'textMap',
  expose: { health_path: 'text', probe_mode: 'text', auth_type: 'text' },
  federation: { group_id: 'text', topology: 'text', delegation: 'text', members: [REPLICA_SPEC] },
  replicas: [REPLICA_SPEC],
  kserve: {
    type: 'text',
    api_version: 'text',
    storage_uri: 'text',
    cpu: 'text',
    memory: 'text',
    args: 'textList',
    env: 'textMap',
    inference: { model_format: 'text', runtime: 'text' },
    llm_inference: { runtime_image: 'text' },
  },
  volume: { name: 'text', size: 'text', mount_path: 'text', lifecycle_policy: 'text' },
  storage_providers: PROVIDERS_SPEC,
  clusters: CLUSTERS_SPEC,
};

function scalarText(v: unknown): unknown {
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
}

function coerce(value: unknown, spec: Spec): unknown {
  if (spec === 'text') return scalarText(value);
  if (spec === 'textList') return Array.isArray(value) ? value.map(scalarText) : value;
  if (spec === 'textMap') {
    if (!isRecord(value)) return value;
    // An empty value (`KEY:`) is an empty string to Go's decoder.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null ? '' : scalarText(v)]));
  }
  if (Array.isArray(spec)) {
    const item = spec[0];
    return Array.isArray(value) && item !== undefined ? value.map((v) => coerce(v, item)) : value;
  }
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const key of Object.keys(out)) {
    const sub = Object.hasOwn(spec, key) ? spec[key] : spec['*'];
    if (sub !== undefined) setOwn(out, key, coerce(out[key], sub));
  }
  return out;
}

/** `key:` with nothing after it means "not set" to oscar-cli, so it is left out of the API body. */
function dropNullFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNullFields);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) setOwn(out, k, dropNullFields(v));
  return out;
}

function normaliseSection(value: unknown, spec: Spec): unknown {
  return dropNullFields(coerce(cloneJson(value), spec));
}

/**
 * The FDL service in API shape without file-level context: environment.Variables → variables,
 * YAML numbers/booleans in text fields → text, empty keys dropped, a single expose port → list.
 */
export function normaliseFdlService(service: FdlServiceBody): Record<string, unknown> {
  const out = cloneJson(service);
  const env = out.environment;
  if (isRecord(env)) {
    // oscar-cli's examples write Variables (and some Secrets); the API spells both in lowercase.
    let result: Record<string, unknown> = env;
    for (const [upper, lower] of [
      ['Variables', 'variables'],
      ['Secrets', 'secrets'],
    ] as const) {
      if (!Object.hasOwn(result, upper)) continue;
      const { [upper]: a, [lower]: b, ...rest } = result;
      const merged = isRecord(a) && isRecord(b) ? { ...a, ...b } : b !== undefined && b !== null ? b : a;
      result = { ...rest, [lower]: merged };
    }
    out.environment = result;
  }
  const expose = out.expose;
  if (isRecord(expose)) {
    // Before OSCAR 4.1 api_port was one number; the API now takes a list.
    for (const key of ['api_port', 'nodePort']) {
      if (typeof expose[key] === 'number') expose[key] = [expose[key]];
    }
  }
  return normaliseSection(out, SERVICE_SPEC) as Record<string, unknown>;
}

function mergeById(own: unknown, fromFile: unknown, depth: 1 | 2): unknown {
  if (!isRecord(fromFile)) return own;
  if (own === undefined) return fromFile;
  if (!isRecord(own)) return own;
  const out: Record<string, unknown> = { ...own };
  for (const [key, value] of Object.entries(fromFile)) {
    const mine = out[key];
    // oscar-cli replaces a service's providers with the file's, so the file wins on a clash.
    setOwn(out, key, depth === 2 && isRecord(mine) && isRecord(value) ? { ...mine, ...value } : value);
  }
  return out;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Finds the content of a script the FDL names, tolerating ./ prefixes and folders in either name. */
export function lookupScript(scripts: Record<string, string>, ref: string): string | undefined {
  if (Object.hasOwn(scripts, ref)) return scripts[ref];
  const clean = (p: string) => p.replace(/^(\.\/)+/, '');
  const wanted = clean(ref);
  for (const [name, content] of Object.entries(scripts)) if (clean(name) === wanted) return content;
  const base = baseName(wanted);
  const byBase = Object.entries(scripts).filter(([name]) => baseName(name) === base);
  return byBase.length === 1 ? byBase[0]?.[1] : undefined;
}

export interface FdlToApiOptions {
  /** Script files the user supplied, keyed by file name or path as the FDL writes it. */
  scripts?: Record<string, string>;
  /** The FDL's top-level storage_providers. */
  storageProviders?: unknown;
  /** The FDL's top-level clusters. */
  clusters?: unknown;
}

/**
 * What oscar-cli would send to OSCAR for this FDL entry. A script path whose file was not
 * supplied is left as the path; scriptFilesReferenced() lists what to ask the user for.
 */
export function fdlServiceToApi(entry: FdlService, opts: FdlToApiOptions = {}): Service {
  const api = normaliseFdlService(entry.service);
  api.cluster_id = entry.clusterId;
  if (typeof api.script === 'string' && opts.scripts && !api.script.includes('\n')) {
    const content = lookupScript(opts.scripts, api.script);
    if (content !== undefined) api.script = content;
  }
  const providers = mergeById(
    api.storage_providers,
    normaliseSection(opts.storageProviders, PROVIDERS_SPEC),
    2,
  );
  if (providers !== undefined) api.storage_providers = providers;
  const clusters = mergeById(api.clusters, normaliseSection(opts.clusters, CLUSTERS_SPEC), 1);
  if (clusters !== undefined) api.clusters = clusters;
  return api as unknown as Service;
}

/** Normalised top-level storage_providers/clusters, for validating them on their own. */
export function normaliseFdlStorageProviders(value: unknown): unknown {
  return normaliseSection(value, PROVIDERS_SPEC);
}
export function normaliseFdlClusters(value: unknown): unknown {
  return normaliseSection(value, CLUSTERS_SPEC);
}

// Fields OSCAR fills in itself; sending them back is at best useless.
const SERVER_ONLY = [
  'token',
  'owner',
  'namespace',
  'deployment',
  'volume_status',
  'bucket_list',
  'cluster_id',
];
// Go's zero value for these is false, so `false` says nothing.
const FALSE_BY_DEFAULT = ['alpine', 'enable_gpu', 'enable_sgx', 'image_prefetch', 'file_stage_in'];
const KEY_ORDER = ['name', 'image', 'script', 'cpu', 'memory', 'log_level'];

function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(value)) {
    const v = pruneEmpty(raw);
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (isRecord(v) && Object.keys(v).length === 0) continue;
    setOwn(out, k, v);
  }
  return out;
}

function serverLabels(name: unknown): Record<string, string> {
  const n = typeof name === 'string' ? name : '';
  return { oscar_service: n, applicationId: n, queue: `root.oscar-queue.${n}` };
}

export interface ApiToFdlOptions {
  /** File name for the script; the FDL refers to it and `scripts` holds its content. */
  scriptFileName?: string;
  /** oscar-cli's examples write `Variables`; newer ones `variables`. Both are read. */
  variablesKey?: 'Variables' | 'variables';
}

export interface ApiToFdlResult {
  fdl: Fdl;
  scripts: Record<string, string>;
  warnings: string[];
}

/**
 * An FDL file (plus its script file) that oscar-cli can apply to recreate this service.
 * `clusterId` defaults to the service's own cluster_id, then to "oscar-cluster".
 */
export function apiServiceToFdl(
  service: Service,
  clusterId?: string,
  opts: ApiToFdlOptions = {},
): ApiToFdlResult {
  const svc = cloneJson(service) as unknown as Record<string, unknown>;
  const warnings: string[] = [];
  const cluster = clusterId || (typeof svc.cluster_id === 'string' && svc.cluster_id) || 'oscar-cluster';
  for (const key of SERVER_ONLY) delete svc[key];
  for (const key of FALSE_BY_DEFAULT) if (svc[key] === false) delete svc[key];

  const scripts: Record<string, string> = {};
  if (typeof svc.script === 'string' && svc.script !== '') {
    const file = opts.scriptFileName ?? 'script.sh';
    scripts[file] = svc.script;
    svc.script = file;
  }

  if (isRecord(svc.environment)) {
    const { variables, secrets, ...rest } = svc.environment;
    const env: Record<string, unknown> = { ...rest };
    if (variables !== undefined) env[opts.variablesKey ?? 'Variables'] = variables;
    if (isRecord(secrets)) {
      const kept: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(secrets)) {
        if (v === '' || v === null || v === undefined) {
          warnings.push(
            `Secret ${k} was left out: OSCAR does not reveal secret values, so add it to the FDL yourself before applying it.`,
          );
        } else kept[k] = v;
      }
      env.secrets = kept;
    } else if (secrets !== undefined) env.secrets = secrets;
    svc.environment = env;
  }

  if (isRecord(svc.labels)) {
    const injected = serverLabels(service.name);
    svc.labels = Object.fromEntries(
      Object.entries(svc.labels).filter(
        ([k, v]) => !(Object.hasOwn(injected, k) && injected[k as keyof typeof injected] === v),
      ),
    );
  }
  if (isRecord(svc.synchronous)) {
    // 0 is OSCAR's default for both (no minimum, no limit).
    svc.synchronous = Object.fromEntries(Object.entries(svc.synchronous).filter(([, v]) => v !== 0));
  }
  if (isRecord(svc.expose)) {
    const ports = svc.expose.api_port;
    const exposed = Array.isArray(ports) ? ports.length > 0 : typeof ports === 'number' && ports !== 0;
    if (!exposed) delete svc.expose;
  }

  const topProviders: Record<string, Record<string, unknown>> = {};
  if (isRecord(svc.storage_providers)) {
    for (const [kind, ids] of Object.entries(svc.storage_providers)) {
      if (!isRecord(ids)) continue;
      for (const [id, settings] of Object.entries(ids)) {
        // OSCAR injects its own MinIO as minio.default (with hidden keys) into every service.
        if (kind === 'minio' && id === 'default') continue;
        if (isRecord(settings) && Object.values(settings).includes('hidden')) {
          warnings.push(
            `Storage provider ${kind}.${id} has credentials OSCAR hid; fill them in before applying the FDL.`,
          );
        }
        if (!Object.hasOwn(topProviders, kind)) setOwn(topProviders, kind, {});
        setOwn(topProviders[kind] as Record<string, unknown>, id, settings);
      }
    }
  }
  delete svc.storage_providers;
  const topClusters = isRecord(svc.clusters) ? svc.clusters : undefined;
  delete svc.clusters;

  const pruned = pruneEmpty(svc) as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (Object.hasOwn(pruned, key)) ordered[key] = pruned[key];
  for (const [k, v] of Object.entries(pruned)) if (!Object.hasOwn(ordered, k)) setOwn(ordered, k, v);

  const fdl: Fdl = { functions: { oscar: [{ [cluster]: ordered }] } };
  // Providers and clusters stay as they are, even with empty settings: a service refers to them by id.
  if (Object.keys(topProviders).length > 0) fdl.storage_providers = topProviders;
  if (topClusters && Object.keys(topClusters).length > 0) fdl.clusters = topClusters;
  return { fdl, scripts, warnings };
}
