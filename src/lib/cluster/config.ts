// The cluster's /system/config as one shared query (the Info page shows it, the editor offers its VOs):
// it holds MinIO credentials, so it is kept in memory by react-query only, never persisted.
import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../api/client';

export const clusterConfigKey = ['cluster-info', 'config'] as const;

export function clusterConfigQuery() {
  return queryOptions({
    queryKey: clusterConfigKey,
    queryFn: async ({ signal }) => required((await oscar.GET('/system/config', { signal })).data, 'the cluster configuration'),
    staleTime: 5 * 60_000,
  });
}
