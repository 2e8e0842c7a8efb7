import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';
import type { Service } from '../../../api/types';
import { fetchAllJobs, type AllJobs, type FetchJobsPage, type PagingProgress } from '../../../lib/jobs/paging';
import { setProgress } from './progress';

export const jobKeys = {
  all: ['jobs'] as const,
  services: () => [...jobKeys.all, 'services'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  list: (service: string) => [...jobKeys.lists(), service] as const,
};

export interface ServiceSummary {
  name: string;
  input: Service['input'];
  output: Service['output'];
  exposed: boolean;
}

export interface ServiceJobs extends AllJobs {
  service: string;
  fetchedAt: number;
  durationMs: number;
}

// Across all services every list walks its pages; a few requests at a time keep a big cluster answering.
const MAX_PARALLEL = 4;
let active = 0;
const waiting: (() => void)[] = [];
async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (active >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  active++;
  try {
    return await fn();
  } finally {
    active--;
    waiting.shift()?.();
  }
}

export function jobsPageFetcher(service: string): FetchJobsPage {
  return (page, signal) =>
    limited(async () => {
      const { data } = await oscar.GET('/system/logs/{serviceName}', {
        params: { path: { serviceName: service }, query: page ? { page } : {} },
        ...(signal ? { signal } : {}),
      });
      return required(data, `the jobs of ${service}`);
    });
}

export const jobQueries = {
  /** The services whose jobs can be listed, with their storage paths (for the trace) . */
  services: () =>
    queryOptions({
      queryKey: jobKeys.services(),
      queryFn: async ({ signal }): Promise<ServiceSummary[]> => {
        const { data } = await oscar.GET('/system/services', { signal });
        return required(data, 'the list of services')
          .map((s) => ({ name: s.name, input: s.input, output: s.output, exposed: Boolean(s.expose?.api_port?.length) }))
          .sort((a, b) => a.name.localeCompare(b.name));
      },
      staleTime: 60_000,
    }),
  /** Every job of one service: all pages, merged by name. */
  list: (service: string) =>
    queryOptions({
      queryKey: jobKeys.list(service),
      queryFn: async ({ signal }): Promise<ServiceJobs> => {
        const t0 = performance.now();
        const all = await fetchAllJobs(service, jobsPageFetcher(service), {
          signal,
          onProgress: (p: PagingProgress) => setProgress(service, p),
        });
        setProgress(service, null);
        return { ...all, service, fetchedAt: Date.now(), durationMs: performance.now() - t0 };
      },
      // The page refreshes these on its own schedule (paused while reading, slower when the cluster is).
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      retry: false,
    }),
};
