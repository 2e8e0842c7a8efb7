// Deployment visibility for services: the summary, recent runtime logs, and start/stop/restart for
// exposed services (400 for the others, as OSCAR answers).
import { http } from 'msw';
import type { Cluster } from '../cluster';
import { flag, json, system } from './common';

type ServiceParams = { serviceName: string };

export function deploymentHandlers(cluster: Cluster, base: string) {
  return [
    http.get(
      `${base}/system/services/:serviceName/deployment`,
      system<ServiceParams>(cluster, ({ principal, params }) =>
        json(cluster.deploymentStatus(cluster.readableService(principal, params.serviceName))),
      ),
    ),
    http.get(
      `${base}/system/services/:serviceName/deployment/logs`,
      system<ServiceParams>(cluster, ({ principal, params, url }) => {
        const svc = cluster.readableService(principal, params.serviceName);
        const tail = Number(url.searchParams.get('tailLines') ?? '200');
        const entries = cluster.deploymentLog(svc, Number.isFinite(tail) && tail > 0 ? Math.min(tail, 5000) : 200);
        const withTimes = flag(url, 'timestamps');
        const shaped = entries.map((e) => (withTimes ? e : { message: e.message }));
        if (shaped.length === 0) {
          const stopped = cluster.deployments.get(svc.name)?.stopped;
          return json({
            service_name: svc.name,
            available: false,
            message: stopped ? 'Deployment logs are unavailable for this service.' : 'Deployment logs are not yet available.',
            entries: [],
          });
        }
        return json({ service_name: svc.name, available: true, entries: shaped });
      }),
    ),
    http.post(
      `${base}/system/services/:serviceName/start`,
      system<ServiceParams>(cluster, ({ principal, params }) => json(cluster.startService(principal, params.serviceName))),
    ),
    http.post(
      `${base}/system/services/:serviceName/stop`,
      system<ServiceParams>(cluster, ({ principal, params }) => json(cluster.stopService(principal, params.serviceName))),
    ),
    http.post(
      `${base}/system/services/:serviceName/restart`,
      system<ServiceParams>(cluster, ({ principal, params }) => json(cluster.restartService(principal, params.serviceName))),
    ),
  ];
}
