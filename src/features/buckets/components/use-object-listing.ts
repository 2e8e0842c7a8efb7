import { useEffect, useMemo } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { MinIOObject } from '../../../api/types';
import { onUploaded } from '../../../lib/uploads/requests';
import { bucketKeys, bucketQueries } from '../api/queries';

/**
 * The whole listing of a bucket, page after page. OSCAR lists objects without prefix or delimiter, so a
 * folder's rows need every page; the first page shows at once and the rest fill in behind it.
 */
export function useObjectListing(bucket: string) {
  const q = useInfiniteQuery(bucketQueries.objects(bucket));
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = q;
  const pages = q.data?.pages.length ?? 0;
  useEffect(() => {
    // Keeps paging until the listing is complete (or a page fails: then the error state offers a retry).
    // The page count is a dependency too: when a page answers quickly, React can batch "fetching" and
    // "fetched" into one render, and the other flags alone would look unchanged and stop the paging.
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage, pages]);

  const qc = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Many small files land in a burst: refresh once after the burst, not once a file.
    return onUploaded((item) => {
      if (item.bucket !== bucket || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void qc.invalidateQueries({ queryKey: bucketKeys.objects(bucket) });
        void qc.invalidateQueries({ queryKey: bucketKeys.list() });
      }, 600);
    });
  }, [bucket, qc]);

  const objects = useMemo<MinIOObject[]>(() => q.data?.pages.flatMap((p) => p.objects ?? []) ?? [], [q.data]);
  const summary = q.data?.pages[0];
  return { q, objects, summary, complete: !!q.data && !hasNextPage, pages };
}
