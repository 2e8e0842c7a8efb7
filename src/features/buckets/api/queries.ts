import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';
import type { BucketListResponse } from '../../../api/types';

export const bucketKeys = {
  all: ['buckets'] as const,
  list: () => [...bucketKeys.all, 'list'] as const,
  objects: (bucket: string) => [...bucketKeys.all, 'objects', bucket] as const,
  services: () => [...bucketKeys.all, 'services'] as const,
};

export const bucketQueries = {
  list: () =>
    queryOptions({
      queryKey: bucketKeys.list(),
      queryFn: async ({ signal }) => {
        const { data } = await oscar.GET('/system/buckets', { signal });
        return required(data, 'the list of buckets');
      },
    }),
  /** The services, to tell which buckets belong to which service. */
  services: () =>
    queryOptions({
      queryKey: bucketKeys.services(),
      queryFn: async ({ signal }) => {
        const { data } = await oscar.GET('/system/services', { signal });
        return data ?? [];
      },
      // Only a label on the buckets: not worth an error state of its own.
      retry: false,
      staleTime: 60_000,
    }),
  /**
   * A bucket's objects, one OSCAR page (about 1,000) at a time, following `next_page`: OSCAR has no
   * prefix or delimiter, so a folder view needs the whole listing, which the page loads page by page.
   */
  objects: (bucket: string) =>
    infiniteQueryOptions({
      queryKey: bucketKeys.objects(bucket),
      initialPageParam: '',
      queryFn: async ({ pageParam, signal }): Promise<BucketListResponse> => {
        const { data } = await oscar.GET('/system/buckets/{bucket}', {
          params: { path: { bucket }, query: pageParam ? { page: pageParam } : {} },
          signal,
        });
        return required(data, `the objects of ${bucket}`);
      },
      getNextPageParam: (last) => (last.is_truncated && last.next_page ? last.next_page : undefined),
      // Pages are fetched one after another as the listing fills in; refetching 10 pages on focus is not.
      refetchOnWindowFocus: false,
    }),
};
