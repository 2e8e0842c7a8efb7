// The apps' data: the user's services (the same query and key as the services list, so the editor's
// create and every invalidation of ['services'] refresh the apps' pages too), the template sources from
// config.json, the buckets a notebook can keep its folder in.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';
import type { Service } from '../../../api/types';
import { loadConfigFile } from '../../../lib/config/config-file';
import { runDeploymentAction } from '../../../lib/deployments/lifecycle';
import { parseAppsConfig } from '../lib/config';

export const appKeys = {
  services: ['services', 'list'] as const,
  config: ['config-file', 'apps'] as const,
  buckets: ['buckets', 'list'] as const,
};

export const appQueries = {
  services: () =>
    queryOptions({
      queryKey: appKeys.services,
      queryFn: async ({ signal }) => {
        const { data } = await oscar.GET('/system/services', { params: { query: { include: 'deployment' } }, signal });
        return required(data, 'the list of services');
      },
    }),
  config: () =>
    queryOptions({
      queryKey: appKeys.config,
      queryFn: async () => {
        const file = await loadConfigFile();
        // No config.json (or an unreadable one) means the defaults, as for the other sections.
        return parseAppsConfig(file.ok ? file.raw : {});
      },
      staleTime: Infinity,
    }),
  bucketNames: () =>
    queryOptions({
      queryKey: [...appKeys.buckets, 'names'] as const,
      queryFn: async ({ signal }) => {
        const { data } = await oscar.GET('/system/buckets', { signal });
        return (data ?? []).map((b) => b.bucket_name ?? '').filter(Boolean);
      },
      retry: false,
    }),
};

export function useRestartApp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => runDeploymentAction(name, 'restart'),
    onSettled: () => qc.invalidateQueries({ queryKey: appKeys.services }),
  });
}

export function useDeleteApp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => {
      await oscar.DELETE('/system/services/{serviceName}', { params: { path: { serviceName: name } } });
    },
    onSuccess: (_d, name) => qc.setQueryData<Service[]>(appKeys.services, (old) => old?.filter((s) => s.name !== name)),
    onSettled: () => qc.invalidateQueries({ queryKey: ['services'] }),
  });
}
