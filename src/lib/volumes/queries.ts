// The user's managed volumes (OSCAR 4.1, /system/volumes), read by the volumes page and offered by name in
// the service editor. A cluster without volumes enabled has no such route: its 404 reads as "no volumes
// here" (null), not as an error.
import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../api/client';
import { isApiError } from '../../api/errors';
import type { ManagedVolume } from '../../api/types';

export const volumeKeys = {
  all: ['volumes'] as const,
  list: () => [...volumeKeys.all, 'list'] as const,
};

export const volumeQueries = {
  /** The caller's volumes, or null when the cluster does not offer volumes (404). */
  list: () =>
    queryOptions({
      queryKey: volumeKeys.list(),
      queryFn: async ({ signal }): Promise<ManagedVolume[] | null> => {
        try {
          const { data } = await oscar.GET('/system/volumes', { signal });
          return required(data, 'the list of volumes');
        } catch (e) {
          if (isApiError(e) && e.status === 404) return null;
          throw e;
        }
      },
    }),
};
