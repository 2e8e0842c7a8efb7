// The quota queries: the OIDC user's own (GET /system/quotas/user, Bearer only: a Basic login gets 401
// there, so never ask it with one) and any user's for the admin (GET /system/quotas/user/{id}, Basic only).
// A cluster without quotas answers 503 (NOTES.md) or, without the route, 404: both read as null.
import { queryOptions } from '@tanstack/react-query';
import { oscar, required } from '../../api/client';
import { isApiError } from '../../api/errors';
import type { QuotaResponse } from '../../api/types';

export const quotaKeys = {
  all: ['quotas'] as const,
  own: () => [...quotaKeys.all, 'own'] as const,
  user: (id: string) => [...quotaKeys.all, 'user', id] as const,
};

/** True when the error says the cluster has no quotas at all (not that this request failed). */
export function quotasDisabled(e: unknown): boolean {
  return isApiError(e) && (e.status === 404 || e.status === 503);
}

async function orNull(get: () => Promise<QuotaResponse>): Promise<QuotaResponse | null> {
  try {
    return await get();
  } catch (e) {
    if (quotasDisabled(e)) return null;
    throw e;
  }
}

export const quotaQueries = {
  /** The signed-in OIDC user's quota; null when the cluster has no quotas. */
  own: () =>
    queryOptions({
      queryKey: quotaKeys.own(),
      queryFn: ({ signal }) =>
        orNull(async () => required((await oscar.GET('/system/quotas/user', { signal })).data, 'your quota')),
    }),
  /** A user's quota, for the admin; null when the cluster has no quotas. */
  user: (id: string) =>
    queryOptions({
      queryKey: quotaKeys.user(id),
      queryFn: ({ signal }) =>
        orNull(async () =>
          required((await oscar.GET('/system/quotas/user/{userId}', { params: { path: { userId: id } }, signal })).data, `the quota of ${id}`),
        ),
    }),
};
