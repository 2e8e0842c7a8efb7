// Where this cluster's Prometheus is, if anywhere: the user's setting on the usage page (localStorage,
// per cluster endpoint; it holds an address, never a credential) wins over public/prometheus.json,
// which a deployment fills in for its clusters.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useSession } from '../../../lib/session/session';
import { queryDefs, type PromQueryDef, type PromQueryId } from '../lib/prometheus';
import { usageQueries } from '../api/queries';

const KEY = 'lagoon.prometheus';
const EVENT = 'lagoon-prometheus-change';

/** Endpoint → base URL, or "" where the user turned Prometheus off for a cluster the file lists. */
type Stored = Record<string, string>;

// Kept in memory too, for browsers where storage is off.
let memory = '{}';

function readRaw(): string {
  try {
    return localStorage.getItem(KEY) ?? '{}';
  } catch {
    return memory;
  }
}

function parseStored(raw: string): Stored {
  try {
    const v: unknown = JSON.parse(raw);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(
      Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

function subscribe(cb: () => void) {
  window.addEventListener(EVENT, cb);
  window.addEventListener('storage', cb);
  return () => {
    window.removeEventListener(EVENT, cb);
    window.removeEventListener('storage', cb);
  };
}

const endpointKey = (endpoint: string) => endpoint.replace(/\/+$/, '');

export interface PrometheusSetup {
  /** The base URL to query, or null: use OSCAR's totals only. */
  url: string | null;
  /** Where `url` comes from. */
  origin: 'setting' | 'file' | 'none';
  /** The address public/prometheus.json gives for this cluster, if any. */
  fileUrl: string | null;
  queries: Record<PromQueryId, PromQueryDef>;
  /** Saves the user's choice for this cluster: an address, "" for off, or null to follow the file. */
  save: (url: string | null) => void;
}

export function usePrometheus(): PrometheusSetup {
  const session = useSession();
  const endpoint = endpointKey(session?.endpoint ?? '');
  const { data: file } = useQuery(usageQueries.prometheusConfig());
  const raw = useSyncExternalStore(subscribe, readRaw, () => '{}');
  const stored: string | undefined = parseStored(raw)[endpoint];
  const fileUrl = file?.clusters[endpoint] ?? null;

  const save = useCallback(
    (url: string | null) => {
      const next = parseStored(readRaw());
      if (url === null) delete next[endpoint];
      else next[endpoint] = url;
      memory = JSON.stringify(next);
      try {
        localStorage.setItem(KEY, memory);
      } catch {
        // Storage may be full or off; the setting then lasts until the page is left.
      }
      window.dispatchEvent(new Event(EVENT));
    },
    [endpoint],
  );

  const queries = queryDefs(file ?? { clusters: {}, queries: {} });
  if (stored !== undefined)
    return { url: stored || null, origin: stored ? 'setting' : 'none', fileUrl, queries, save };
  return { url: fileUrl, origin: fileUrl ? 'file' : 'none', fileUrl, queries, save };
}
