// The service being invoked, for its token (the `token` field, 64 hex characters). Its own query key,
// so the invoke page does not depend on how the services feature caches things.
import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';

export const invokeServiceQuery = (name: string) =>
  queryOptions({
    queryKey: ['invoke', 'service', name] as const,
    queryFn: async ({ signal }) => {
      const { data } = await oscar.GET('/system/services/{serviceName}', {
        params: { path: { serviceName: name } },
        signal,
      });
      return required(data, `the service ${name}`);
    },
  });
