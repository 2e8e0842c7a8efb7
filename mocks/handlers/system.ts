// /health, /system/info, /system/config (GET, PUT), /system/status and /system/logs/ (the OSCAR
// manager's execution log).
import { http } from 'msw';
import { ClusterError, EGI_ISSUERS, rfc3339, type Cluster } from '../cluster';
import { cpuToCores, memoryToBytes } from '../../src/lib/units/quantity';
import { flag, json, open, readJson, requireAdmin, system, text } from './common';

export const INFO = {
  version: 'v4.1.2',
  git_commit: '7ade09ee115d6e5188ac353e388073e74630c0ef',
  architecture: 'amd64',
  kubernetes_version: 'v1.31.4+k3s1',
  serverless_backend: { name: 'Knative', version: '1.17.0' },
};

export function systemHandlers(cluster: Cluster, base: string) {
  const oidc = () => ({
    enabled: true,
    issuers: [...new Set([...EGI_ISSUERS, ...cluster.trustedIssuers])],
    groups: cluster.config.oidc_groups ?? [],
  });
  return [
    http.get(`${base}/health`, open(cluster, () => text(200, 'Ok'))),
    http.get(`${base}/system/info`, system(cluster, () => json({ ...INFO, oidc: oidc() }))),
    http.get(`${base}/system/config`, system(cluster, ({ principal }) => json(cluster.configFor(principal)))),
    http.put(
      `${base}/system/config`,
      system(cluster, async ({ principal, request }) => {
        requireAdmin(principal, 'Only the cluster administrator can change the configuration');
        const body = (await request.clone().text()).trim() ? await readJson(request) : null;
        cluster.updateConfig(body);
        return json(cluster.configFor(principal));
      }),
    ),
    http.get(
      `${base}/system/status`,
      system(cluster, () => {
        const now = cluster.now();
        const gib = 1024 ** 3;
        const nodes = [
          { name: 'oscar-cp-01', cpu: 8, mem: 32, reqCpu: 3, reqMem: 9, useCpu: 2, useMem: 12, gpu: 0, interlink: false },
          { name: 'oscar-wn-01', cpu: 16, mem: 64, reqCpu: 9, reqMem: 30, useCpu: 7, useMem: 27, gpu: 1, interlink: false },
          { name: 'oscar-wn-02', cpu: 16, mem: 64, reqCpu: 5, reqMem: 18, useCpu: 4, useMem: 20, gpu: 0, interlink: false },
          { name: 'vega-new-vk', cpu: 128, mem: 256, reqCpu: 0, reqMem: 0, useCpu: 0, useMem: 0, gpu: 4, interlink: true },
        ];
        let jobs = 0;
        const states: Record<string, number> = { Pending: 0, Running: 0, Succeeded: 0, Failed: 0 };
        // A job started since the seed holds its service's requests on a worker while it runs, as
        // Kubernetes counts them, so a batch re-reading the status sees its own jobs take the room.
        const workers = nodes.filter((n) => n.name.startsWith('oscar-wn-'));
        let placed = 0;
        for (const [service, byName] of cluster.jobs) {
          for (const j of byName.values()) {
            jobs++;
            const s = cluster.jobStatus(j, now);
            if (s in states) states[s] = (states[s] ?? 0) + 1;
            if (s !== 'Running' || j.seeded) continue;
            const svc = cluster.services.get(service);
            const node = workers[placed++ % workers.length]!;
            // A full node schedules nothing more: its requests stop at its capacity.
            node.reqCpu = Math.min(node.cpu, node.reqCpu + (cpuToCores(svc?.cpu ?? '') ?? 0.2));
            node.reqMem = Math.min(node.mem, node.reqMem + (memoryToBytes(svc?.memory ?? '') ?? 256 * 1024 ** 2) / gib);
          }
        }
        const free = (n: (typeof nodes)[number]) => n.cpu - n.reqCpu;
        const schedulable = nodes.filter((n) => !n.interlink);
        let objects = 0;
        for (const b of cluster.buckets.values()) objects += b.objects.size;
        return json({
          cluster: {
            nodes_count: nodes.length,
            metrics: {
              cpu: {
                total_free_cores: schedulable.reduce((s, n) => s + free(n), 0),
                max_free_on_node_cores: Math.max(...schedulable.map(free)),
                total_schedulable_cores: schedulable.reduce((s, n) => s + n.cpu, 0),
                total_schedulable_on_node_cores: Math.max(...schedulable.map((n) => n.cpu)),
              },
              memory: {
                total_free_bytes: schedulable.reduce((s, n) => s + (n.mem - n.reqMem) * gib, 0),
                max_free_on_node_bytes: Math.max(...schedulable.map((n) => (n.mem - n.reqMem) * gib)),
                total_schedulable_bytes: schedulable.reduce((s, n) => s + n.mem * gib, 0),
                max_schedulable_on_node_bytes: Math.max(...schedulable.map((n) => n.mem * gib)),
              },
              gpu: { total_gpu: nodes.reduce((s, n) => s + n.gpu, 0) },
            },
            nodes: nodes.map((n) => ({
              name: n.name,
              status: 'Ready',
              is_interlink: n.interlink,
              gpu: n.gpu,
              cpu: { capacity_cores: n.cpu, request_cores: n.reqCpu, usage_cores: n.useCpu },
              memory: { capacity_bytes: n.mem * gib, request_bytes: n.reqMem * gib, usage_bytes: n.useMem * gib },
              conditions: [
                { type: 'Ready', status: true },
                { type: 'MemoryPressure', status: false },
                { type: 'DiskPressure', status: false },
                { type: 'PIDPressure', status: false },
              ],
            })),
          },
          oscar: {
            deployment_name: 'oscar',
            ready: true,
            jobs_count: jobs,
            pods: { total: jobs + 2, states: { ...states, Running: (states.Running ?? 0) + 2 } },
            deployment: {
              replicas: 2,
              ready_replicas: 2,
              available_replicas: 2,
              strategy: 'RollingUpdate',
              creation_timestamp: rfc3339(now - 200 * 86_400_000),
              labels: { app: 'oscar', 'app.kubernetes.io/version': INFO.version },
            },
            oidc: oidc(),
          },
          minio: { buckets_count: cluster.buckets.size, total_objects: objects },
        });
      }),
    ),
    http.get(
      `${base}/system/logs/`,
      // The OSCAR manager's own log, filtered to /run and /job calls. The spec says text; the real
      // server answers JSON ({ logs: [...] }) and refuses OIDC users who are not admins.
      system(cluster, ({ principal, url }) => {
        if (principal.kind !== 'admin') throw new ClusterError(403, 'OIDC tokens are not allowed for system logs');
        const tail = cluster.allEvents().filter((e) => e.kind !== 'exposed').slice(-200);
        const logs = tail.map((e) => {
          const path = `/${e.kind === 'sync' ? 'run' : 'job'}/${e.service}`;
          const status = e.kind === 'sync' ? 200 : 201;
          const latency = `${(e.kind === 'sync' ? e.cpuSeconds : 0.012).toFixed(3)}s`;
          const ts = new Date(e.t);
          const gin = `${ts.getUTCFullYear()}/${String(ts.getUTCMonth() + 1).padStart(2, '0')}/${String(ts.getUTCDate()).padStart(2, '0')} - ${ts.toISOString().slice(11, 19)}`;
          return {
            timestamp: rfc3339(e.t),
            status,
            latency,
            client_ip: '10.42.0.1',
            method: 'POST',
            path,
            user: e.user ?? 'service-token',
            raw: `${flag(url, 'timestamps') ? ts.toISOString() + ' ' : ''}[GIN-EXECUTIONS-LOGGER] ${gin} | ${status} | ${latency} | 10.42.0.1 | POST ${path} | ${e.user ?? 'service-token'}`,
          };
        });
        return json({ logs });
      }),
    ),
  ];
}
