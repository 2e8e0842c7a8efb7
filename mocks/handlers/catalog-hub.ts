// The demo's GitHub, for the Hub: the trees API of grycap/oscar-hub and its raw files, answered from the
// copies in ../catalog/hub/ (../catalog/SOURCE.txt), with the headers GitHub sends (ETag, the rate limit,
// CORS). Not the OSCAR API: it is composed next to createHandlers (browser.ts, node.ts), never inside it,
// so the contract test never sees it. Other repositories are served the same way once a test registers
// them (`githubDemo.putRepository`); unknown repositories, branches and files answer 404 as GitHub does.
//
// The unauthenticated budget is counted as GitHub counts it (60 requests an hour on api.github.com; raw
// files and 304 answers are free), and `githubDemo.exhaust()` spends it at once, for the rate-limit tests.
import { http, HttpResponse } from 'msw';

export const GITHUB_API = 'https://api.github.com';
export const GITHUB_RAW = 'https://raw.githubusercontent.com';
export const HUB_REPO = 'grycap/oscar-hub';
export const HUB_BRANCHES = ['main'];
const FOLDER = 'crates';
const LIMIT = 60;

// Lazy: each file is its own chunk, loaded when the demo's GitHub is first asked for it.
const texts = import.meta.glob<string>('../catalog/hub/**/*.{json,yml,yaml,sh,md,txt}', { query: '?raw', import: 'default' });
const binaries = import.meta.glob<string>('../catalog/hub/**/*.{png,jpg,jpeg,wav}', { query: '?inline', import: 'default' });

const PREFIX = '../catalog/hub/';
/** Repository path (crates/cowsay/fdl.yml) → loader. */
const files = new Map<string, () => Promise<Uint8Array>>();
for (const [key, load] of Object.entries(texts)) {
  files.set(`${FOLDER}/${key.slice(PREFIX.length)}`, async () => new TextEncoder().encode(await load()));
}
for (const [key, load] of Object.entries(binaries)) {
  files.set(`${FOLDER}/${key.slice(PREFIX.length)}`, async () => {
    const dataUrl = await load();
    const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  });
}

const published = new Map(files);

/** Every repository the demo serves: `owner/repo` (lower-case) → branch → path → loader. */
const repositories = new Map<string, Map<string, Map<string, () => Promise<Uint8Array>>>>();
function servePublished(): void {
  repositories.clear();
  repositories.set(HUB_REPO, new Map(HUB_BRANCHES.map((b) => [b, files])));
}
servePublished();

function filesOf(owner: string, repo: string, branch: string) {
  return repositories.get(`${owner}/${repo}`.toLowerCase())?.get(branch);
}

const budget = { remaining: LIMIT, resetAt: 0 };

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function spend(): boolean {
  if (budget.resetAt <= now()) {
    budget.remaining = LIMIT;
    budget.resetAt = now() + 3600;
  }
  if (budget.remaining <= 0) return false;
  budget.remaining -= 1;
  return true;
}

/** Controls for tests and curious users (window.__lagoonDemo.github). */
export const githubDemo = {
  /** Spends the hour's budget: every API call answers 403 with x-ratelimit-remaining: 0 until `reset()`. */
  exhaust(resetInSeconds = 1800): void {
    budget.remaining = 0;
    budget.resetAt = now() + resetInSeconds;
  },
  reset(): void {
    budget.remaining = LIMIT;
    budget.resetAt = 0;
  },
  remaining: (): number => budget.remaining,
  /** Adds or replaces a file of grycap/oscar-hub (`crates/x/fdl.yml`), or removes it with null: broken crates for tests. */
  putFile(path: string, text: string | null): void {
    if (text === null) files.delete(path);
    else files.set(path, () => Promise.resolve(new TextEncoder().encode(text)));
  },
  /**
   * Serves another repository (`owner/repo@branch`, branch main when left out) with these files, keyed by
   * their path in it (`crates/x/fdl.yml`): a source a user adds. Replaces that branch's files if served.
   */
  putRepository(spec: string, repoFiles: Record<string, string>): void {
    const [key = '', branch = 'main'] = spec.split('@');
    const name = key.toLowerCase();
    if (name === HUB_REPO) throw new Error(`${HUB_REPO} is the published catalogue: change its files with putFile`);
    const branches = repositories.get(name) ?? new Map<string, Map<string, () => Promise<Uint8Array>>>();
    branches.set(branch, new Map(Object.entries(repoFiles).map(([path, text]) => [path, () => Promise.resolve(new TextEncoder().encode(text))])));
    repositories.set(name, branches);
  },
  /** Back to the published files, and no other repository. */
  restoreFiles(): void {
    files.clear();
    for (const [k, v] of published) files.set(k, v);
    servePublished();
  },
};

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset',
};

function rateHeaders(): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(LIMIT),
    'X-RateLimit-Remaining': String(Math.max(0, budget.remaining)),
    'X-RateLimit-Reset': String(budget.resetAt),
    'X-RateLimit-Used': String(LIMIT - Math.max(0, budget.remaining)),
    'X-RateLimit-Resource': 'core',
  };
}

function apiJson(body: unknown, status = 200, extra: Record<string, string> = {}) {
  return HttpResponse.json(body as never, { status, headers: { ...CORS, ...rateHeaders(), ...extra } });
}

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/git/trees#get-a-tree', status: '404' };

/** A content hash good enough for fake SHAs and the ETag: stable for the same files. */
function fakeSha(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(5);
}

function tree(repo: string, branch: string, repoFiles: Map<string, unknown>) {
  const paths = [...repoFiles.keys()].sort();
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const entries = [
    ...[...dirs].map((path) => ({ path, mode: '040000', type: 'tree', sha: fakeSha(`tree:${path}`) })),
    ...paths.map((path) => ({ path, mode: '100644', type: 'blob', sha: fakeSha(`blob:${path}`) })),
  ].sort((a, b) => a.path.localeCompare(b.path));
  return { sha: fakeSha(`${repo}@${branch}\n${paths.join('\n')}`), url: `${GITHUB_API}/repos/${repo}/git/trees/${branch}`, tree: entries, truncated: false };
}

export function catalogHubHandlers() {
  return [
    http.get(`${GITHUB_API}/repos/:owner/:repo/git/trees/:branch`, ({ params, request }) => {
      const repo = `${String(params.owner)}/${String(params.repo)}`;
      const branch = String(params.branch);
      const repoFiles = filesOf(String(params.owner), String(params.repo), branch);
      const body = repoFiles ? tree(repo, branch, repoFiles) : null;
      const etag = body ? `W/"${body.sha}"` : null;
      // A conditional request answered 304 does not count against the limit (GitHub's docs).
      if (etag && request.headers.get('If-None-Match') === etag) {
        return new HttpResponse(null, { status: 304, headers: { ...CORS, ...rateHeaders(), ETag: etag } });
      }
      if (!spend()) {
        return apiJson(
          {
            message:
              "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
            documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
          },
          403,
        );
      }
      if (!body || !etag) return apiJson(NOT_FOUND, 404);
      return apiJson(body, 200, { ETag: etag, 'Cache-Control': 'public, max-age=60, s-maxage=60' });
    }),
    http.get(`${GITHUB_RAW}/:owner/:repo/:branch/*`, async ({ params, request }) => {
      const path = decodeURIComponent(new URL(request.url).pathname.split('/').slice(4).join('/'));
      const load = filesOf(String(params.owner), String(params.repo), String(params.branch))?.get(path);
      if (!load) return new HttpResponse('404: Not Found', { status: 404, headers: { ...CORS, 'Content-Type': 'text/plain; charset=utf-8' } });
      const bytes = await load();
      // raw.githubusercontent.com sends every file as text/plain or octet-stream, never as HTML.
      const type = /\.(png|jpe?g|wav)$/i.test(path) ? 'application/octet-stream' : 'text/plain; charset=utf-8';
      return new HttpResponse(bytes, { status: 200, headers: { ...CORS, 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' } });
    }),
  ];
}
