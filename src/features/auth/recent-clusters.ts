// Clusters the user has logged in to, remembered across visits in localStorage so the login screen and
// the header can offer them. Only the address and how the user logged in are kept, never a password or
// token (those stay in sessionStorage, see docs/decisions/001-session-storage.md).
import { useSyncExternalStore } from 'react';
import { z } from 'zod';

export const CLUSTERS_KEY = 'lagoon.clusters';
const MAX = 8;

const entrySchema = z.object({
  endpoint: z.string().min(1),
  lastUsed: z.number(),
  lastMethod: z.enum(['basic', 'oidc']),
  providerId: z.string().optional(),
});

export type KnownCluster = z.infer<typeof entrySchema>;

const listeners = new Set<() => void>();
let cache: { raw: string | null; list: KnownCluster[] } = { raw: null, list: [] };

function readRaw(): string | null {
  try {
    return localStorage.getItem(CLUSTERS_KEY);
  } catch {
    return null;
  }
}

/** Most recently used first. Entries that do not parse are dropped rather than breaking the login screen. */
export function listClusters(): KnownCluster[] {
  const raw = readRaw();
  if (raw === cache.raw) return cache.list;
  let list: KnownCluster[] = [];
  try {
    const data: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(data)) {
      list = data.flatMap((d) => {
        const p = entrySchema.safeParse(d);
        // Only the known fields are copied, so nothing else that was ever written there survives.
        return p.success
          ? [{ endpoint: p.data.endpoint, lastUsed: p.data.lastUsed, lastMethod: p.data.lastMethod, ...(p.data.providerId ? { providerId: p.data.providerId } : {}) }]
          : [];
      });
    }
  } catch {
    list = [];
  }
  list.sort((a, b) => b.lastUsed - a.lastUsed);
  cache = { raw, list };
  return list;
}

function write(list: KnownCluster[]): void {
  try {
    localStorage.setItem(CLUSTERS_KEY, JSON.stringify(list.slice(0, MAX)));
  } catch {
    // Without storage the list is simply not remembered; logging in still works.
  }
  listeners.forEach((l) => l());
}

export function rememberCluster(endpoint: string, method: KnownCluster['lastMethod'], providerId?: string, now = Date.now()): void {
  const rest = listClusters().filter((c) => c.endpoint !== endpoint);
  const entry: KnownCluster = { endpoint, lastUsed: now, lastMethod: method, ...(providerId ? { providerId } : {}) };
  write([entry, ...rest]);
}

export function forgetCluster(endpoint: string): void {
  write(listClusters().filter((c) => c.endpoint !== endpoint));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab logging in to a new cluster shows up here too.
  const onStorage = (e: StorageEvent) => {
    if (e.key === CLUSTERS_KEY || e.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useKnownClusters(): KnownCluster[] {
  return useSyncExternalStore(subscribe, listClusters, listClusters);
}
