// What every demo handler shares: OSCAR's response shapes (plain-text errors, empty 201/204 bodies),
// authentication, and turning ClusterError/AuthError into the answers the real server gives.
import { HttpResponse, type DefaultBodyType, type HttpResponseResolver, type PathParams } from 'msw';
import { AuthError, authenticateInvocation, authenticateSystem, type AuthContext, type Principal } from '../auth';
import { ClusterError, type Cluster } from '../cluster';

export function text(status: number, body = ''): HttpResponse<string> {
  return new HttpResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function json(data: unknown, status = 200): HttpResponse<DefaultBodyType> {
  return HttpResponse.json(data as never, { status });
}

/** A status with no body at all (OSCAR's 201 on create, 204 on update/delete). */
export function empty(status: number): HttpResponse<null> {
  return new HttpResponse(null, { status });
}

export function authContext(cluster: Cluster): AuthContext {
  return {
    now: () => cluster.now(),
    isTrustedIssuer: (iss) => cluster.isTrustedIssuer(iss),
    serviceForToken: (t) => cluster.serviceForToken(t),
  };
}

export async function readJson(request: Request): Promise<unknown> {
  const body = await request.text();
  if (!body.trim()) throw new ClusterError(400, 'Invalid request body: EOF');
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    throw new ClusterError(400, `Invalid request body: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function flag(url: URL, name: string): boolean {
  const v = url.searchParams.get(name);
  return v === 'true' || v === '1' || v === 'True' || v === 'TRUE';
}

export interface Ctx<P extends PathParams = PathParams> {
  request: Request;
  params: P;
  url: URL;
  principal: Principal;
  cluster: Cluster;
}

type Handler<P extends PathParams> = (ctx: Ctx<P>) => Response | Promise<Response>;

function failure(e: unknown): Response {
  if (e instanceof AuthError) return text(401, e.message);
  if (e instanceof ClusterError) return e.status === 204 ? empty(204) : text(e.status, e.message);
  if (e instanceof DOMException && e.name === 'AbortError') return text(499, 'Client closed request');
  console.error('[lagoon demo] handler failed', e);
  return text(500, e instanceof Error ? e.message : String(e));
}

function resolver<P extends PathParams>(
  cluster: Cluster,
  authenticate: ((header: string | null, ctx: AuthContext) => Principal) | null,
  fn: Handler<P>,
): HttpResponseResolver<P, DefaultBodyType> {
  return async ({ request, params }) => {
    try {
      cluster.settle();
      const principal = authenticate
        ? authenticate(request.headers.get('Authorization'), authContext(cluster))
        : ({ kind: 'admin', username: 'anonymous' } as Principal);
      return await fn({ request, params, url: new URL(request.url), principal, cluster });
    } catch (e) {
      return failure(e);
    }
  };
}

/** A /system/* route: Basic (admin) or an OIDC Bearer token. */
export function system<P extends PathParams>(cluster: Cluster, fn: Handler<P>) {
  return resolver(cluster, authenticateSystem, fn);
}

/** /run and /job: Bearer only, the service's token or an OIDC token. */
export function invocation<P extends PathParams>(cluster: Cluster, fn: Handler<P>) {
  return resolver(cluster, authenticateInvocation, fn);
}

/** No authentication (/health). */
export function open<P extends PathParams>(cluster: Cluster, fn: Handler<P>) {
  return resolver(cluster, null, fn);
}

export function requireAdmin(p: Principal, message = 'Only the cluster administrator can do this'): void {
  if (p.kind !== 'admin') throw new ClusterError(403, message);
}
