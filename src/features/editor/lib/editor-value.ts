// The one value the form and the YAML tab edit: an API-shaped service (unknown fields kept) plus the
// file name its script has in the FDL. Fields OSCAR fills in itself are kept aside, not edited.
import type { Service } from '../../../api/types';
import { SERVICE_NAME_MAX } from '../../../lib/fdl/service-schema';

export interface EditorValue {
  service: Service;
  /** The script's file name in the FDL (`script: script.sh`); its content is service.script. */
  scriptFileName: string;
  /** Top-level FDL keys other than functions, storage_providers and clusters, kept as they came. */
  extras?: Record<string, unknown>;
}

/** What the server set and the editor keeps out of the user's way, to send back on PUT. */
export interface ServerFields {
  owner?: string;
  token?: string;
  namespace?: string;
  bucket_list?: string[];
}

export const DEFAULT_CLUSTER_ID = 'oscar-cluster';
export const DEFAULT_SCRIPT_FILE = 'script.sh';

type Loose = Record<string, unknown>;

function isRecord(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** An empty service for "Create service". */
export function emptyValue(): EditorValue {
  return {
    service: { name: '', image: '', script: '', cluster_id: DEFAULT_CLUSTER_ID },
    scriptFileName: DEFAULT_SCRIPT_FILE,
  };
}

/**
 * The editable part of a service as OSCAR returned it. Read-only fields (token, owner, deployment,
 * volume status …) go to `server`; the default MinIO provider, which OSCAR injects into every service
 * with its keys "hidden", is left out because OSCAR sets it again on every create and update.
 */
export function fromServer(service: Service): { value: EditorValue; server: ServerFields } {
  const svc = clone(service) as Service & Loose;
  const server: ServerFields = {};
  if (typeof svc.owner === 'string') server.owner = svc.owner;
  if (typeof svc.token === 'string') server.token = svc.token;
  if (typeof svc.namespace === 'string') server.namespace = svc.namespace;
  if (Array.isArray(svc.bucket_list)) server.bucket_list = svc.bucket_list;
  for (const key of ['owner', 'token', 'namespace', 'bucket_list', 'deployment', 'volume_status']) delete svc[key];
  const minio = svc.storage_providers?.minio;
  if (minio?.default) {
    delete minio.default;
    if (Object.keys(minio).length === 0) delete svc.storage_providers!.minio;
    if (svc.storage_providers && Object.keys(svc.storage_providers).length === 0) delete svc.storage_providers;
  }
  svc.cluster_id ||= DEFAULT_CLUSTER_ID;
  return { value: { service: svc, scriptFileName: DEFAULT_SCRIPT_FILE }, server };
}

/** A copy for "Duplicate": a new name, no token or owner, secret values to be typed again. */
export function duplicateValue(value: EditorValue, taken: readonly string[] = []): EditorValue {
  const svc = clone(value.service) as Service & Loose;
  for (const key of ['owner', 'token', 'namespace', 'bucket_list', 'deployment', 'volume_status']) delete svc[key];
  svc.name = copyName(value.service.name, taken);
  const secrets = svc.environment?.secrets;
  if (secrets) for (const k of Object.keys(secrets)) if (secrets[k] === undefined) secrets[k] = '';
  return { service: svc, scriptFileName: value.scriptFileName };
}

/** name-copy, name-copy-2, … within OSCAR's name length. */
export function copyName(name: string, taken: readonly string[] = []): string {
  for (let i = 1; i < 1000; i++) {
    const suffix = i === 1 ? '-copy' : `-copy-${i}`;
    const candidate = `${name.slice(0, SERVICE_NAME_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.includes(candidate)) return candidate;
  }
  return '';
}

/** Reads a value at a path of keys and indexes. */
export function getIn(obj: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/**
 * Returns a copy of `obj` with `value` at `path`. `undefined` removes the key, and objects left empty
 * by a removal are removed too, so clearing a field leaves no `expose: {}` behind.
 */
export function setIn<T>(obj: T, path: readonly (string | number)[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const base: unknown = obj ?? (typeof head === 'number' ? [] : {});
  const copy = (Array.isArray(base) ? [...base] : { ...(base as Loose) }) as Record<string | number, unknown>;
  const next = rest.length === 0 ? value : setIn(copy[head], rest, value);
  // A list entry emptied by the user stays (its row is still on screen); an emptied group goes.
  const emptied = rest.length > 0 && !Array.isArray(copy) && isRecord(next) && Object.keys(next).length === 0;
  if (next === undefined || emptied) {
    if (Array.isArray(copy)) (copy as unknown as unknown[]).splice(head as number, 1);
    else delete copy[head];
  } else {
    copy[head] = next;
  }
  return copy as T;
}
