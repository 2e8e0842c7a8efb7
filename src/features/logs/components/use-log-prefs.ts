import { useCallback, useSyncExternalStore } from 'react';

// Wrap and timestamps are the reader's taste, not the log's: kept in localStorage (design.md), shared
// by every log view and every tab.
const listeners = new Set<() => void>();
function subscribe(l: () => void) {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => {
    if (e.key?.startsWith('lagoon.logs.')) l();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

function read(key: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(key);
    return v === null ? fallback : v === 'true';
  } catch {
    return fallback;
  }
}

export function useStoredFlag(name: 'wrap' | 'timestamps', fallback: boolean): [boolean, (v: boolean) => void] {
  const key = `lagoon.logs.${name}`;
  const value = useSyncExternalStore(subscribe, () => read(key, fallback), () => fallback);
  const set = useCallback(
    (v: boolean) => {
      try {
        localStorage.setItem(key, String(v));
      } catch {
        // Private mode or a full quota: the choice lasts for this page only.
      }
      for (const l of listeners) l();
    },
    [key],
  );
  return [value, set];
}
