// /system/metrics (summary), /system/metrics/breakdown (group_by service|user|country|vo, CSV or JSON)
// and /system/metrics/{service}. Non-admin OIDC users get figures for the services they can see.
import { http } from 'msw';
import type { Principal } from '../auth';
import { ClusterError, rfc3339, type Cluster } from '../cluster';
import { breakdown, breakdownCsv, inRange, parseMetricKey, parseRange, serviceMetric, summary, METRIC_KEYS, type GroupBy } from '../metrics';
import { flag, json, system } from './common';

type ServiceParams = { serviceName: string };

export function metricHandlers(cluster: Cluster, base: string) {
  const scope = (p: Principal) => (p.kind === 'admin' ? undefined : new Set(cluster.listServices(p).map((s) => s.name)));
  return [
    http.get(
      `${base}/system/metrics`,
      system(cluster, ({ principal, url }) => {
        const range = parseRange(url, cluster.now());
        const events = inRange(cluster.allEvents(), range, scope(principal));
        const self = principal.kind === 'oidc' ? principal.sub : undefined;
        return json(summary(events, cluster.listServices(principal), range, cluster.now(), self ? (u) => u === self : undefined));
      }),
    ),
    http.get(
      `${base}/system/metrics/breakdown`,
      system(cluster, ({ principal, url }) => {
        const range = parseRange(url, cluster.now());
        const groupBy = url.searchParams.get('group_by');
        if (!groupBy) throw new ClusterError(400, 'group_by is required (service, user, country or vo)');
        if (!['service', 'user', 'country', 'vo'].includes(groupBy)) {
          throw new ClusterError(400, `invalid group_by "${groupBy}": use service, user, country or vo`);
        }
        const format = url.searchParams.get('format') || 'json';
        if (format !== 'json' && format !== 'csv') throw new ClusterError(400, `invalid format "${format}": use json or csv`);
        const includeUsers = flag(url, 'include_users');
        let events = inRange(cluster.allEvents(), range, scope(principal));
        // Other people's identities are the admin's to see: a user's breakdown by user shows only her.
        if (principal.kind === 'oidc' && groupBy === 'user') events = events.filter((e) => e.user === principal.sub);
        const items = breakdown(events, groupBy as GroupBy, includeUsers && principal.kind === 'admin', (u) => cluster.userInfo(u)?.vo);
        if (format === 'csv') {
          return new Response(breakdownCsv(items, includeUsers && principal.kind === 'admin'), {
            status: 200,
            headers: {
              'Content-Type': 'text/csv; charset=utf-8',
              'Content-Disposition': `attachment; filename="oscar-metrics-${groupBy}.csv"`,
            },
          });
        }
        return json({ start: rfc3339(range.start), end: rfc3339(range.end), group_by: groupBy, items });
      }),
    ),
    http.get(
      `${base}/system/metrics/:serviceName`,
      system<ServiceParams>(cluster, ({ principal, params, url }) => {
        const range = parseRange(url, cluster.now());
        const key = parseMetricKey(url.searchParams.get('metric'));
        const svc = cluster.readableService(principal, params.serviceName);
        const events = inRange(cluster.allEvents(), range, new Set([svc.name]));
        const keys = key ? [key] : METRIC_KEYS.filter((k) => k !== 'countries-list' && k !== 'services-count');
        return json({
          service_name: svc.name,
          start: rfc3339(range.start),
          end: rfc3339(range.end),
          metrics: keys.map((k) => serviceMetric(k, events, cluster.now())),
        });
      }),
    ),
  ];
}
