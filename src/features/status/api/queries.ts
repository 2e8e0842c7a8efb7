import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';
import { readExecutions } from '../lib/executions';

/** How often the status page asks again while it is visible (react-query pauses it in hidden tabs). */
export const STATUS_REFRESH_MS = 15_000;

export const statusKeys = {
  all: ['cluster-status'] as const,
  status: () => [...statusKeys.all, 'status'] as const,
  executions: () => [...statusKeys.all, 'executions'] as const,
};

export const statusQueries = {
  status: () =>
    queryOptions({
      queryKey: statusKeys.status(),
      queryFn: async ({ signal }) =>
        required((await oscar.GET('/system/status', { signal })).data, 'the cluster status'),
      staleTime: 5_000,
      refetchInterval: STATUS_REFRESH_MS,
      refetchIntervalInBackground: false,
    }),
  /** The manager's log of calls to services (admins only; OIDC users get 403). Read as text: the spec says
   *  text, the server sends JSON, and readExecutions takes either. */
  executions: () =>
    queryOptions({
      queryKey: statusKeys.executions(),
      queryFn: async ({ signal }) => {
        const { data } = await oscar.GET('/system/logs/', { signal, parseAs: 'text' });
        return readExecutions(data ?? '');
      },
      staleTime: 30_000,
    }),
};
