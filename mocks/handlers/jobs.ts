// /system/logs/{service}[/{job}]: jobs keyed by name in pages of 70, the job's log as plain text (the
// whole log so far; `timestamps=true` prefixes RFC 3339 stamps), and deleting jobs.
import { http } from 'msw';
import type { Cluster } from '../cluster';
import { empty, flag, json, system, text } from './common';

type ServiceParams = { serviceName: string };
type JobParams = { serviceName: string; jobName: string };

export function jobHandlers(cluster: Cluster, base: string) {
  return [
    http.get(
      `${base}/system/logs/:serviceName`,
      system<ServiceParams>(cluster, ({ principal, params, url }) =>
        json(cluster.listJobs(principal, params.serviceName, url.searchParams.get('page'))),
      ),
    ),
    http.delete(
      `${base}/system/logs/:serviceName`,
      system<ServiceParams>(cluster, ({ principal, params, url }) => {
        cluster.deleteJobs(principal, params.serviceName, flag(url, 'all'));
        return empty(204);
      }),
    ),
    http.get(
      `${base}/system/logs/:serviceName/:jobName`,
      system<JobParams>(cluster, ({ principal, params, url }) => {
        const job = cluster.requireJob(principal, params.serviceName, params.jobName);
        return text(200, cluster.jobLog(job, flag(url, 'timestamps')));
      }),
    ),
    http.delete(
      `${base}/system/logs/:serviceName/:jobName`,
      system<JobParams>(cluster, ({ principal, params }) => {
        cluster.deleteJob(principal, params.serviceName, params.jobName);
        return empty(204);
      }),
    ),
  ];
}
