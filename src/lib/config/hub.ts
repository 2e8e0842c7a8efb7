// The Hub's settings from config.json (`hub`): the catalogue sources every user starts with, and where
// GitHub's API and raw files are, so a site can point the Hub at a mirror. Their origins go into the
// hosted CSP's connect-src like every URL in config.json (deploy/docker-entrypoint.sh).
import { useQuery } from '@tanstack/react-query';
import { loadConfigFile } from './config-file';

export interface HubSourceConfig {
  owner: string;
  repo: string;
  branch: string;
}

export interface HubConfig {
  /** The GitHub REST API, without a trailing slash. */
  apiBase: string;
  /** Where raw files are served: `{rawBase}/{owner}/{repo}/{branch}/{path}`. */
  rawBase: string;
  /** Sources every user has, which they cannot remove (they can add their own). */
  sources: HubSourceConfig[];
}

export const DEFAULT_HUB_CONFIG: HubConfig = {
  apiBase: 'https://api.github.com',
  rawBase: 'https://raw.githubusercontent.com',
  sources: [{ owner: 'grycap', repo: 'oscar-hub', branch: 'main' }],
};

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const BRANCH = /^[A-Za-z0-9_./-]{1,200}$/;

/** `owner/repo[@branch]` (branch `main` when left out), or null when it is not one. */
export function parseSourceSpec(spec: string): HubSourceConfig | null {
  const m = /^\s*([^/@\s]+)\/([^/@\s]+?)(?:\.git)?(?:@([^\s]+))?\s*$/.exec(spec);
  if (!m) return null;
  const [, owner = '', repo = '', branch = 'main'] = m;
  if (!NAME.test(owner) || !NAME.test(repo) || owner.startsWith('.') || repo.startsWith('.')) return null;
  if (!BRANCH.test(branch) || branch.includes('..') || branch.startsWith('/') || branch.endsWith('/')) return null;
  return { owner, repo, branch };
}

function httpBase(v: unknown): string | null {
  if (typeof v !== 'string' || !URL.canParse(v)) return null;
  const u = new URL(v);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  return v.replace(/\/+$/, '');
}

export function parseHubConfig(raw: unknown): HubConfig {
  const hub = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { hub?: unknown }).hub : undefined;
  if (!hub || typeof hub !== 'object' || Array.isArray(hub)) return DEFAULT_HUB_CONFIG;
  const o = hub as Record<string, unknown>;
  const sources = Array.isArray(o.sources)
    ? o.sources.flatMap((s) => {
        const parsed = typeof s === 'string' ? parseSourceSpec(s) : null;
        return parsed ? [parsed] : [];
      })
    : DEFAULT_HUB_CONFIG.sources;
  return {
    apiBase: httpBase(o.apiBase) ?? DEFAULT_HUB_CONFIG.apiBase,
    rawBase: httpBase(o.rawBase) ?? DEFAULT_HUB_CONFIG.rawBase,
    sources,
  };
}

export function hubConfigQuery() {
  return {
    queryKey: ['config', 'hub'] as const,
    queryFn: async (): Promise<HubConfig> => {
      const file = await loadConfigFile();
      return parseHubConfig(file.ok ? file.raw : null);
    },
    staleTime: Infinity,
  };
}

/** The Hub's settings; the defaults until config.json is read (or when it has no `hub`). */
export function useHubConfig(): { config: HubConfig; loading: boolean } {
  const q = useQuery(hubConfigQuery());
  return { config: q.data ?? DEFAULT_HUB_CONFIG, loading: q.isPending };
}
