import { useMutation, useQueryClient } from '@tanstack/react-query';
import { oscar } from '../../../api/client';
import { errorMessage, isApiError } from '../../../api/errors';
import type { Service, ServiceDeploymentStatus } from '../../../api/types';
import { runDeploymentAction, type DeploymentAction } from '../../../lib/deployments/lifecycle';
import { serviceKeys } from './queries';

export interface DeleteFailure {
  name: string;
  status: number;
  /** The server's own words. */
  message: string;
}

export interface DeleteOutcome {
  deleted: string[];
  failed: DeleteFailure[];
}

// A few at a time: enough to be quick, few enough not to flood the cluster with deletions.
const CONCURRENCY = 4;

/** Deletes each service on its own, so one failure does not stop the others; reports each result. */
export async function deleteServices(names: readonly string[]): Promise<DeleteOutcome> {
  const outcome: DeleteOutcome = { deleted: [], failed: [] };
  const queue = [...names];
  async function worker() {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      try {
        await oscar.DELETE('/system/services/{serviceName}', { params: { path: { serviceName: name } } });
        outcome.deleted.push(name);
      } catch (e) {
        outcome.failed.push({ name, status: isApiError(e) ? e.status : 0, message: errorMessage(e) });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, names.length) }, worker));
  const order = new Map(names.map((n, i) => [n, i]));
  const byInput = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  outcome.deleted.sort(byInput);
  outcome.failed.sort((a, b) => byInput(a.name, b.name));
  return outcome;
}

export function useDeleteServices() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteServices,
    onSuccess: ({ deleted }) => {
      // Drop the deleted rows at once; the refetch below confirms against the cluster.
      const gone = new Set(deleted);
      qc.setQueryData<Service[]>(serviceKeys.list(), (old) => old?.filter((s) => !gone.has(s.name)));
      for (const name of deleted) {
        qc.removeQueries({ queryKey: serviceKeys.detail(name) });
        qc.removeQueries({ queryKey: serviceKeys.deployment(name) });
      }
    },
    onSettled: () => qc.invalidateQueries({ queryKey: serviceKeys.list() }),
  });
}

/** Start, stop or restart an exposed service of the list (lib/deployments); its row and page refresh after. */
export function useServiceLifecycle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ name, action }: { name: string; action: DeploymentAction }) => runDeploymentAction(name, action),
    onSuccess: (status, { name }) => {
      qc.setQueryData(serviceKeys.deployment(name), status);
      qc.setQueryData<Service[]>(serviceKeys.list(), (old) =>
        old?.map((s) => (s.name === name ? { ...s, deployment: { ...s.deployment, ...deploymentSummary(status) } } : s)),
      );
    },
    onSettled: (_d, _e, { name }) =>
      Promise.all([qc.invalidateQueries({ queryKey: serviceKeys.list() }), qc.invalidateQueries({ queryKey: serviceKeys.deployment(name) })]),
  });
}

function deploymentSummary(s: ServiceDeploymentStatus): NonNullable<Service['deployment']> {
  const { service_name: _n, namespace: _ns, ...summary } = s;
  return summary;
}
