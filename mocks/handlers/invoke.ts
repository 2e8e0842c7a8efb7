// /run/{service} (synchronous: the simulated script's stdout) and /job/{service} (asynchronous: 201 with
// an empty body; the job shows up in /system/logs/{service}). Bearer only: the service's token or an
// OIDC token of a user allowed on the service. Every call counts in the metrics.
import { http } from 'msw';
import { ADMIN_OWNER, ownerId } from '../auth';
import { ClusterError, type Cluster } from '../cluster';
import { simulateRun } from '../simulate';
import { empty, invocation } from './common';

type ServiceParams = { serviceName: string };

/**
 * The object a MinIO storage event names, read as the FaaS supervisor reads it (Records[0], eventSource
 * "minio:s3", s3.bucket.name, s3.object.key unescaped like Python's unquote_plus); null for any other body.
 */
export function objectOfMinioEvent(text: string): { bucket: string; key: string } | null {
  try {
    const body = JSON.parse(text) as { Records?: { eventSource?: unknown; s3?: { bucket?: { name?: unknown }; object?: { key?: unknown } } }[] };
    const r = Array.isArray(body?.Records) ? body.Records[0] : undefined;
    if (!r || r.eventSource !== 'minio:s3') return null;
    const bucket = r.s3?.bucket?.name;
    const key = r.s3?.object?.key;
    if (typeof bucket !== 'string' || typeof key !== 'string' || !bucket || !key) return null;
    return { bucket, key: decodeURIComponent(key.replace(/\+/g, ' ')) };
  } catch {
    return null;
  }
}

export function invokeHandlers(cluster: Cluster, base: string) {
  const target = (name: string, principal: Parameters<Cluster['canInvoke']>[0]) => {
    const svc = cluster.services.get(name);
    if (!svc) throw new ClusterError(404, `The service "${name}" does not exist`);
    if (!cluster.canInvoke(principal, svc)) {
      throw new ClusterError(403, `User ${ownerId(principal)} doesn't have permission to invoke this service`);
    }
    return svc;
  };
  return [
    http.post(
      `${base}/run/:serviceName`,
      invocation<ServiceParams>(cluster, async ({ principal, params, request }) => {
        const svc = target(params.serviceName, principal);
        const input = new Uint8Array(await request.arrayBuffer());
        if (cluster.runLatencyMs > 0) await new Promise((r) => setTimeout(r, cluster.runLatencyMs));
        const result = await simulateRun(svc, input, request.signal);
        cluster.recordInvocation(svc.name, 'sync', principal.kind === 'oidc' ? principal.sub : undefined, result.cpuSeconds);
        return new Response(result.body, { status: result.status ?? 200, headers: { 'Content-Type': result.contentType } });
      }),
    ),
    http.post(
      `${base}/job/:serviceName`,
      invocation<ServiceParams>(cluster, async ({ principal, params, request }) => {
        const svc = target(params.serviceName, principal);
        const owner = principal.kind === 'service-token' ? (svc.owner ?? ADMIN_OWNER) : ownerId(principal);
        // A MinIO storage event as the body (what a batch run sends for a stored object) starts a job on
        // that object, as OSCAR's supervisor would: it downloads the file, and fails when it is missing.
        const input = objectOfMinioEvent(await request.text());
        if (!input) {
          cluster.createJob(svc.name, owner);
        } else {
          const exists = cluster.buckets.get(input.bucket)?.objects.has(input.key) ?? false;
          cluster.createJob(svc.name, owner, { input, ...(exists ? {} : { outcome: 'Failed' as const }) });
        }
        return empty(201);
      }),
    ),
  ];
}
