// /system/federation/{service}: the replicas of a federated service. The real server answers the
// write operations with the resulting FederationResponse as JSON (the spec says string).
import { http } from 'msw';
import type { Service } from '../../src/api/types';
import { ClusterError, type Cluster } from '../cluster';
import { json, readJson, system } from './common';

type ServiceParams = { serviceName: string };
type Replica = NonNullable<NonNullable<Service['federation']>['members']>[number];
interface FederationRequest {
  members?: Replica[];
  update?: Replica[];
  clusters?: Service['clusters'];
  storage_providers?: Service['storage_providers'];
}

const same = (a: Replica, b: Replica) =>
  (a.type ?? '').toLowerCase() === (b.type ?? '').toLowerCase() &&
  (a.cluster_id ?? '') === (b.cluster_id ?? '') &&
  (a.service_name ?? '') === (b.service_name ?? '');

function view(svc: Service) {
  return { topology: svc.federation?.topology || 'none', members: [...(svc.federation?.members ?? [])] };
}

function validMembers(list: unknown): Replica[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new ClusterError(400, 'Invalid payload: members must be a list');
  return list.map((m: unknown) => {
    const r = (m ?? {}) as Replica;
    const type = (r.type ?? '').toLowerCase();
    if (type !== 'oscar' && type !== 'endpoint') throw new ClusterError(400, 'Invalid payload: a member\'s type must be "oscar" or "endpoint"');
    if (type === 'oscar' && (!r.cluster_id || !r.service_name)) {
      throw new ClusterError(400, 'Invalid payload: an "oscar" member needs cluster_id and service_name');
    }
    if (type === 'endpoint' && !r.url) throw new ClusterError(400, 'Invalid payload: an "endpoint" member needs a url');
    return r;
  });
}

export function federationHandlers(cluster: Cluster, base: string) {
  const mutate = (mutator: (svc: Service, req: FederationRequest) => void) =>
    system<ServiceParams>(cluster, async ({ principal, params, request }) => {
      const req = (await readJson(request)) as FederationRequest;
      if (!req || typeof req !== 'object' || Array.isArray(req)) throw new ClusterError(400, 'Invalid payload: expected an object');
      req.members = validMembers(req.members);
      if (req.update !== undefined) req.update = validMembers(req.update);
      const svc = cluster.manageableService(principal, params.serviceName);
      if (req.clusters) svc.clusters = { ...(svc.clusters ?? {}), ...req.clusters };
      if (req.storage_providers) {
        // The default MinIO provider is the cluster's own and stays as it is.
        const own = svc.storage_providers?.minio?.default;
        svc.storage_providers = structuredClone(req.storage_providers);
        if (own) svc.storage_providers.minio = { ...(svc.storage_providers.minio ?? {}), default: own };
      }
      svc.federation ??= { topology: 'star', delegation: 'static', group_id: `${svc.name}-fed` };
      mutator(svc, req);
      cluster.changed();
      return json(view(svc));
    });
  return [
    http.get(
      `${base}/system/federation/:serviceName`,
      system<ServiceParams>(cluster, ({ principal, params }) => json(view(cluster.readableService(principal, params.serviceName)))),
    ),
    http.post(
      `${base}/system/federation/:serviceName`,
      mutate((svc, req) => {
        svc.federation!.members = [...(svc.federation!.members ?? []), ...(req.members ?? []).filter((m) => !(svc.federation!.members ?? []).some((x) => same(x, m)))];
      }),
    ),
    http.put(
      `${base}/system/federation/:serviceName`,
      mutate((svc, req) => {
        const replacement = req.update?.[0];
        if (!replacement) throw new ClusterError(400, 'Invalid payload: update needs the new member');
        const members = svc.federation!.members ?? [];
        let found = false;
        svc.federation!.members = members.map((m) => {
          if ((req.members ?? []).some((t) => same(m, t))) {
            found = true;
            return replacement;
          }
          return m;
        });
        if (!found) throw new ClusterError(404, 'No such federation member');
      }),
    ),
    http.delete(
      `${base}/system/federation/:serviceName`,
      mutate((svc, req) => {
        svc.federation!.members = (svc.federation!.members ?? []).filter((m) => !(req.members ?? []).some((t) => same(m, t)));
      }),
    ),
  ];
}
