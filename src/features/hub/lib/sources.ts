// The Hub's sources: GitHub repositories of crates. The site's (config.json `hub.sources`, grycap/oscar-hub
// by default) plus those the user adds, kept in this browser's localStorage as `owner/repo@branch`.
import { parseSourceSpec, type HubSourceConfig } from '../../../lib/config/hub';

export type HubSource = HubSourceConfig;

const KEY = 'lagoon.hub.sources';

/** "grycap/oscar-hub@main": a source's one spelling, in URLs and storage. */
export function sourceKey(s: HubSource): string {
  return `${s.owner}/${s.repo}@${s.branch}`;
}

export function sameSource(a: HubSource, b: HubSource): boolean {
  return sourceKey(a).toLowerCase() === sourceKey(b).toLowerCase();
}

/** What is wrong with a source the user typed, in words, or null with the source. */
export function checkNewSource(spec: string, existing: readonly HubSource[]): { source: HubSource } | { problem: string } {
  const source = parseSourceSpec(spec);
  if (!source) {
    return { problem: 'Write a GitHub repository as owner/repository, optionally followed by @branch (main when left out), for example grycap/oscar-hub@devel.' };
  }
  if (existing.some((s) => sameSource(s, source))) return { problem: `${sourceKey(source)} is already a source.` };
  return { source };
}

export function loadUserSources(storage: Storage | undefined = globalThis.localStorage): HubSource[] {
  try {
    const raw = storage?.getItem(KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(list)) return [];
    const out: HubSource[] = [];
    for (const item of list) {
      const s = typeof item === 'string' ? parseSourceSpec(item) : null;
      if (s && !out.some((o) => sameSource(o, s))) out.push(s);
    }
    return out;
  } catch {
    return [];
  }
}

export function saveUserSources(sources: readonly HubSource[], storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(sources.map(sourceKey)));
  } catch {
    // Storage full or refused (private mode): the sources last for this page only.
  }
}
