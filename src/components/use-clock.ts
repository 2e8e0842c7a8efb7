import { useEffect, useState } from 'react';

/** The current time (ms), updated every `everyMs`: for countdowns, "updated 5 s ago" and running durations. */
export function useClock(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
