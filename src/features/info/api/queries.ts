import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';
import { clusterConfigQuery } from '../../../lib/cluster/config';

export const infoKeys = {
  all: ['cluster-info'] as const,
  info: () => [...infoKeys.all, 'info'] as const,
  config: () => [...infoKeys.all, 'config'] as const,
};

export const infoQueries = {
  info: () =>
    queryOptions({
      queryKey: infoKeys.info(),
      queryFn: async ({ signal }) => required((await oscar.GET('/system/info', { signal })).data, 'the cluster information'),
      staleTime: 5 * 60_000,
    }),
  /** Holds MinIO credentials: kept in memory by react-query only, never persisted (shared with the editor). */
  config: clusterConfigQuery,
};
