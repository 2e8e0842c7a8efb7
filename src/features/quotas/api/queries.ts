import { queryOptions } from '@tanstack/react-query';
import { oscar } from '../../../api/client';

/** The users the admin may mean: the owners of the cluster's services and buckets, offered as suggestions. */
export const knownUsersQuery = () =>
  queryOptions({
    queryKey: ['quotas', 'known-users'] as const,
    queryFn: async ({ signal }) => {
      const [services, buckets] = await Promise.all([
        oscar.GET('/system/services', { signal }).then((r) => r.data ?? []),
        oscar.GET('/system/buckets', { signal }).then((r) => r.data ?? []),
      ]);
      const owners = [...services.map((s) => s.owner), ...buckets.map((b) => b.owner)];
      return [...new Set(owners.filter((o): o is string => !!o && o !== 'cluster_admin'))].sort();
    },
    // Only suggestions: no error state of their own.
    retry: false,
    staleTime: 60_000,
  });
