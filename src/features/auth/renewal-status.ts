// Whether the OIDC login can still be renewed, for the warning under the header. Kept apart from
// oidc.ts so the shell can show it without loading the OIDC library for password sessions.
import { useSyncExternalStore } from 'react';

export interface RenewalStatus {
  /** Why the last renewal failed, in words; empty when renewals work. */
  failed: string;
  /** The access token's lifetime has run out. */
  expired: boolean;
}

const OK: RenewalStatus = { failed: '', expired: false };
let status: RenewalStatus = OK;
const listeners = new Set<() => void>();

export function getRenewal(): RenewalStatus {
  return status;
}

export function setRenewal(next: Partial<RenewalStatus> | 'ok'): void {
  status = next === 'ok' ? OK : { ...status, ...next };
  listeners.forEach((l) => l());
}

export function useRenewal(): RenewalStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getRenewal,
    getRenewal,
  );
}
