// Exposed services as the cluster's ingress serves them at /system/services/{name}/exposed/… (not an OSCAR
// API route, so not in the spec: ../shared/oscar-api/NOTES.md). Like the ingress in front of the pods: 404
// for a service that is not exposed, 503 while the deployment is stopped or starting, 401 without the
// service's Basic credentials when `expose.set_auth` is on (user = the service's name, password = its
// token), else the server's own page. GET and HEAD only; anything else falls through to the 404, but for
// the apps' own sign-ins: FileBrowser's api/auth/renew and Jupyter Server's login form (POST <base>login).
import { http, HttpResponse } from 'msw';
import type { Service } from '../../src/api/types';
import type { Cluster } from '../cluster';
import { verifyHs256 } from '../../src/lib/jwt/hs256';
import { hashString } from '../prng';
import { text } from './common';

type Params = { serviceName: string };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function isJupyter(svc: Service): boolean {
  return /jupyter/.test(`${svc.name} ${svc.image}`) || svc.labels?.jupyter_notebook === 'true';
}

/** The cookies of a request (the Cookie header: the demo server; the in-page demo's requests carry none). */
function cookiesOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/** Jupyter Server's login cookie for a notebook (its name and the value its token signs in with). */
function jupyterCookie(svc: Service): { name: string; value: string } {
  const token = svc.environment?.variables?.JUPYTER_TOKEN ?? '';
  return { name: `username-${svc.name}`, value: hashString(`${svc.name}:${token}`).toString(16) };
}

/** What the server in the image answers at `path` (below its exposed root). */
function page(svc: Service, path: string, query: URLSearchParams, cookies: Record<string, string> = {}): { status: number; html: string } {
  const health = (svc.expose?.health_path ?? '/').replace(/^\/+/, '');
  const name = escapeHtml(svc.name);
  if (path !== '' && path === health) return { status: 200, html: 'OK' };
  const n = `${svc.name} ${svc.image}`;
  const app = appPage(svc, path, query);
  if (app) return app;
  if (isJupyter(svc)) {
    const wanted = svc.environment?.variables?.JUPYTER_TOKEN;
    const cookie = jupyterCookie(svc);
    if (wanted && query.get('token') !== wanted && cookies[cookie.name] !== cookie.value) {
      return { status: 200, html: `<!doctype html><title>Jupyter Server</title><h1>Jupyter Server</h1><p>Token authentication is enabled: give the token to log in.</p>` };
    }
    return { status: 200, html: `<!doctype html><title>JupyterLab</title><h1>JupyterLab</h1><p>Logged in to ${name}.</p>` };
  }
  if (path !== '') return { status: 404, html: '<!doctype html><title>404 Not Found</title><h1>404 Not Found</h1>' };
  if (/nginx/.test(n)) {
    return { status: 200, html: `<!doctype html><title>Welcome to nginx!</title><h1>Welcome to nginx!</h1><p>${escapeHtml(svc.environment?.variables?.MESSAGE ?? '')}</p><p>Served by ${name} on the Lagoon demo cluster.</p>` };
  }
  return { status: 200, html: `<!doctype html><title>${name}</title><h1>${name}</h1><p>This exposed service answers on the Lagoon demo cluster.</p>` };
}

const doc = (title: string, body: string) => `<!doctype html><title>${escapeHtml(title)}</title>${body}`;

/** The research apps' own pages (mocks/catalog/apps): Node-RED, the terminal, the file browser. */
function appPage(svc: Service, path: string, query: URLSearchParams): { status: number; html: string } | null {
  const labels = svc.labels ?? {};
  const name = escapeHtml(svc.name);
  if (labels.node_red === 'true') {
    return path === '' ? { status: 200, html: doc('Node-RED', `<h1>Node-RED</h1><p>Log in to ${name} as admin.</p>`) } : null;
  }
  if (labels.terminal === 'true') {
    if (path !== '') return null;
    return query.get('token') === svc.token
      ? { status: 200, html: doc('Terminal', `<h1>Terminal</h1><p>${name}: a shell in the browser.</p>`) }
      : { status: 401, html: doc('Terminal', '<h1>Terminal</h1><p>Give the service token to open the terminal.</p>') };
  }
  if (labels.filebrowser === 'true') {
    if (path === 'files' || path === 'files/') return { status: 200, html: doc('FileBrowser Quantum', `<h1>FileBrowser Quantum</h1><p>Files of ${name}.</p>`) };
    return path === '' ? { status: 200, html: doc('FileBrowser Quantum', '<h1>FileBrowser Quantum</h1><p>Sign in.</p>') } : null;
  }
  return null;
}

export function exposedHandlers(cluster: Cluster, base: string) {
  const answer = ({ request, params }: { request: Request; params: Params }) => {
    cluster.settle();
    const url = new URL(request.url);
    const svc = cluster.services.get(params.serviceName);
    const d = svc ? cluster.deployments.get(svc.name) : undefined;
    const head = request.method === 'HEAD';
    const reply = (status: number, html: string, headers: Record<string, string> = {}) =>
      new HttpResponse(head ? null : html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers } });
    if (!svc || !d) return head ? new HttpResponse(null, { status: 404 }) : text(404, '404 page not found');
    if (d.stopped || cluster.now() < d.readyAt) {
      return reply(503, '<!doctype html><title>503 Service Temporarily Unavailable</title><h1>503 Service Temporarily Unavailable</h1>');
    }
    if (svc.expose?.set_auth) {
      const expected = `Basic ${btoa(`${svc.name}:${svc.token ?? ''}`)}`;
      if (request.headers.get('Authorization') !== expected) {
        return reply(401, '<!doctype html><title>401 Authorization Required</title><h1>401 Authorization Required</h1>', {
          'WWW-Authenticate': `Basic realm="${svc.name}"`,
        });
      }
    }
    const prefix = `/system/services/${encodeURIComponent(svc.name)}/exposed`;
    const path = decodeURIComponent(url.pathname.slice(prefix.length)).replace(/^\/+/, '');
    const p = page(svc, path, url.searchParams, cookiesOf(request));
    return reply(p.status, p.html);
  };
  // FileBrowser Quantum's JWT sign-in (PARITY A4): an HS256 token signed with the service's token.
  const renew = async ({ request, params }: { request: Request; params: Params }) => {
    cluster.settle();
    const svc = cluster.services.get(params.serviceName);
    const d = svc ? cluster.deployments.get(svc.name) : undefined;
    const cors = { 'Access-Control-Allow-Origin': '*' };
    if (!svc || !d || svc.labels?.filebrowser !== 'true') return text(404, '404 page not found');
    if (d.stopped || cluster.now() < d.readyAt) return new HttpResponse('503 Service Temporarily Unavailable', { status: 503, headers: cors });
    const jwt = new URL(request.url).searchParams.get('jwt') ?? '';
    const claims = await verifyHs256(jwt, svc.token ?? '');
    const exp = typeof claims?.exp === 'number' ? claims.exp : 0;
    if (!claims || exp * 1000 < Date.now()) return new HttpResponse('401 Unauthorized', { status: 401, headers: cors });
    return HttpResponse.json({ token: jwt, user: claims.sub }, { headers: cors });
  };
  // Jupyter Server's login form (jupyter_server's LoginFormHandler): Tornado's XSRF check (the form's _xsrf
  // equals the _xsrf cookie), then the password against the token; a match sets the login cookie and
  // redirects to `next` (a path of this notebook) or to lab, a wrong one answers 401 "Invalid credentials".
  const login = async ({ request, params }: { request: Request; params: Params }) => {
    cluster.settle();
    const svc = cluster.services.get(params.serviceName);
    const d = svc ? cluster.deployments.get(svc.name) : undefined;
    if (!svc || !d || !isJupyter(svc)) return text(404, '404 page not found');
    if (d.stopped || cluster.now() < d.readyAt) return text(503, '503 Service Temporarily Unavailable');
    const html = (status: number, body: string) => new HttpResponse(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    const form = new URLSearchParams(await request.text());
    const xsrf = form.get('_xsrf');
    const cookies = cookiesOf(request);
    if (!xsrf || !cookies._xsrf) return html(403, doc('403: Forbidden', "<h1>403: Forbidden</h1><p>'_xsrf' argument missing from POST</p>"));
    if (xsrf !== cookies._xsrf) return html(403, doc('403: Forbidden', '<h1>403: Forbidden</h1><p>XSRF cookie does not match POST argument</p>'));
    const wanted = svc.environment?.variables?.JUPYTER_TOKEN ?? '';
    if (!wanted || form.get('password') !== wanted) {
      return html(401, doc('Jupyter Server', '<h1>Jupyter Server</h1><p role="alert">Invalid credentials</p><form method="post"><label>Password or token: <input type="password" name="password"></label></form>'));
    }
    const prefix = `/system/services/${encodeURIComponent(svc.name)}/exposed/`;
    const next = new URL(request.url).searchParams.get('next') ?? '';
    const cookie = jupyterCookie(svc);
    return new HttpResponse(null, {
      status: 302,
      headers: {
        Location: next.startsWith(prefix) && !next.startsWith('//') ? next : `${prefix}lab`,
        'Set-Cookie': `${cookie.name}=${cookie.value}; Path=${prefix}; HttpOnly; SameSite=Lax`,
      },
    });
  };
  return [
    http.post<Params>(`${base}/system/services/:serviceName/exposed/login`, login),
    http.post<Params>(`${base}/system/services/:serviceName/exposed/api/auth/renew`, renew),
    http.get<Params>(`${base}/system/services/:serviceName/exposed`, answer),
    http.get<Params>(`${base}/system/services/:serviceName/exposed/*`, answer),
    http.head<Params>(`${base}/system/services/:serviceName/exposed`, answer),
    http.head<Params>(`${base}/system/services/:serviceName/exposed/*`, answer),
  ];
}
