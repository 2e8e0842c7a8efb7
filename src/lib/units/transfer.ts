// Speed and time left from progress samples over a sliding window, so one slow or fast moment does not
// make the estimate jump around.

export interface SpeedMeter {
  /** Records the total bytes sent at time `t` (ms). */
  sample(t: number, bytes: number): void;
  /** Bytes per second over the window, 0 until there is enough to say. */
  speed(t: number): number;
  reset(): void;
}

export function createSpeedMeter(windowMs = 5000): SpeedMeter {
  let samples: { t: number; bytes: number }[] = [];
  return {
    sample(t, bytes) {
      samples.push({ t, bytes });
      const cutoff = t - windowMs;
      // Keep one sample older than the window so the span always covers it.
      while (samples.length > 2 && (samples[1]?.t ?? t) <= cutoff) samples.shift();
    },
    speed(t) {
      const first = samples[0];
      const last = samples[samples.length - 1];
      if (!first || !last || last === first) return 0;
      const span = Math.max(last.t, t) - first.t;
      if (span < 250) return 0;
      return Math.max(0, ((last.bytes - first.bytes) * 1000) / span);
    },
    reset() {
      samples = [];
    },
  };
}

/** Seconds left at this speed, or null when it cannot be told. */
export function timeLeft(remaining: number, bytesPerSecond: number): number | null {
  if (remaining <= 0) return 0;
  if (bytesPerSecond <= 0) return null;
  return remaining / bytesPerSecond;
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${units[i]}`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
