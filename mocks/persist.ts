// Keeps the browser demo's state across reloads within a tab: a JSON snapshot in sessionStorage, written
// a moment after changes. What can be rebuilt is not stored: job logs come back from the job's name, the
// seeded history from its spec. A state too big for sessionStorage (thousands of generated services) is
// simply not kept, and a reload starts from the seed again.
import type { Service } from '../src/api/types';
import { buildJobLog, Cluster, type DeploymentRecord, type InvocationEvent, type KnownUser, type StoredBucket, type StoredJob, type StoredObject, type StoredVolume, type UserQuota } from './cluster';
import { createRng, hashString } from './prng';
import { historyFor, type HistorySpec } from './seed';

export const SNAPSHOT_KEY = 'lagoon.demo.v1';
const VERSION = 1;

interface Snapshot {
  version: number;
  rng: number;
  services: Service[];
  serviceCreatedAt: [string, number][];
  buckets: (Omit<StoredBucket, 'objects' | 'sortedKeys'> & { objects: StoredObject[] })[];
  jobs: Omit<StoredJob, 'log'>[];
  volumes: StoredVolume[];
  quotas: [string, UserQuota][];
  deployments: [string, DeploymentRecord][];
  users: KnownUser[];
  trustedIssuers: string[];
  events: InvocationEvent[];
  historySpec: unknown;
  quotasEnabled: boolean;
  config: Cluster['config'];
  allowedImageRepositories: string[];
  lastSyncCall: [string, number][];
}

export function snapshot(c: Cluster): Snapshot {
  const jobs: Omit<StoredJob, 'log'>[] = [];
  for (const byName of c.jobs.values()) {
    for (const j of byName.values()) {
      const { log: _log, ...rest } = j;
      jobs.push(rest);
    }
  }
  return {
    version: VERSION,
    rng: c.rng.state(),
    services: [...c.services.values()],
    serviceCreatedAt: [...c.serviceCreatedAt],
    buckets: [...c.buckets.values()].map(({ objects, sortedKeys: _s, ...b }) => ({ ...b, objects: [...objects.values()] })),
    jobs,
    volumes: [...c.volumes.values()],
    quotas: [...c.quotas],
    deployments: [...c.deployments],
    users: [...c.users.values()],
    trustedIssuers: [...c.trustedIssuers],
    events: c.events,
    historySpec: c.historySpec,
    quotasEnabled: c.quotasEnabled,
    config: c.config,
    allowedImageRepositories: c.allowedImageRepositories,
    lastSyncCall: [...c.lastSyncCall],
  };
}

export function restore(data: unknown, now?: () => number): Cluster | null {
  const s = data as Snapshot;
  if (!s || typeof s !== 'object' || s.version !== VERSION) return null;
  const c = new Cluster({ seed: s.rng, ...(now ? { now } : {}) });
  c.batch(() => {
    for (const svc of s.services) c.services.set(svc.name, svc);
    for (const [k, v] of s.serviceCreatedAt) c.serviceCreatedAt.set(k, v);
    for (const b of s.buckets) {
      c.buckets.set(b.name, { ...b, objects: new Map(b.objects.map((o) => [o.key, o])), sortedKeys: null });
    }
    for (const j of s.jobs) {
      const svc = c.services.get(j.service);
      const job: StoredJob = { ...j, log: [] };
      if (svc) job.log = buildJobLog(svc, job, createRng(hashString(job.name)));
      c.adoptJob(job);
    }
    for (const v of s.volumes) c.volumes.set(v.name, v);
    for (const [k, q] of s.quotas) c.quotas.set(k, q);
    for (const [k, d] of s.deployments) c.deployments.set(k, d);
    for (const u of s.users) c.users.set(u.sub, u);
    for (const i of s.trustedIssuers) c.trustedIssuers.add(i);
    c.events.push(...s.events);
    c.quotasEnabled = s.quotasEnabled;
    c.config = s.config;
    c.allowedImageRepositories = s.allowedImageRepositories;
    for (const [k, t] of s.lastSyncCall) c.lastSyncCall.set(k, t);
    if (s.historySpec) {
      c.historySpec = s.historySpec;
      c.historyFactory = () => historyFor(s.historySpec as HistorySpec, [...c.users.values()]);
    }
  });
  return c;
}

/**
 * Saves the cluster to sessionStorage `delay` ms after its last change, and at once when the page goes
 * away or out of sight (`pagehide`, `visibilitychange` to hidden): a change made just before a reload is
 * kept. Returns a stop function (which saves what is pending).
 */
export function persistTo(storage: Storage, c: Cluster, delay = 500): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let warned = false;
  const save = () => {
    timer = null;
    try {
      storage.setItem(SNAPSHOT_KEY, JSON.stringify(snapshot(c)));
    } catch (e) {
      // Too big (or storage disabled): drop the stale copy so a reload does not bring back old state.
      try {
        storage.removeItem(SNAPSHOT_KEY);
      } catch {
        // nothing more to do
      }
      if (!warned) {
        warned = true;
        console.warn('[lagoon demo] the demo state is too large to keep across reloads', e);
      }
    }
  };
  const flush = () => {
    if (timer) {
      clearTimeout(timer);
      save();
    }
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  const unsubscribe = c.subscribe(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delay);
  });
  const inPage = typeof window !== 'undefined' && typeof document !== 'undefined';
  if (inPage) {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
  }
  return () => {
    unsubscribe();
    if (inPage) {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    }
    flush();
  };
}

export function loadFrom(storage: Storage): Cluster | null {
  try {
    const raw = storage.getItem(SNAPSHOT_KEY);
    return raw ? restore(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}
