// The identity providers offered on the login screen come from /config.json, served with the app, so
// a deployment can change them without a rebuild. The demo cluster reads the same file to decide which
// issuers it trusts, so the shape ({ oidcProviders: [{ id, label, authority, clientId, scope }] }) is shared.
import { z } from 'zod';

const providerSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  authority: z.url(),
  clientId: z.string().min(1),
  scope: z.string().min(1).default('openid profile email'),
});

const configSchema = z.object({
  oidcProviders: z.array(z.unknown()).default([]),
});

export type OidcProvider = z.infer<typeof providerSchema>;

export interface AuthConfig {
  oidcProviders: OidcProvider[];
  /** Why some or all providers are missing, in words for the login screen; empty when all is well. */
  problem: string;
}

let loading: Promise<AuthConfig> | null = null;

/** Reads /config.json once per page. A broken or missing file leaves password login working. */
export function loadAuthConfig(): Promise<AuthConfig> {
  loading ??= fetchConfig();
  return loading;
}

/** For tests, and after a failed load so the next visit to the login screen asks again. */
export function resetAuthConfig(): void {
  loading = null;
}

export function parseAuthConfig(raw: unknown): AuthConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    return { oidcProviders: [], problem: 'The app configuration (config.json) is not valid, so identity provider login is unavailable.' };
  }
  const providers: OidcProvider[] = [];
  let skipped = 0;
  for (const entry of parsed.data.oidcProviders) {
    const p = providerSchema.safeParse(entry);
    if (p.success && !providers.some((q) => q.id === p.data.id)) providers.push(p.data);
    else skipped++;
  }
  const problem = skipped
    ? `${skipped} identity provider${skipped === 1 ? ' is' : 's are'} misconfigured in config.json and not shown.`
    : '';
  return { oidcProviders: providers, problem };
}

async function fetchConfig(): Promise<AuthConfig> {
  try {
    const res = await fetch('/config.json', { cache: 'no-cache', credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return parseAuthConfig(await res.json());
  } catch {
    loading = null;
    return {
      oidcProviders: [],
      problem: 'The list of identity providers (config.json) could not be loaded, so only password login is available.',
    };
  }
}

export async function findProvider(id: string | undefined): Promise<OidcProvider | undefined> {
  if (!id) return undefined;
  const config = await loadAuthConfig();
  return config.oidcProviders.find((p) => p.id === id);
}
