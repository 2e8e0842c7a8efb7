// The service being edited. The key is the one the services feature uses for the same data, so
// both share the cache and one invalidation of ['services'] refreshes both.
import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';

export const editorKeys = {
  all: ['services'] as const,
  detail: (name: string) => ['services', 'detail', name] as const,
};

export const editorQueries = {
  service: (name: string) =>
    queryOptions({
      queryKey: editorKeys.detail(name),
      queryFn: async ({ signal }) => {
        const { data } = await oscar.GET('/system/services/{serviceName}', { params: { path: { serviceName: name } }, signal });
        return required(data, `the service ${name}`);
      },
      // An edit starts from what the cluster has now, not from a list seen a while ago.
      staleTime: 0,
    }),
};
