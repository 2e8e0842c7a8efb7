import { sourceKey, type HubSource } from './sources';

/** A crate's page: /hub/<crate>, with ?source= when it is not from the default source. */
export function crateHref(crateId: string, source: HubSource, isDefault: boolean, extra?: Record<string, string>): string {
  const params = new URLSearchParams();
  if (!isDefault) params.set('source', sourceKey(source));
  for (const [k, v] of Object.entries(extra ?? {})) params.set(k, v);
  const q = params.toString();
  return `/hub/${encodeURIComponent(crateId)}${q ? `?${q}` : ''}`;
}
