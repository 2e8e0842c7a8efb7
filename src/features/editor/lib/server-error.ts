// Where a failed apply's message belongs: next to the name for a clash, next to a field when the
// server's words name one, and always in a banner with the server's own words.
import { isApiError } from '../../../api/errors';
import type { IssuePath } from '../../../lib/fdl/service-schema';

export interface PlacedError {
  title: string;
  /** The server's words (or ours when it said nothing). */
  message: string;
  status: number;
  /** The field the message is about, when it can be told. */
  field?: IssuePath;
  fieldMessage?: string;
  /** The refusal is about the user's quota: the banner shows their limits and where to read them. */
  quota?: boolean;
}

/** A refusal that names a quota ("Bucket quota exceeded…", "exceeded quota: …"), on a 400 or a 403. */
export function isQuotaRefusal(status: number, message: string): boolean {
  return (status === 400 || status === 403) && /\bquota\b/i.test(message);
}

// Service fields as they may appear in OSCAR's messages: JSON names, or Go names from the
// validator ("Key: 'Service.Image' Error:…").
const FIELDS = [
  'name', 'image', 'script', 'memory', 'cpu', 'total_memory', 'total_cpu', 'ephemeral_storage_request', 'log_level',
  'input', 'output', 'mount', 'environment', 'expose', 'api_port', 'synchronous', 'visibility', 'allowed_users',
  'isolation_level', 'volume', 'federation', 'replicas', 'kserve', 'image_pull_secrets', 'labels', 'annotations',
  'storage_providers', 'clusters', 'vo', 'alpine', 'interlink_node_name', 'enable_gpu',
];
const GO_NAMES: Record<string, IssuePath> = {
  Name: ['name'], Image: ['image'], Script: ['script'], Memory: ['memory'], CPU: ['cpu'], Input: ['input'],
  Output: ['output'], LogLevel: ['log_level'], Visibility: ['visibility'], Expose: ['expose'], Volume: ['volume'],
};

export function fieldInMessage(message: string): IssuePath | undefined {
  const go = /Service\.(\w+)/.exec(message);
  if (go?.[1] && GO_NAMES[go[1]]) return GO_NAMES[go[1]];
  if (/\bthe name\b|\bservice name\b/i.test(message)) return ['name'];
  if (/api_port/.test(message)) return ['expose', 'api_port'];
  const lower = message.toLowerCase();
  for (const f of FIELDS) {
    if (new RegExp(`['"\`]${f}['"\`]|\\b${f}\\b`).test(lower)) return [f];
  }
  return undefined;
}

export function placeServerError(error: unknown, mode: 'create' | 'update', name: string): PlacedError {
  const status = isApiError(error) ? error.status : -1;
  const message = error instanceof Error ? error.message : String(error);
  if (isQuotaRefusal(status, message)) return { title: 'Over your quota', message, status, quota: true };
  if (status === 409) {
    return {
      title: 'A service with this name already exists',
      message,
      status,
      field: ['name'],
      fieldMessage: `${message}: ${JSON.stringify(name)} is taken on this cluster; choose another name`,
    };
  }
  if (status === 400) {
    const field = fieldInMessage(message);
    const placed: PlacedError = { title: 'The cluster refused the service', message, status };
    if (field) {
      placed.field = field;
      placed.fieldMessage = message;
    }
    return placed;
  }
  if (status === 0) return { title: 'The cluster could not be reached; nothing was changed', message, status };
  if (status === 404 && mode === 'update') {
    return { title: 'This service no longer exists on the cluster', message: `${message}. It may have been deleted meanwhile; your edit is kept.`, status };
  }
  if (status === 403) return { title: 'You may not change this service', message, status };
  return {
    title: mode === 'create' ? 'The service could not be created' : 'The service could not be updated',
    message,
    status,
  };
}
