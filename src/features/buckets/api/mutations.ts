import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { oscar } from '../../../api/client';
import type { BucketListResponse, MinIOBucket } from '../../../api/types';
import { deleteObjects, type DeleteOutcome } from '../../../lib/s3/client';
import { s3Credentials } from '../../../lib/s3/oscar';
import { bucketKeys } from './queries';

export function useCreateBucket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (b: MinIOBucket) => {
      await oscar.POST('/system/buckets', { body: b });
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
