// /system/services: list, create (201, empty body), update (PUT the whole service, 204), read, delete
// (204, also deletes the buckets OSCAR created for it), and /auth. Secrets come back blanked.
import { http } from 'msw';
import type { Cluster } from '../cluster';
import { ClusterError } from '../cluster';
import { AuthError, authenticateInvocation, authenticateSystem } from '../auth';
import { authContext, empty, json, readJson, system, text } from './common';

type Named = { serviceName: string };

export function serviceHandlers(cluster: Cluster, base: string) {
  const includeDeployment = (url: URL) => (url.searchParams.get('include') ?? '').split(',').includes('deployment');
  return [
    http.get(
      `${base}/system/services`,
      system(cluster, ({ principal, url }) => {
        const withDeployment = includeDeployment(url);
        return json(cluster.listServices(principal).map((s) => cluster.publicService(s, withDeployment)));
      }),
    ),
    http.post(
      `${base}/system/services`,
      system(cluster, async ({ principal, request }) => {
        cluster.createService(principal, await readJson(request));
        return empty(201);
      }),
    ),
    http.put(
      `${base}/system/services`,
      system(cluster, async ({ principal, request }) => {
        cluster.updateService(principal, await readJson(request));
        return empty(204);
      }),
    ),
    http.get(
      `${base}/system/services/:serviceName`,
      system<Named>(cluster, ({ principal, params, url }) =>
        json(cluster.publicService(cluster.readableService(principal, params.serviceName), includeDeployment(url))),
      ),
    ),
    http.delete(
      `${base}/system/services/:serviceName`,
      system<Named>(cluster, ({ principal, params }) => {
        cluster.deleteService(principal, params.serviceName);
        return empty(204);
      }),
    ),
    http.get(
      `${base}/system/services/:serviceName/auth`,
      // Like the real handler: Basic, the service's own token, or an OIDC user who may use it.
      ({ request, params }) => {
        const name = String(params.serviceName);
        const header = request.headers.get('Authorization');
        try {
          cluster.settle();
          const isBasic = /^basic\s/i.test(header ?? '');
          const principal = isBasic
            ? authenticateSystem(header, authContext(cluster))
            : authenticateInvocation(header, authContext(cluster));
          const svc = cluster.services.get(name);
          if (!svc) return empty(404);
          if (!cluster.canInvoke(principal, svc)) return empty(403);
          return empty(200);
        } catch (e) {
          if (e instanceof AuthError) return empty(401);
          if (e instanceof ClusterError) return text(e.status, e.message);
          throw e;
        }
      },
    ),
  ];
}
