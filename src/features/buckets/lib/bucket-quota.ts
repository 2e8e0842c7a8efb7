// Why the cluster refused a new bucket, when the user's own quota explains it. OSCAR answers a full
// bucket quota with a bare 403, which alone reads as "no permission"; GET /system/quotas/user tells the
// Bearer user how many buckets they have and may have (Basic gets 401 there: ../shared/oscar-api/NOTES.md).
import type { QuotaResponse } from '../../../api/types';

/** The words for a refused bucket when the quota is full, or null when the quota does not explain it. */
export function bucketQuotaMessage(quota: QuotaResponse | undefined): string | null {
  const b = quota?.minio?.buckets;
  const max = Number(b?.max);
  const used = Number(b?.used);
  if (!b || !Number.isFinite(max) || !Number.isFinite(used) || used < max) return null;
  return `You have ${used} of ${max} buckets: delete one or ask the cluster's administrators for a larger quota.`;
}
