// /system/quotas/user: the Bearer user's own quotas; /system/quotas/user/{userId}: admin only (Basic).
// 503 when the cluster has quotas disabled.
import { http } from 'msw';
import { ClusterError, type Cluster } from '../cluster';
import { json, readJson, requireAdmin, system } from './common';

type UserParams = { userId: string };

export function quotaHandlers(cluster: Cluster, base: string) {
  const enabled = () => {
    if (!cluster.quotasEnabled) {
      throw new ClusterError(503, 'kueue is not enabled: /system/quotas requires KUEUE_ENABLE=true or VOLUME_ENABLE=true');
    }
  };
  return [
    http.get(
      `${base}/system/quotas/user`,
      system(cluster, ({ principal }) => {
        // Basic auth carries no user id: the real server answers 401 here too.
        if (principal.kind !== 'oidc') throw new ClusterError(401, 'missing user identificator: this endpoint needs an OIDC Bearer token');
        enabled();
        return json(cluster.quotaView(principal.sub));
      }),
    ),
    http.get(
      `${base}/system/quotas/user/:userId`,
      system<UserParams>(cluster, ({ principal, params }) => {
        requireAdmin(principal, 'forbidden');
        enabled();
        return json(cluster.quotaView(params.userId));
      }),
    ),
    http.put(
      `${base}/system/quotas/user/:userId`,
      system<UserParams>(cluster, async ({ principal, params, request }) => {
        requireAdmin(principal, 'forbidden');
        enabled();
        return json(cluster.updateQuota(params.userId, await readJson(request)));
      }),
    ),
  ];
}
