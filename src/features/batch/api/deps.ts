// The batch engine's ways to the cluster, on the app's OSCAR client (src/api/client.ts): listing through
// OSCAR's bucket API, `POST /job` with the service's token, the jobs and their logs, and the status.
import { oscar, required } from '../../../api/client';
import type { Service } from '../../../api/types';
import { deleteJob } from '../../../lib/jobs/delete';
import { fetchAllJobs } from '../../../lib/jobs/paging';
import { capacityFrom } from '../lib/capacity';
import type { BatchDeps, BatchState } from '../lib/engine';
import { minioEvent } from '../lib/event';

function outputPaths(service: Service): { bucket: string; prefix: string }[] {
  return (service.output ?? [])
    .filter((o) => o.path && (!o.storage_provider || o.storage_provider.startsWith('minio')))
    .map((o) => {
      const clean = o.path!.replace(/^\/+/, '');
      const i = clean.indexOf('/');
      const rest = i < 0 ? '' : clean.slice(i + 1).replace(/\/+$/, '');
      return { bucket: i < 0 ? clean : clean.slice(0, i), prefix: rest ? `${rest}/` : '' };
    });
}

// Set when the page starts going away (pagehide), so a call a reload cuts is not taken for the cluster's
// silence (the batch would pause itself for nothing).
let leaving = false;
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => (leaving = true));
if (typeof window !== 'undefined') window.addEventListener('pageshow', () => (leaving = false));

export function clusterDeps(service: Service, save: (s: BatchState) => Promise<void>): BatchDeps {
  const name = service.name;
  // The service's own token when the session can read it; otherwise the session's Bearer (OIDC) is used.
  const headers: Record<string, string> = service.token ? { Authorization: `Bearer ${service.token}` } : {};
  return {
    async listPage(bucket, page) {
      const { data } = await oscar.GET('/system/buckets/{bucket}', { params: { path: { bucket }, query: page ? { page } : {} } });
      const body = required(data, `the objects of ${bucket}`);
      const objects = (body.objects ?? []).map((o) => ({ key: o.object_name ?? '', size: o.size_bytes ?? 0 })).filter((o) => o.key);
      return body.is_truncated && body.next_page ? { objects, next: body.next_page } : { objects };
    },
    async submit(input) {
      const body = JSON.stringify(minioEvent(input, { user: service.owner ?? '' }));
      await oscar.POST('/job/{serviceName}', {
        params: { path: { serviceName: name } },
        body: body as unknown as string,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { ...headers, 'Content-Type': 'application/json' },
        parseAs: 'text',
      });
    },
    async listJobs() {
      const all = await fetchAllJobs(name, async (page) => {
        const { data } = await oscar.GET('/system/logs/{serviceName}', { params: { path: { serviceName: name }, query: page ? { page } : {} } });
        return required(data, `the jobs of ${name}`);
      });
      return all.jobs;
    },
    async readLog(job) {
      const { data } = await oscar.GET('/system/logs/{serviceName}/{jobName}', {
        params: { path: { serviceName: name, jobName: job } },
        parseAs: 'text',
      });
      return data ?? '';
    },
    deleteJob: (job) => deleteJob(name, job),
    async capacity() {
      const { data } = await oscar.GET('/system/status');
      return capacityFrom(required(data, 'the cluster status'), service);
    },
    async listOutputs(since) {
      const found: { key: string; modified: number }[] = [];
      for (const path of outputPaths(service)) {
        let page: string | undefined;
        for (let i = 0; i < 20; i++) {
          const { data } = await oscar.GET('/system/buckets/{bucket}', { params: { path: { bucket: path.bucket }, query: page ? { page } : {} } });
          const body = required(data, `the objects of ${path.bucket}`);
          for (const o of body.objects ?? []) {
            const modified = Date.parse(o.last_modified ?? '');
            if (o.object_name?.startsWith(path.prefix) && modified >= since) found.push({ key: `${path.bucket}/${o.object_name}`, modified });
          }
          if (!body.is_truncated || !body.next_page) break;
          page = body.next_page;
        }
      }
      return found;
    },
    save,
    now: () => Date.now(),
    leaving: () => leaving,
  };
}
