// Exposed services as the cluster's ingress serves them at /system/services/{name}/exposed/… (not an OSCAR
// API route, so not in the spec: ../shared/oscar-api/NOTES.md). Like the ingress in front of the pods: 404
// for a service that is not exposed, 503 while the deployment is stopped or starting, 401 without the
// service's Basic credentials when `expose.set_auth` is on (user = the service's name, password = its
// token), else the server's own page. GET and HEAD only; anything else falls through to the 404.
import { http, HttpResponse } from 'msw';
import type { Service } from '../../src/api/types';
import type { Cluster } from '../cluster';
import { text } from './common';

type Params = { serviceName: string };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What the server in the image answers at `path` (below its exposed root). */
function page(svc: Service, path: string, query: URLSearchParams): { status: number; html: string } {
  const health = (svc.expose?.health_path ?? '/').replace(/^\/+/, '');
  const name = escapeHtml(svc.name);
  if (path !== '' && path === health) return { status: 200, html: 'OK' };
  const n = `${svc.name} ${svc.image}`;
  if (/jupyter/.test(n)) {
    const wanted = svc.environment?.variables?.JUPYTER_TOKEN;
    if (wanted && query.get('token') !== wanted) {
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
    const p = page(svc, path, url.searchParams);
    return reply(p.status, p.html);
  };
  return [
    http.get<Params>(`${base}/system/services/:serviceName/exposed`, answer),
    http.get<Params>(`${base}/system/services/:serviceName/exposed/*`, answer),
    http.head<Params>(`${base}/system/services/:serviceName/exposed`, answer),
    http.head<Params>(`${base}/system/services/:serviceName/exposed/*`, answer),
  ];
}
