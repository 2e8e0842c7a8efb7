// GitHub as the Hub reads it, without signing in: the trees API (one request per source, which counts
// against the 60-an-hour limit GitHub gives a browser that is not signed in) and raw files (which do not).
// A tree is kept in localStorage with its ETag: a reload within the hour asks nothing, and a later
// conditional request that GitHub answers 304 costs nothing either.
import { ensureDemo, isDemoEndpoint } from '../../../api/demo';
import type { HubConfig } from '../../../lib/config/hub';
import { getSession } from '../../../lib/session/session';
import { sourceKey, type HubSource } from './sources';

export type GitHubErrorKind = 'rate-limit' | 'not-found' | 'http' | 'network' | 'format';

export class GitHubError extends Error {
  readonly kind: GitHubErrorKind;
  readonly status: number | undefined;
  /** When the rate limit resets, in ms since the epoch. */
  readonly resetAt: number | undefined;
  constructor(kind: GitHubErrorKind, message: string, extra: { status?: number; resetAt?: number } = {}) {
    super(message);
    this.name = 'GitHubError';
    this.kind = kind;
    this.status = extra.status;
    this.resetAt = extra.resetAt;
  }
}

export function isGitHubError(e: unknown): e is GitHubError {
  return e instanceof GitHubError;
}

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** What a spent rate limit means and what to do, with the time it resets. */
export function rateLimitWords(resetAt: number | undefined, now = Date.now()): string {
  const base =
    'GitHub allows 60 requests an hour to a browser that is not signed in to GitHub, and this network has used them all.';
  if (resetAt === undefined || !Number.isFinite(resetAt)) return `${base} Try again within the hour; what was already loaded stays here.`;
  const minutes = Math.max(1, Math.ceil((resetAt - now) / 60_000));
  return `${base} The limit resets at ${clock(resetAt)} (in ${minutes} minute${minutes === 1 ? '' : 's'}): try again then. Until then what was already loaded stays here, and a site can point the Hub at a mirror (hub.apiBase in config.json).`;
}

export interface TreeEntry {
  path: string;
  type: 'blob' | 'tree';
}

export interface Tree {
  entries: TreeEntry[];
  /** GitHub cut the listing short (more than 100,000 entries): some crates may be missing. */
  truncated: boolean;
}

interface Cached {
  etag: string | null;
  at: number;
  tree: Tree;
}

const FRESH_MS = 60 * 60_000;
const cacheKey = (config: HubConfig, s: HubSource) => `lagoon.hub.tree:${config.apiBase}|${sourceKey(s)}`;

function readCache(key: string): Cached | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    const c = raw ? (JSON.parse(raw) as Cached) : null;
    return c && Array.isArray(c.tree?.entries) ? c : null;
  } catch {
    return null;
  }
}

function writeCache(key: string, c: Cached) {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(c));
  } catch {
    // Full or refused: the next visit asks GitHub again.
  }
}

async function errorFrom(res: Response, what: string, missing: string): Promise<GitHubError> {
  const remaining = res.headers.get('x-ratelimit-remaining');
  if ((res.status === 403 || res.status === 429) && (remaining === '0' || res.headers.has('retry-after'))) {
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    const retry = Number(res.headers.get('retry-after'));
    const resetAt = reset > 0 ? reset * 1000 : retry > 0 ? Date.now() + retry * 1000 : undefined;
    return new GitHubError('rate-limit', rateLimitWords(resetAt), { status: res.status, ...(resetAt ? { resetAt } : {}) });
  }
  let said = '';
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string') said = body.message;
  } catch {
    // Not JSON: the status says enough.
  }
  if (res.status === 404) return new GitHubError('not-found', `GitHub has no ${missing} (HTTP 404): check the owner, the repository and the branch.`, { status: 404 });
  return new GitHubError('http', `GitHub refused ${what} (HTTP ${res.status}${said ? `: ${said}` : ''}).`, { status: res.status });
}

async function get(url: string, what: string, init: RequestInit): Promise<Response> {
  // On the demo cluster, GitHub is the demo's too (mocks/handlers/catalog-hub.ts): after a reload its
  // service worker may still be starting, and a request sent before it would go to the real GitHub.
  const session = getSession();
  if (session && isDemoEndpoint(session.endpoint)) await ensureDemo();
  try {
    return await fetch(url, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new GitHubError('network', `GitHub could not be reached for ${what} (${e instanceof Error ? e.message : String(e)}). Check the connection, or whether this site's Content-Security-Policy allows ${new URL(url).origin}.`);
  }
}

function parseTree(body: unknown, what: string): Tree {
  const o = body as { tree?: unknown; truncated?: unknown } | null;
  if (!o || !Array.isArray(o.tree)) throw new GitHubError('format', `GitHub's answer for ${what} is not a tree listing.`);
  const entries = o.tree.flatMap((e: unknown) => {
    const x = e as { path?: unknown; type?: unknown };
    return typeof x.path === 'string' && (x.type === 'blob' || x.type === 'tree') ? [{ path: x.path, type: x.type } as TreeEntry] : [];
  });
  return { entries, truncated: o.truncated === true };
}

/** A source's whole tree (`git/trees/{branch}?recursive=1`), from the cache while it is fresh. */
export async function fetchTree(config: HubConfig, source: HubSource, signal?: AbortSignal): Promise<Tree & { stale?: GitHubError }> {
  const key = cacheKey(config, source);
  const cached = readCache(key);
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.tree;
  const what = `the files of ${sourceKey(source)}`;
  const url = `${config.apiBase}/repos/${encodeURIComponent(source.owner)}/${encodeURIComponent(source.repo)}/git/trees/${encodeURIComponent(source.branch)}?recursive=1`;
  const headers: Record<string, string> = { Accept: 'application/vnd.github+json' };
  if (cached?.etag) headers['If-None-Match'] = cached.etag;
  const res = await get(url, what, { headers, signal: signal ?? null, cache: 'no-store' });
  if (res.status === 304 && cached) {
    writeCache(key, { ...cached, at: Date.now() });
    return cached.tree;
  }
  if (!res.ok) {
    const error = await errorFrom(res, what, `repository ${sourceKey(source)}`);
    // Spent: keep showing the last listing, and say why it may be old.
    if (error.kind === 'rate-limit' && cached) return { ...cached.tree, stale: error };
    throw error;
  }
  const tree = parseTree(await res.json().catch(() => null), what);
  writeCache(key, { etag: res.headers.get('etag'), at: Date.now(), tree });
  return tree;
}

/** For tests: forgets every cached tree. */
export function clearTreeCache(): void {
  const store = globalThis.localStorage;
  if (!store) return;
  for (const k of Object.keys(store)) if (k.startsWith('lagoon.hub.tree:')) store.removeItem(k);
}

export function rawUrl(config: HubConfig, source: HubSource, path: string): string {
  const p = path.split('/').map(encodeURIComponent).join('/');
  return `${config.rawBase}/${encodeURIComponent(source.owner)}/${encodeURIComponent(source.repo)}/${encodeURIComponent(source.branch)}/${p}`;
}

/** A raw file's bytes (raw files do not count against the API's limit). */
export async function fetchRaw(config: HubConfig, source: HubSource, path: string, signal?: AbortSignal): Promise<Uint8Array> {
  const what = `${path} in ${sourceKey(source)}`;
  const res = await get(rawUrl(config, source, path), what, { signal: signal ?? null });
  if (!res.ok) throw await errorFrom(res, what, what);
  return new Uint8Array(await res.arrayBuffer());
}

export async function fetchRawText(config: HubConfig, source: HubSource, path: string, signal?: AbortSignal): Promise<string> {
  return new TextDecoder().decode(await fetchRaw(config, source, path, signal)).replace(/^\uFEFF/, '');
}
