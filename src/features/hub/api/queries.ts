// The Hub's queries. A source's catalogue (its tree, then every crate's metadata from raw files) and a
// crate's files are cached for an hour: browsing back and forth asks GitHub nothing, and the tree, the one
// request that counts against GitHub's limit, also survives a reload (lib/github.ts).
import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';
import type { HubConfig } from '../../../lib/config/hub';
import { crateEntry, crateFolders, mapLimit, METADATA_FILE, type CrateEntry } from '../lib/catalogue';
import { fetchRaw, fetchRawText, fetchTree, isGitHubError, type GitHubError } from '../lib/github';
import { sourceKey, type HubSource } from '../lib/sources';

const HOUR = 60 * 60_000;

export interface Catalogue {
  source: HubSource;
  crates: CrateEntry[];
  truncated: boolean;
  /** Shown from the last listing because GitHub's limit is spent. */
  stale?: GitHubError;
}

export const hubKeys = {
  all: ['hub'] as const,
  catalogue: (config: HubConfig, s: HubSource) => [...hubKeys.all, 'catalogue', config.apiBase, config.rawBase, sourceKey(s)] as const,
  file: (config: HubConfig, s: HubSource, path: string) => [...hubKeys.all, 'file', config.rawBase, sourceKey(s), path] as const,
};

export const hubQueries = {
  catalogue: (config: HubConfig, source: HubSource) =>
    queryOptions({
      queryKey: hubKeys.catalogue(config, source),
      queryFn: async ({ signal }): Promise<Catalogue> => {
        const tree = await fetchTree(config, source, signal);
        const folders = crateFolders(tree);
        const crates = await mapLimit(folders, 6, async (folder) => {
          if (!folder.files.includes(METADATA_FILE)) return crateEntry(folder, null);
          const path = folder.path ? `${folder.path}/${METADATA_FILE}` : METADATA_FILE;
          try {
            return crateEntry(folder, { text: await fetchRawText(config, source, path, signal) });
          } catch (e) {
            if (!isGitHubError(e)) throw e;
            return crateEntry(folder, { error: e.message });
          }
        });
        return { source, crates, truncated: tree.truncated, ...(tree.stale ? { stale: tree.stale } : {}) };
      },
      staleTime: HOUR,
      gcTime: HOUR,
      // A spent rate limit will not be better in a second; the error says when it will.
      retry: (count, e) => !(isGitHubError(e) && (e.kind === 'rate-limit' || e.kind === 'not-found')) && count < 1,
    }),
  /** A file of a crate, as bytes (icons, sample inputs). */
  bytes: (config: HubConfig, source: HubSource, path: string) =>
    queryOptions({
      queryKey: [...hubKeys.file(config, source, path), 'bytes'],
      queryFn: ({ signal }) => fetchRaw(config, source, path, signal),
      staleTime: HOUR,
      gcTime: HOUR,
      retry: false,
    }),
  /** A file of a crate, as text (README, FDL, script). */
  text: (config: HubConfig, source: HubSource, path: string) =>
    queryOptions({
      queryKey: [...hubKeys.file(config, source, path), 'text'],
      queryFn: ({ signal }) => fetchRawText(config, source, path, signal),
      staleTime: HOUR,
      gcTime: HOUR,
      retry: false,
    }),
};

export function partPath(crate: { path: string }, part: string): string {
  return crate.path ? `${crate.path}/${part}` : part;
}

/** A service created from a crate, to open it from the crate's page (the services pages' own key, so one cache). */
export const deployedServiceQuery = (name: string) =>
  queryOptions({
    queryKey: ['services', 'detail', name] as const,
    queryFn: async ({ signal }) => {
      const { data } = await oscar.GET('/system/services/{serviceName}', { params: { path: { serviceName: name } }, signal });
      return required(data, `the service ${name}`);
    },
    retry: false,
  });
