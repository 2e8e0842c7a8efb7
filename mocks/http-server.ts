// The demo cluster over real HTTP: the same in-memory OSCAR and MSW handlers as the browser demo and
// vitest (./handlers.ts over ./seed.ts), answered by a Node http server on 127.0.0.1 instead of a
// service worker. Node requests become fetch `Request`s and go through msw's getResponse, so no mock
// logic is copied here. What this file adds is what sits around OSCAR on a real cluster:
// - CORS as the cluster's ingress answers it (helm-charts oscar-ingress.yaml, ../shared/oscar-dashboard/PARITY.md 2b):
//   OPTIONS answered 204 before OSCAR sees it, Allow-Origin * on every answer. Its S3 (at /s3) answers
//   its own CORS, as MinIO does.
// - optionally, a UI served the way OSCAR's Go server serves its dashboard: gin's r.Static("/ui", "./assets")
//   (files only, index.html for the directory, no fallback: a deep link is "404 page not found") and `/`
//   redirected to `/ui/`.
//
// Started by scripts/demo-server.mjs (`npm run demo:server`) and by the e2e suites for the deploy modes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { getResponse } from 'msw';
import { createHandlers } from './handlers';
import { createSeededCluster } from './seed';
import { clearFaults, fault, type FaultSpec } from './faults';
import type { Cluster } from './cluster';

export interface DemoServerOptions {
  port?: number;
  host?: string;
  /** A built Lagoon (or any UI) to serve as OSCAR does, under `uiPath`. */
  staticDir?: string;
  /** Where the UI is served; OSCAR's is `/ui`. */
  uiPath?: string;
  /** OIDC issuers the cluster accepts tokens from (a real cluster's OIDC settings). */
  trustedIssuers?: string[];
  /** Log each request to stderr. */
  log?: boolean;
}

export interface DemoServer {
  server: Server;
  url: string;
  cluster: Cluster;
  close(): Promise<void>;
}

const INGRESS_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'PUT, GET, POST, OPTIONS, DELETE',
  // The ingress sends '*'; per the Fetch standard that does not cover Authorization, so name it as well
  // (PARITY.md 2b, caveat). Browsers that still read '*' as "anything" see the same thing.
  'Access-Control-Allow-Headers': '*, Authorization',
  'Access-Control-Allow-Credentials': 'true',
  'Access-Control-Max-Age': '1728000',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

async function ensureDomParser(): Promise<void> {
  // The S3 handlers read XML bodies (CompleteMultipartUpload, DeleteObjects) with DOMParser, as browsers do.
  if (typeof (globalThis as { DOMParser?: unknown }).DOMParser === 'function') return;
  // jsdom ships no types; only its DOMParser is used.
  const jsdom = 'jsdom';
  const { JSDOM } = (await import(/* @vite-ignore */ jsdom)) as { JSDOM: new (html: string) => { window: { DOMParser: unknown } } };
  (globalThis as { DOMParser?: unknown }).DOMParser = new JSDOM('').window.DOMParser;
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) headers.append(k, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response, extra: Record<string, string>, head: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = { ...extra };
  response.headers.forEach((value, key) => {
    if (key === 'set-cookie') return;
    headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (head || !response.body) {
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}

function plain(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/** gin's r.Static: a plain file server. A directory gives its index.html; anything else missing is a 404. */
async function serveStatic(res: ServerResponse, root: string, rel: string, head: boolean): Promise<void> {
  const decoded = decodeURIComponent(rel);
  const file = path.join(root, path.normalize(`/${decoded}`));
  if (!file.startsWith(path.resolve(root))) return plain(res, 404, '404 page not found');
  try {
    let target = file;
    const s = await stat(file);
    if (s.isDirectory()) target = path.join(file, 'index.html');
    const body = await readFile(target);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream', 'Content-Length': body.length });
    res.end(head ? undefined : body);
  } catch {
    plain(res, 404, '404 page not found');
  }
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  await ensureDomParser();
  const host = options.host ?? '127.0.0.1';
  const uiPath = (options.uiPath ?? '/ui').replace(/\/+$/, '');
  const staticDir = options.staticDir ? path.resolve(options.staticDir) : undefined;
  const cluster = createSeededCluster();
  for (const iss of options.trustedIssuers ?? []) cluster.trustIssuer(iss);
  let handlers: ReturnType<typeof createHandlers> = [];

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const head = req.method === 'HEAD';
      if (options.log) console.error(`[demo] ${req.method} ${url.pathname}${url.search}`);
      if (staticDir) {
        if (url.pathname === '/' || url.pathname === uiPath) {
          res.writeHead(301, { Location: `${uiPath}/` });
          return res.end();
        }
        if (url.pathname.startsWith(`${uiPath}/`)) return serveStatic(res, staticDir, url.pathname.slice(uiPath.length), head);
      }
      // Test controls, never on a real cluster: faults as in the browser demo (mocks/faults.ts).
      if (url.pathname === '/__demo/faults') {
        if (req.method === 'DELETE') clearFaults();
        else if (req.method === 'POST') {
          const chunks: Buffer[] = [];
          for await (const c of req) chunks.push(c as Buffer);
          fault(JSON.parse(Buffer.concat(chunks).toString('utf8')) as FaultSpec);
        }
        return plain(res, 204, '', INGRESS_CORS);
      }
      const isS3 = url.pathname === '/s3' || url.pathname.startsWith('/s3/');
      if (req.method === 'OPTIONS' && !isS3) return plain(res, 204, '', INGRESS_CORS);
      const response = await getResponse(handlers, toRequest(req, origin));
      if (!response) return plain(res, 404, '404 page not found', INGRESS_CORS);
      if (response.type === 'error') {
        req.socket.destroy();
        return;
      }
      await send(res, response, isS3 ? {} : INGRESS_CORS, head);
    })().catch((e: unknown) => {
      console.error('[demo] request failed', e);
      if (!res.headersSent) plain(res, 500, e instanceof Error ? e.message : String(e));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const origin = `http://${host}:${port}`;
  handlers = createHandlers(cluster, origin);
  return {
    server,
    url: origin,
    cluster,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
