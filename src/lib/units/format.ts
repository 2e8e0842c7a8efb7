// Numbers as people read them on a dashboard: "1.2k h", "3.4 GiB", "12.5k requests", "+12%".
// Every formatter takes any number and never throws: NaN, ±Infinity and null read as "–" (an en dash,
// which a screen reader announces as "dash", unlike an empty string that it skips).

export const NO_VALUE = '–';

function finite(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

// One formatter per precision, made once: charts format thousands of values.
const NUMBER = [0, 1, 2].map((digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));

/** Significant digits that suit a value's size: 1,234 · 123 · 12.3 · 1.23 · 0.12. */
function trim(n: number): string {
  const a = Math.abs(n);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  // toFixed then Number drops trailing zeros ("2.50" → 2.5); the format adds thousands separators.
  return (NUMBER[digits] as Intl.NumberFormat).format(Number(n.toFixed(digits)));
}

/** 950 → "950", 12_345 → "12.3k", 4_200_000 → "4.2M". */
export function compact(n: number | null | undefined): string {
  if (!finite(n)) return NO_VALUE;
  const a = Math.abs(n);
  if (a < 1000) return trim(n);
  if (a < 1e6) return `${trim(n / 1e3)}k`;
  if (a < 1e9) return `${trim(n / 1e6)}M`;
  return `${trim(n / 1e9)}G`;
}

/** Hours of CPU or GPU time: "0.5 h", "12.3 h", "1.2k h". */
export function formatHours(h: number | null | undefined): string {
  if (!finite(h)) return NO_VALUE;
  return `${compact(h)} h`;
}

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Bytes in binary units, as Kubernetes reports memory: 1536 → "1.5 KiB", 3·2³⁰ → "3 GiB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (!finite(bytes)) return NO_VALUE;
  let v = Math.abs(bytes);
  let i = 0;
  while (v >= 1024 && i < BINARY_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${bytes < 0 ? '-' : ''}${trim(v)} ${BINARY_UNITS[i]}`;
}

/** A count with its noun: (1, 'request') → "1 request", (12_300, 'request') → "12.3k requests". */
export function formatCount(n: number | null | undefined, singular: string, plural = `${singular}s`): string {
  if (!finite(n)) return NO_VALUE;
  return `${compact(n)} ${n === 1 ? singular : plural}`;
}

/** CPU cores: 0.25 → "0.25 cores", 1 → "1 core". */
export function formatCores(cores: number | null | undefined): string {
  return formatCount(cores, 'core');
}

/** A share of a whole, 0..1 → "42%"; below 1% shows "<1%" so a small but present share is not "0%". */
export function formatPercent(share: number | null | undefined): string {
  if (!finite(share)) return NO_VALUE;
  if (share > 0 && share < 0.01) return '<1%';
  return `${Math.round(share * 100)}%`;
}

export interface Change {
  /** Relative change (0.12 = +12%), or null when there is nothing to compare with. */
  ratio: number | null;
  direction: 'up' | 'down' | 'same' | 'new' | 'unknown';
  /** "+12%", "−8%", "no change", "new", "–". */
  text: string;
}

/** The change from a previous period's value to the current one, worded for a summary card. */
export function change(current: number | null | undefined, previous: number | null | undefined): Change {
  if (!finite(current) || !finite(previous)) return { ratio: null, direction: 'unknown', text: NO_VALUE };
  if (previous === 0) {
    return current === 0
      ? { ratio: 0, direction: 'same', text: 'no change' }
      : { ratio: null, direction: 'new', text: 'new' };
  }
  const ratio = (current - previous) / Math.abs(previous);
  const pct = Math.round(ratio * 100);
  if (pct === 0) return { ratio, direction: 'same', text: 'no change' };
  // A real minus sign, which screen readers say as "minus" where a hyphen may be skipped.
  return {
    ratio,
    direction: pct > 0 ? 'up' : 'down',
    text: `${pct > 0 ? '+' : '−'}${Math.abs(pct).toLocaleString('en-US')}%`,
  };
}

/** The unit kinds a metric series can have; each knows how to print a value and an axis tick. */
export type UnitKind = 'hours' | 'bytes' | 'requests' | 'count' | 'cores';

export function formatValue(kind: UnitKind, v: number | null | undefined): string {
  switch (kind) {
    case 'hours':
      return formatHours(v);
    case 'bytes':
      return formatBytes(v);
    case 'requests':
      return formatCount(v, 'request');
    case 'cores':
      return formatCores(v);
    case 'count':
      return compact(v);
  }
}

/** Axis ticks are short: no noun for counts and requests ("12k"), the unit for the rest. */
export function formatTick(kind: UnitKind, v: number): string {
  if (kind === 'requests' || kind === 'count') return compact(v);
  if (kind === 'cores') return compact(v);
  return formatValue(kind, v);
}

/** "3 min ago", "2 h ago", "5 days ago"; future times (clock skew) read as "just now". */
export function timeAgo(at: number, now: number): string {
  if (!Number.isFinite(at)) return NO_VALUE;
  const s = Math.round((now - at) / 1000);
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}
