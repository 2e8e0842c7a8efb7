import { useMutation, useQueryClient } from '@tanstack/react-query';
import { oscar } from '../../../api/client';
import { errorMessage, isApiError } from '../../../api/errors';
import { deleteJob } from '../../../lib/jobs/delete';
import { mapLimit, type JobRow } from '../../../lib/jobs/paging';
import { isDeletedAsCompleted } from '../../../lib/jobs/view';
import { jobKeys, type ServiceJobs } from './queries';

export interface DeleteJobsOutcome {
  deleted: string[];
  failed: { service: string; status: number; message: string }[];
}

function dropRows(data: ServiceJobs | undefined, keep: (j: JobRow) => boolean): ServiceJobs | undefined {
  return data && { ...data, jobs: data.jobs.filter(keep) };
}

export function useDeleteJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ service, job }: { service: string; job: string }) => deleteJob(service, job),
    onSuccess: (_r, { service, job }) => {
      qc.setQueryData<ServiceJobs>(jobKeys.list(service), (d) => dropRows(d, (j) => j.name !== job));
    },
    onSettled: (_r, _e, { service }) => qc.invalidateQueries({ queryKey: jobKeys.list(service) }),
  });
}

/**
 * Deletes the completed jobs (OSCAR: those that succeeded) or all jobs of each given service, one
 * request per service, reporting each service's result so one failure does not hide the others.
 */
export function useDeleteJobs() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ services, all }: { services: string[]; all: boolean }): Promise<DeleteJobsOutcome> => {
      const outcome: DeleteJobsOutcome = { deleted: [], failed: [] };
      await mapLimit(services, 4, async (service) => {
        try {
          await oscar.DELETE('/system/logs/{serviceName}', { params: { path: { serviceName: service }, query: all ? { all: true } : {} } });
          outcome.deleted.push(service);
          qc.setQueryData<ServiceJobs>(jobKeys.list(service), (d) => dropRows(d, all ? () => false : (j) => !isDeletedAsCompleted(j)));
        } catch (e) {
          outcome.failed.push({ service, status: isApiError(e) ? e.status : 0, message: errorMessage(e) });
        }
      });
      return outcome;
    },
    onSettled: (_r, _e, { services }) => Promise.all(services.map((s) => qc.invalidateQueries({ queryKey: jobKeys.list(s) }))),
  });
}
