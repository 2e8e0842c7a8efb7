import { useCallback, useEffect, useRef, useState } from 'react';
import { pollDelay, pollReason } from '../../../lib/jobs/polling';

export interface RefreshResult {
  ok: boolean;
  durationMs: number;
}

export interface AutoRefresh {
  /** When the next refresh is due (ms since the epoch), or null while paused, reading or refreshing. */
  nextAt: number | null;
  refreshing: boolean;
  /** The user's own Pause toggle. */
  paused: boolean;
  setPaused: (p: boolean) => void;
  /** True while the pointer or focus is in the table: refreshing would move rows under the reader. */
  reading: boolean;
  setReading: (r: boolean) => void;
  failures: number;
  reason: 'failing' | 'slow' | null;
  refreshNow: () => void;
}

export const REFRESH_BASE_MS = 5_000;

/**
 * Refreshes on a timer that never overlaps itself: the next refresh is due a delay after the last
 * one finished (or after the data last changed, or after reading stopped), and the delay grows after
 * failures or slow answers (pollDelay). Pausing or reading stops the timer.
 */
export function useAutoRefresh(refresh: () => Promise<RefreshResult>, options: { enabled: boolean; updatedAt: number }): AutoRefresh {
  const [paused, setPausedState] = useState(false);
  const [reading, setReadingState] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [failures, setFailures] = useState(0);
  const [lastDuration, setLastDuration] = useState(0);
  const [restartedAt, setRestartedAt] = useState(() => Date.now());
  const refreshRef = useRef(refresh);
  useEffect(() => {
    refreshRef.current = refresh;
  }, [refresh]);

  const run = useCallback(async () => {
    setRefreshing(true);
    try {
      const r = await refreshRef.current();
      setFailures((f) => (r.ok ? 0 : f + 1));
      setLastDuration(r.durationMs);
    } catch {
      setFailures((f) => f + 1);
    } finally {
      setRefreshing(false);
      setRestartedAt(Date.now());
    }
  }, []);

  const active = options.enabled && !paused && !reading && !refreshing;
  const delay = pollDelay({ base: REFRESH_BASE_MS, failures, lastDurationMs: lastDuration });
  const nextAt = active ? Math.max(restartedAt, options.updatedAt) + delay : null;
  useEffect(() => {
    if (nextAt === null) return;
    const t = setTimeout(() => void run(), Math.max(0, nextAt - Date.now()));
    return () => clearTimeout(t);
  }, [nextAt, run]);

  return {
    nextAt,
    refreshing,
    paused,
    setPaused: (p) => {
      setPausedState(p);
      setRestartedAt(Date.now());
    },
    reading,
    setReading: (r) => {
      if (r === reading) return;
      setReadingState(r);
      setRestartedAt(Date.now());
    },
    failures,
    reason: pollReason({ base: REFRESH_BASE_MS, failures, lastDurationMs: lastDuration }),
    refreshNow: () => void run(),
  };
}
