import { useMutation, useQueryClient } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';
import { quotaKeys } from '../../../lib/quotas/queries';
import type { QuotaUpdate } from '../lib/quota-edit';

/** Sets a user's limits (admin); the answer is the new quota, put straight in the cache. */
export function useUpdateQuota(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: QuotaUpdate) =>
      required((await oscar.PUT('/system/quotas/user/{userId}', { params: { path: { userId } }, body })).data, `the quota of ${userId}`),
    onSuccess: (q) => qc.setQueryData(quotaKeys.user(userId), q),
    onSettled: () => qc.invalidateQueries({ queryKey: quotaKeys.all }),
  });
}
