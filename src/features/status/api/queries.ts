import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';

/** How often the status page asks again while it is visible (react-query pauses it in hidden tabs). */
export const STATUS_REFRESH_MS = 15_000;

export const statusKeys = {
  all: ['cluster-status'] as const,
  status: () => [...statusKeys.all, 'status'] as const,
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
};
