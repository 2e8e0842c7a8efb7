// POST /job answers 201 with no body: the job's name is not returned (NOTES.md). To point at it, the
// service's job names are read before and after the call; a single new name is this call's job.
// When several appear (someone else started one too) the newest is offered as "most likely" rather
// than claimed; when the list cannot be read, the page links to the service's jobs instead.
import { oscar, required } from '../../../api/client';
import { fetchAllJobs } from '../../../lib/jobs/paging';

export interface FoundJob {
  name: string;
  /** Only one job appeared, so this one is certainly the call's. */
  certain: boolean;
}

async function jobNames(service: string, signal?: AbortSignal): Promise<Map<string, number>> {
  const all = await fetchAllJobs(
    service,
    async (page, s) => {
      const { data } = await oscar.GET('/system/logs/{serviceName}', {
        params: { path: { serviceName: service }, query: page ? { page } : {} },
        ...(s ? { signal: s } : {}),
      });
      return required(data, `the jobs of ${service}`);
    },
    { ...(signal ? { signal } : {}), maxPages: 20 },
  );
  return new Map(all.jobs.map((j) => [j.name, j.created ?? 0]));
}

/** The job names now, or null when they cannot be read (no permission on /system/logs, say). */
export async function snapshotJobs(service: string, signal?: AbortSignal): Promise<Set<string> | null> {
  try {
    return new Set((await jobNames(service, signal)).keys());
  } catch {
    return null;
  }
}

/** Looks for the new job a few times (the cluster may take a moment to list it). */
export async function findNewJob(
  service: string,
  before: Set<string>,
  options: { attempts?: number; delayMs?: number; signal?: AbortSignal } = {},
): Promise<FoundJob | null> {
  const attempts = options.attempts ?? 4;
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, options.delayMs ?? 1000));
    let now: Map<string, number>;
    try {
      now = await jobNames(service, options.signal);
    } catch {
      return null;
    }
    const fresh = [...now].filter(([name]) => !before.has(name)).sort((a, b) => b[1] - a[1]);
    if (fresh.length > 0) return { name: fresh[0]![0], certain: fresh.length === 1 };
  }
  return null;
}
