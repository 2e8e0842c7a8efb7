import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';

export const serviceKeys = {
  all: ['services'] as const,
  list: () => [...serviceKeys.all, 'list'] as const,
  detail: (name: string) => [...serviceKeys.all, 'detail', name] as const,
  deployment: (name: string) => [...serviceKeys.all, 'deployment', name] as const,
};

export const serviceQueries = {
  /** All services the user can see, with each one's deployment summary (`include=deployment`). */
  list: () =>
    queryOptions({
      queryKey: serviceKeys.list(),
      queryFn: async ({ signal }) => {
        const { data } = await oscar.GET('/system/services', { params: { query: { include: 'deployment' } }, signal });
        return required(data, 'the list of services');
      },
    }),
  detail: (name: string) =>
    queryOptions({
      queryKey: serviceKeys.detail(name),
      queryFn: async ({ signal }) => {
        const { data } = await oscar.GET('/system/services/{serviceName}', { params: { path: { serviceName: name } }, signal });
        return required(data, `the service ${name}`);
      },
    }),
  /** The service's deployment state (GET /{name} does not include it, unlike the list). */
  deployment: (name: string) =>
    queryOptions({
      queryKey: serviceKeys.deployment(name),
      queryFn: async ({ signal }) => {
        const { data } = await oscar.GET('/system/services/{serviceName}/deployment', { params: { path: { serviceName: name } }, signal });
        return required(data, `the deployment of ${name}`);
      },
      // Only a detail on the page: a failure is not worth retrying or reporting loudly.
      retry: false,
    }),
};
