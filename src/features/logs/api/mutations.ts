import { useMutation, useQueryClient } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';
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

export type DeploymentAction = 'start' | 'stop' | 'restart';

export function useDeploymentAction(name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (action: DeploymentAction) => {
      const path = { params: { path: { serviceName: name } } };
      const { data } =
        action === 'start'
          ? await oscar.POST('/system/services/{serviceName}/start', path)
          : action === 'stop'
            ? await oscar.POST('/system/services/{serviceName}/stop', path)
            : await oscar.POST('/system/services/{serviceName}/restart', path);
      return required(data, `the deployment of ${name}`);
    },
    onSuccess: (status) => qc.setQueryData(logKeys.deployment(name), status),
    onSettled: () => qc.invalidateQueries({ queryKey: logKeys.deployment(name) }),
  });
}
