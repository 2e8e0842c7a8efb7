// Starting, stopping and restarting an exposed service (POST /system/services/{n}/start|stop|restart):
// the call, the words that confirm it and the state each action settles in. Shared by the deployment
// page (features/logs) and the services list's row menu (features/services).
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { oscar, required } from '../../api/client';
import type { ServiceDeploymentStatus } from '../../api/types';

export type DeploymentAction = 'start' | 'stop' | 'restart';

/** The state a deployment reaches when the action is done (a restart passes through another first). */
export const SETTLED: Record<DeploymentAction, string> = { start: 'ready', stop: 'stopped', restart: 'ready' };

/** What a confirmation says before an action that interrupts the service. */
export const CONFIRM: Record<'stop' | 'restart', { label: string; body: string }> = {
  stop: {
    label: 'Stop service',
    body: 'Its pods are removed and its web address stops answering until it is started again. Its configuration and data stay.',
  },
  restart: {
    label: 'Restart service',
    body: 'Its pods are replaced by new ones: anyone using it now loses their connection, and whatever it keeps only in memory is lost. Its configuration and data stay.',
  },
};

export async function runDeploymentAction(name: string, action: DeploymentAction): Promise<ServiceDeploymentStatus> {
  const path = { params: { path: { serviceName: name } } };
  const { data } =
    action === 'start'
      ? await oscar.POST('/system/services/{serviceName}/start', path)
      : action === 'stop'
        ? await oscar.POST('/system/services/{serviceName}/stop', path)
        : await oscar.POST('/system/services/{serviceName}/restart', path);
  return required(data, `the deployment of ${name}`);
}

/**
 * An action on one service's deployment. The answer (the new status) goes into each `statusKeys` query at
 * once; those and `staleKeys` are refetched after.
 */
export function useDeploymentAction(name: string, statusKeys: readonly QueryKey[], staleKeys: readonly QueryKey[] = []) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: DeploymentAction) => runDeploymentAction(name, action),
    onSuccess: (status) => {
      for (const key of statusKeys) qc.setQueryData(key, status);
    },
    onSettled: () => Promise.all([...statusKeys, ...staleKeys].map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}
