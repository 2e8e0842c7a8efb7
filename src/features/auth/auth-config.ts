// The identity providers offered on the login screen come from config.json, served next to index.html, so
// a deployment can change them without a rebuild. The demo cluster reads the same file to decide which
// issuers it trusts, so the shape ({ oidcProviders: [{ id, label, authority, clientId, scope }] }) is shared.
// Checked by hand rather than with zod: this file is in the first-visit bundle (the header reads it),
// and zod would add ~50 KB there for five string fields.
export interface OidcProvider {
  id: string;
  label: string;
  authority: string;
  clientId: string;
  scope: string;
}

const text = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function parseProvider(entry: unknown): OidcProvider | null {
  if (!entry || typeof entry !== 'object') return null;
  const o = entry as Record<string, unknown>;
  if (!text(o.id) || !text(o.label) || !text(o.clientId) || !text(o.authority)) return null;
  if (!URL.canParse(o.authority)) return null;
  const scope = o.scope === undefined ? 'openid profile email' : text(o.scope) ? o.scope : null;
  if (scope === null) return null;
  return { id: o.id, label: o.label, authority: o.authority, clientId: o.clientId, scope };
}

export interface AuthConfig {
  oidcProviders: OidcProvider[];
  /** Why some or all providers are missing, in words for the login screen; empty when all is well. */
  problem: string;
}

import { loadConfigFile, resetConfigFile } from '../../lib/config/config-file';

let loading: Promise<AuthConfig> | null = null;

/** Reads /config.json once per page. A broken or missing file leaves password login working. */
export function loadAuthConfig(): Promise<AuthConfig> {
  loading ??= fetchConfig();
  return loading;
}

/** For tests, and after a failed load so the next visit to the login screen asks again. */
export function resetAuthConfig(): void {
  loading = null;
  resetConfigFile();
}

export function parseAuthConfig(raw: unknown, where = 'config.json'): AuthConfig {
  const list = raw && typeof raw === 'object' && !Array.isArray(raw) ? ((raw as { oidcProviders?: unknown }).oidcProviders ?? []) : null;
  if (!Array.isArray(list)) {
    const why = list === null ? 'it is not a JSON object' : '"oidcProviders" is not a list';
    return {
      oidcProviders: [],
      problem: `The app configuration at ${where} is not valid (${why}), so identity provider login is unavailable.`,
    };
  }
  const providers: OidcProvider[] = [];
  let skipped = 0;
  for (const entry of list) {
    const p = parseProvider(entry);
    if (p && !providers.some((q) => q.id === p.id)) providers.push(p);
    else skipped++;
  }
  const problem = skipped
    ? `${skipped} identity provider${skipped === 1 ? ' is' : 's are'} misconfigured in ${where} (each needs id, label, clientId and an authority URL) and not shown.`
    : '';
  return { oidcProviders: providers, problem };
}

async function fetchConfig(): Promise<AuthConfig> {
  const file = await loadConfigFile();
  if (file.ok) return parseAuthConfig(file.raw, file.where);
  loading = null;
  return {
    oidcProviders: [],
    problem: file.thrown
      ? `The list of identity providers at ${file.where} could not be loaded (${file.problem}), so only password login is available.`
      : `The list of identity providers at ${file.where} could not be loaded: ${file.problem}. Only password login is available.`,
  };
}

export async function findProvider(id: string | undefined): Promise<OidcProvider | undefined> {
  if (!id) return undefined;
  const config = await loadAuthConfig();
  return config.oidcProviders.find((p) => p.id === id);
}
