import { useMutation, useQueryClient } from '@tanstack/react-query';
import { oscar } from '../../../api/client';
import { useDeploymentAction as useLifecycleAction } from '../../../lib/deployments/lifecycle';
import { logKeys } from './queries';

// The jobs list (features/jobs) keys its queries under ['jobs']: a deleted job must leave it too.
const JOBS_LISTS = ['jobs'] as const;

export function useDeleteJob(service: string, job: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await oscar.DELETE('/system/logs/{serviceName}/{jobName}', { params: { path: { serviceName: service, jobName: job } } });
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: JOBS_LISTS });
      qc.removeQueries({ queryKey: logKeys.jobInfo(service, job) });
    },
  });
}

export type { DeploymentAction } from '../../../lib/deployments/lifecycle';

/** Start, stop or restart `name`; the deployment page's status takes the answer at once. */
export function useDeploymentAction(name: string) {
  return useLifecycleAction(name, [logKeys.deployment(name)]);
}
