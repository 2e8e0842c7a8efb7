import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { clientFor, oscar } from '../../../api/client';
import { getConnection } from '../../../api/connection';
import { ApiError, isApiError } from '../../../api/errors';
import type { BucketListResponse, MinIOBucket } from '../../../api/types';
import { deleteObjects, type DeleteOutcome } from '../../../lib/s3/client';
import { s3Credentials } from '../../../lib/s3/oscar';
import { bucketQuotaMessage } from '../lib/bucket-quota';
import { bucketKeys } from './queries';

/**
 * A 403 on create may be a full bucket quota: an OIDC user's own quota says so. Asked on a client
 * without the session's 401 hook, so a refused quota call (Basic gets 401) never signs anyone out.
 */
async function explainRefusal(e: unknown): Promise<unknown> {
  const conn = getConnection();
  if (!isApiError(e) || e.status !== 403 || conn?.credentials?.kind !== 'bearer') return e;
  try {
    const { data } = await clientFor(conn).GET('/system/quotas/user');
    const message = bucketQuotaMessage(data);
    return message ? new ApiError(e.status, message, e.body, e.url) : e;
  } catch {
    return e;
  }
}

export function useCreateBucket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (b: MinIOBucket) => {
      try {
        await oscar.POST('/system/buckets', { body: b });
      } catch (e) {
        throw await explainRefusal(e);
      }
    },
    onSettled: () => qc.invalidateQueries({ queryKey: bucketKeys.list() }),
  });
}

export function useUpdateBucket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (b: MinIOBucket) => {
      await oscar.PUT('/system/buckets', { body: b });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: bucketKeys.list() }),
  });
}

export function useDeleteBucket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (bucket: string) => {
      await oscar.DELETE('/system/buckets/{bucket}', { params: { path: { bucket } } });
    },
    onSuccess: (_, bucket) => {
      qc.setQueryData<MinIOBucket[]>(bucketKeys.list(), (old) => old?.filter((b) => b.bucket_name !== bucket));
      qc.removeQueries({ queryKey: bucketKeys.objects(bucket) });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: bucketKeys.list() }),
  });
}

export class NoCredentialsError extends Error {
  constructor() {
    super('This cluster gives no storage credentials to your account, so objects cannot be deleted from here.');
  }
}

/** Deletes objects with the S3 API (OSCAR has no object delete); each key succeeds or fails on its own. */
export function useDeleteObjects(bucket: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (keys: readonly string[]): Promise<DeleteOutcome> => {
      const c = await s3Credentials();
      if (!c) throw new NoCredentialsError();
      return deleteObjects(c, bucket, keys);
    },
    onSuccess: ({ deleted }) => {
      const gone = new Set(deleted);
      qc.setQueryData<InfiniteData<BucketListResponse, string>>(bucketKeys.objects(bucket), (old) =>
        old ? { ...old, pages: old.pages.map((p) => ({ ...p, objects: p.objects?.filter((o) => !gone.has(o.object_name ?? '')) })) } : old,
      );
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: bucketKeys.objects(bucket) });
      void qc.invalidateQueries({ queryKey: bucketKeys.list() });
    },
  });
}
