import { queryOptions } from '@tanstack/react-query';
import { createOscarClient, oscar, required, type OscarClient } from '../../../api/client';
import { getConnection, notifyUnauthorized } from '../../../api/connection';
import { findJob, type JobRow } from '../../../lib/jobs/paging';
import type { LogFeed } from '../lib/feed';

export const logKeys = {
  all: ['logs'] as const,
  jobLog: (service: string, job: string) => [...logKeys.all, 'job', service, job] as const,
  jobInfo: (service: string, job: string) => [...logKeys.all, 'job-info', service, job] as const,
  service: (name: string) => [...logKeys.all, 'service', name] as const,
  deployment: (name: string) => [...logKeys.all, 'deployment', name] as const,
  deploymentLog: (name: string) => [...logKeys.all, 'deployment-log', name] as const,
};

/** Failures in a row and the last request's time, so polling can back off (see lib/jobs/polling). */
export interface PollStats {
  failures: number;
  durationMs: number;
}

export async function tracked<T>(stats: PollStats | undefined, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    const r = await fn();
    if (stats) stats.failures = 0;
    return r;
  } catch (e) {
    if (stats) stats.failures++;
    throw e;
  } finally {
    if (stats) stats.durationMs = performance.now() - t0;
  }
}

/** The session's client with the feed as its transport, one per feed. */
const feedClients = new WeakMap<LogFeed, OscarClient>();
function clientFor(feed: LogFeed): OscarClient {
  let c = feedClients.get(feed);
  if (!c) {
    c = createOscarClient({ connection: getConnection, onUnauthorized: notifyUnauthorized, transport: feed.fetch });
    feedClients.set(feed, c);
  }
  return c;
}

/** Polling queries keep no cache after the view closes. */
const POLLED = { retry: false, staleTime: 0, gcTime: 0, refetchOnWindowFocus: false, structuralSharing: false } as const;

export const logQueries = {
  /**
   * The job's whole log so far, with the server's timestamps (the viewer shows or hides them). The body
   * goes to `feed`, which fetches and parses it in a worker and hands the new lines to the view
   * (lib/feed); the answer here is only how many bytes of log there are.
   */
  jobLog: (service: string, job: string, feed: LogFeed, stats?: PollStats) =>
    queryOptions({
      queryKey: logKeys.jobLog(service, job),
      queryFn: ({ signal }) =>
        tracked(stats, async () => {
          await clientFor(feed).GET('/system/logs/{serviceName}/{jobName}', {
            params: { path: { serviceName: service, jobName: job }, query: { timestamps: true } },
            parseAs: 'text',
            signal,
          });
          return { bytes: feed.bytes };
        }),
      ...POLLED,
    }),
  /** A job's status and times. OSCAR has no endpoint for one job: read the service's pages until it appears. */
  jobInfo: (service: string, job: string, stats?: PollStats) =>
    queryOptions({
      queryKey: logKeys.jobInfo(service, job),
      queryFn: ({ signal }): Promise<JobRow | null> =>
        tracked(stats, () =>
          findJob(
            service,
            job,
            async (page, s) => {
              const { data } = await oscar.GET('/system/logs/{serviceName}', {
                params: { path: { serviceName: service }, query: page ? { page } : {} },
                ...(s ? { signal: s } : {}),
              });
              return required(data, `the jobs of ${service}`);
            },
            signal,
          ),
        ),
      ...POLLED,
      gcTime: 60_000,
    }),
  service: (name: string) =>
    queryOptions({
      queryKey: logKeys.service(name),
      queryFn: async ({ signal }) => {
        const { data } = await oscar.GET('/system/services/{serviceName}', { params: { path: { serviceName: name } }, signal });
        return required(data, `the service ${name}`);
      },
      staleTime: 60_000,
    }),
  deployment: (name: string, stats?: PollStats) =>
    queryOptions({
      queryKey: logKeys.deployment(name),
      queryFn: ({ signal }) =>
        tracked(stats, async () => {
          const { data } = await oscar.GET('/system/services/{serviceName}/deployment', { params: { path: { serviceName: name } }, signal });
          return required(data, `the deployment of ${name}`);
        }),
      ...POLLED,
      gcTime: 60_000,
    }),
  deploymentLog: (name: string, stats?: PollStats) =>
    queryOptions({
      queryKey: logKeys.deploymentLog(name),
      queryFn: ({ signal }) =>
        tracked(stats, async () => {
          const { data } = await oscar.GET('/system/services/{serviceName}/deployment/logs', {
            params: { path: { serviceName: name }, query: { timestamps: true, tailLines: 5000 } },
            signal,
          });
          return required(data, `the deployment log of ${name}`);
        }),
      ...POLLED,
    }),
};

/** A short-lived download link for an object (MinIO serves it, not OSCAR). */
export async function presignDownload(bucket: string, key: string): Promise<string> {
  const { data } = await oscar.POST('/system/buckets/{bucket}/presign', {
    params: { path: { bucket } },
    body: { object_key: key, operation: 'download', expires_in: 900 },
  });
  const url = required(data, 'a download link').url;
  if (!url) throw new Error('The cluster did not return a download link');
  return url;
}
