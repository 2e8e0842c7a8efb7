// How long to wait before asking the cluster again. Polling must not make a struggling cluster worse:
// each failure in a row doubles the wait, and a slow answer stretches it (a refresh never takes more
// than about a third of the time), up to a ceiling. One success brings it back to the base.

export interface PollState {
  /** The wait when all is well, in ms. */
  base: number;
  /** Failures in a row, 0 after a success. */
  failures: number;
  /** How long the last refresh took, in ms. */
  lastDurationMs?: number;
  /** The longest wait, in ms. */
  max?: number;
}

export function pollDelay({ base, failures, lastDurationMs = 0, max = 60_000 }: PollState): number {
  const backoff = failures > 0 ? base * 2 ** Math.min(failures, 10) : base;
  const slow = lastDurationMs * 3;
  return Math.min(max, Math.max(base, backoff, slow));
}

/** Why the wait is longer than usual, for the status line; null when it is not. */
export function pollReason({ base, failures, lastDurationMs = 0 }: PollState): 'failing' | 'slow' | null {
  if (failures > 0) return 'failing';
  if (lastDurationMs * 3 > base) return 'slow';
  return null;
}
