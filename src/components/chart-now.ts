import { useCallback, useEffect, useState } from 'react';
import { MINUTE } from '../lib/metrics/range';

function minuteNow(): number {
  // Whole minutes: every render within a minute asks for the same range, so queries are shared.
  return Math.floor(Date.now() / MINUTE) * MINUTE;
}

/**
 * "Now" for a recent range, moving forward every `refreshMs` while the page is visible (a hidden tab
 * does not poll the cluster) and at once when it becomes visible again. `null` keeps it still.
 * Returns the time and a function to move it forward by hand ("Refresh now").
 */
export function useNow(refreshMs: number | null): [number, () => void] {
  const [now, setNow] = useState(minuteNow);
  const refresh = useCallback(() => setNow(Math.max(minuteNow(), Date.now())), []);

  useEffect(() => {
    if (refreshMs === null) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      clearInterval(timer);
      timer = setInterval(() => setNow(minuteNow()), refreshMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        setNow(minuteNow());
        start();
      } else clearInterval(timer);
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [refreshMs]);

  return [now, refresh];
}
