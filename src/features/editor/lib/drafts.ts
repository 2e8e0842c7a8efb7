// Unsaved edits, kept in IndexedDB per cluster endpoint and service name ("new" for a service being
// created), so they survive a reload, a failed apply and a logout. Secret values are never stored:
// a draft keeps which secrets exist, and the user types the values again.
import { createStore, del, get, set } from 'idb-keyval';
import type { EditorValue } from './editor-value';
import { clone } from './editor-value';

export interface Draft {
  value: EditorValue;
  /** The YAML tab's text when it could not be read into a value (kept so no typing is lost). */
  yaml?: string;
  savedAt: number;
  /** Secret keys whose typed values were left out of the draft. */
  droppedSecrets: string[];
}

export interface DraftBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

let idb: DraftBackend | null = null;
function idbBackend(): DraftBackend {
  if (!idb) {
    const store = createStore('lagoon-drafts', 'drafts');
    idb = { get: (k) => get(k, store), set: (k, v) => set(k, v, store), del: (k) => del(k, store) };
  }
  return idb;
}

export const NEW_SERVICE = 'new';

export function draftKey(endpoint: string, service: string | null | undefined): string {
  const ep = endpoint.trim().replace(/\/+$/, '').toLowerCase();
  // "new" cannot clash with a service: the key says which kind it is.
  return service ? `${ep}|service|${service}` : `${ep}|${NEW_SERVICE}`;
}

// Provider and cluster fields that hold credentials.
const CREDENTIAL_FIELDS = ['secret_key', 'password', 'token', 'refresh_token', 'auth_password'];

/** The value without secret values: environment secrets and credentials become empty. */
export function withoutSecrets(value: EditorValue): { value: EditorValue; dropped: string[] } {
  const out = clone(value);
  const dropped: string[] = [];
  const secrets = out.service.environment?.secrets;
  if (secrets) {
    for (const k of Object.keys(secrets)) {
      if (secrets[k] !== '') dropped.push(k);
      secrets[k] = '';
    }
  }
  const blank = (group: unknown, label: string) => {
    if (!group || typeof group !== 'object') return;
    for (const [id, settings] of Object.entries(group as Record<string, Record<string, unknown>>)) {
      if (!settings || typeof settings !== 'object') continue;
      for (const f of CREDENTIAL_FIELDS) {
        if (typeof settings[f] === 'string' && settings[f] !== '') {
          dropped.push(`${label}${id} ${f}`);
          settings[f] = '';
        }
      }
    }
  };
  const providers = out.service.storage_providers as Record<string, unknown> | undefined;
  if (providers) for (const [kind, ids] of Object.entries(providers)) blank(ids, `${kind}.`);
  blank(out.service.clusters, 'cluster ');
  return { value: out, dropped };
}

export function createDraftStore(backend: DraftBackend = idbBackend()) {
  return {
    async load(endpoint: string, service: string | null): Promise<Draft | null> {
      try {
        const raw = (await backend.get(draftKey(endpoint, service))) as Draft | undefined;
        if (!raw || typeof raw !== 'object' || !raw.value?.service) return null;
        return raw;
      } catch {
        // A browser without IndexedDB (private mode in some) simply has no drafts.
        return null;
      }
    },
    async save(endpoint: string, service: string | null, value: EditorValue, yaml?: string): Promise<void> {
      const { value: safe, dropped } = withoutSecrets(value);
      const draft: Draft = { value: safe, savedAt: Date.now(), droppedSecrets: dropped };
      if (yaml !== undefined) draft.yaml = yaml;
      try {
        await backend.set(draftKey(endpoint, service), draft);
      } catch {
        // Not being able to keep a draft must never stop editing.
      }
    },
    async clear(endpoint: string, service: string | null): Promise<void> {
      try {
        await backend.del(draftKey(endpoint, service));
      } catch {
        // Nothing to clear.
      }
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;

let defaultStore: DraftStore | null = null;
export function draftStore(): DraftStore {
  defaultStore ??= createDraftStore();
  return defaultStore;
}

/** A Map-backed backend for tests and for browsers without IndexedDB. */
export function memoryBackend(): DraftBackend & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => void data.set(k, structuredClone(v)),
    del: async (k) => void data.delete(k),
  };
}
