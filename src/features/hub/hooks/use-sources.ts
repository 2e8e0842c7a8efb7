import { useCallback, useState } from 'react';
import { useHubConfig } from '../../../lib/config/hub';
import { loadUserSources, sameSource, saveUserSources, sourceKey, type HubSource } from '../lib/sources';

/** The site's sources and the user's own (kept in this browser), with add and remove for the latter. */
export function useSources() {
  const { config, loading } = useHubConfig();
  const [mine, setMine] = useState<HubSource[]>(() => loadUserSources());
  const add = useCallback((s: HubSource) => {
    setMine((prev) => {
      const next = [...prev.filter((p) => !sameSource(p, s)), s];
      saveUserSources(next);
      return next;
    });
  }, []);
  const remove = useCallback((s: HubSource) => {
    setMine((prev) => {
      const next = prev.filter((p) => !sameSource(p, s));
      saveUserSources(next);
      return next;
    });
  }, []);
  const site = config.sources;
  const all = [...site, ...mine.filter((m) => !site.some((s) => sameSource(s, m)))];
  /** The first site source is the default: crate URLs name any other (?source=). */
  const isDefault = (s: HubSource) => site[0] !== undefined && sameSource(site[0], s);
  const find = (key: string | null) => (key === null ? site[0] : all.find((s) => sourceKey(s).toLowerCase() === key.toLowerCase()));
  return { config, loading, site, mine, all, add, remove, isDefault, find };
}
