// Clusters the user has logged in to, remembered across visits in localStorage so the login screen and
// the header can offer them. Only the address and how the user logged in are kept, never a password or
// token (those stay in sessionStorage, see docs/decisions/001-session-storage.md).
import { useSyncExternalStore } from 'react';

export const CLUSTERS_KEY = 'lagoon.clusters';
const MAX = 8;

export interface KnownCluster {
  endpoint: string;
  lastUsed: number;
  lastMethod: 'basic' | 'oidc';
  providerId?: string;
}

// Checked by hand rather than with zod, which would add ~50 KB to the first-visit bundle (the header lists clusters).
function parseEntry(d: unknown): KnownCluster | null {
  if (!d || typeof d !== 'object') return null;
  const o = d as Record<string, unknown>;
  if (typeof o.endpoint !== 'string' || !o.endpoint || typeof o.lastUsed !== 'number') return null;
  if (o.lastMethod !== 'basic' && o.lastMethod !== 'oidc') return null;
  if (o.providerId !== undefined && typeof o.providerId !== 'string') return null;
  // Only the known fields are copied, so nothing else that was ever written there survives.
  return { endpoint: o.endpoint, lastUsed: o.lastUsed, lastMethod: o.lastMethod, ...(o.providerId ? { providerId: o.providerId } : {}) };
}

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
        const entry = parseEntry(d);
        return entry ? [entry] : [];
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
