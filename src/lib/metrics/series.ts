// Series for the usage charts, from what the cluster answers: one total per bucket from OSCAR, or a
// Prometheus matrix. Bad figures never reach a chart as numbers: a failed or missing bucket is a gap
// (null), and so are NaN, infinities and negative totals (a usage total cannot be negative), each
// counted so the chart can say why a point is missing.
import type { SourceStatus } from '../../api/types';
import type { Bucket } from './range';
import { isPartial } from './sources';
import type { UnitKind } from '../units/format';

export interface SeriesDef {
  key: string;
  label: string;
  unit: UnitKind;
}

/** What happened to one bucket's request. */
export type BucketOutcome<T> =
  | { bucket: Bucket; state: 'ok'; data: T; sources?: readonly SourceStatus[] }
  | { bucket: Bucket; state: 'error'; error: string }
  | { bucket: Bucket; state: 'pending' };

export interface SeriesPoint {
  /** Bucket start (ms), the x value. */
  t: number;
  end: number;
  open: boolean;
  /** null: no value (not loaded, failed, or not a usable number). */
  values: Record<string, number | null>;
  state: 'ok' | 'error' | 'pending';
  /** A source behind this bucket was not "ok": the value may be too low. */
  partial: boolean;
}

export interface SeriesProblems {
  failed: number;
  pending: number;
  /** Values that were NaN, infinite, negative or not numbers. */
  invalid: number;
  partial: number;
  /** The first failure's message, to show beside the chart. */
  firstError?: string;
}

export interface SeriesData {
  defs: readonly SeriesDef[];
  points: SeriesPoint[];
  problems: SeriesProblems;
}

/** A usable value, or null: NaN, ±Infinity, negatives, and anything not a number (or numeric string). */
export function cleanValue(v: unknown): { value: number | null; invalid: boolean } {
  if (v === undefined || v === null) return { value: null, invalid: false };
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < 0) return { value: null, invalid: true };
  return { value: n, invalid: false };
}

export function emptyProblems(): SeriesProblems {
  return { failed: 0, pending: 0, invalid: 0, partial: 0 };
}

/** One point per bucket; `pick` reads a series' value from a bucket's answer. */
export function buildSeries<T>(
  defs: readonly SeriesDef[],
  outcomes: readonly BucketOutcome<T>[],
  pick: (data: T, key: string) => unknown,
): SeriesData {
  const problems = emptyProblems();
  const points = outcomes.map((o): SeriesPoint => {
    const values: Record<string, number | null> = {};
    const base = { t: o.bucket.start, end: o.bucket.end, open: o.bucket.open };
    if (o.state !== 'ok') {
      for (const d of defs) values[d.key] = null;
      if (o.state === 'error') {
        problems.failed++;
        problems.firstError ??= o.error;
      } else problems.pending++;
      return { ...base, values, state: o.state, partial: false };
    }
    for (const d of defs) {
      const c = cleanValue(pick(o.data, d.key));
      if (c.invalid) problems.invalid++;
      values[d.key] = c.value;
    }
    const partial = isPartial(o.sources);
    if (partial) problems.partial++;
    return { ...base, values, state: 'ok', partial };
  });
  return { defs, points, problems };
}

export interface PromSeries {
  labels: Record<string, string>;
  /** [unix seconds, value as Prometheus wrote it ("1.5", "NaN", "+Inf")]. */
  values: readonly (readonly [number, string])[];
}

/**
 * Prometheus range points onto buckets. A query_range point at time t with `[step]` windows covers
 * (t − step, t], so it belongs to the bucket that ends at t. Buckets without a point are gaps.
 */
export function seriesFromPrometheus(
  buckets: readonly Bucket[],
  series: readonly PromSeries[],
  def: (labels: Record<string, string>, index: number) => SeriesDef,
  stepMs: number,
): SeriesData {
  const defs: SeriesDef[] = [];
  const problems = emptyProblems();
  const starts = buckets.map((b) => b.start);
  const points: SeriesPoint[] = buckets.map((b) => ({
    t: b.start,
    end: b.end,
    open: b.open,
    values: {},
    state: 'ok',
    partial: false,
  }));
  series.forEach((s, n) => {
    const d = def(s.labels, n);
    defs.push(d);
    for (const p of points) p.values[d.key] = null;
    for (const [ts, raw] of s.values) {
      const i = bucketEndingAt(buckets, starts, Math.round(ts * 1000), stepMs);
      const point = i === undefined ? undefined : points[i];
      if (!point) continue;
      const c = cleanValue(raw);
      if (c.invalid) problems.invalid++;
      point.values[d.key] = c.value;
    }
  });
  return { defs, points, problems };
}

/** The bucket whose window (start, end] holds `ms`; an open bucket's window runs to its nominal end. */
function bucketEndingAt(
  buckets: readonly Bucket[],
  starts: readonly number[],
  ms: number,
  stepMs: number,
): number | undefined {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? Infinity) < ms) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const b = buckets[found];
  if (!b) return undefined;
  return ms <= (b.open ? b.start + stepMs : b.end) ? found : undefined;
}

export const OTHER_KEY = '__other__';

/**
 * Keeps the `keep` largest series (by their sum) and adds the rest up into one "Other" series, so a
 * chart of 50 services stays readable. The full data stays available for the table.
 */
export function topSeries(data: SeriesData, keep: number): SeriesData {
  if (data.defs.length <= keep) return data;
  const totals = data.defs.map((d) => ({
    d,
    sum: data.points.reduce((s, p) => s + (p.values[d.key] ?? 0), 0),
  }));
  totals.sort((a, b) => b.sum - a.sum || a.d.label.localeCompare(b.d.label));
  const kept = totals.slice(0, Math.max(0, keep - 1)).map((x) => x.d);
  const rest = totals.slice(kept.length).map((x) => x.d);
  const first = data.defs[0];
  const other: SeriesDef = { key: OTHER_KEY, label: `Other (${rest.length})`, unit: first?.unit ?? 'count' };
  const points = data.points.map((p) => {
    const values: Record<string, number | null> = {};
    for (const d of kept) values[d.key] = p.values[d.key] ?? null;
    let sum: number | null = null;
    for (const d of rest) {
      const v = p.values[d.key];
      if (v !== null && v !== undefined) sum = (sum ?? 0) + v;
    }
    values[OTHER_KEY] = sum;
    return { ...p, values };
  });
  return { defs: [...kept, other], points, problems: data.problems };
}

/** The sum of each series over all points (gaps count as nothing). */
export function seriesTotals(data: SeriesData): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of data.defs) out[d.key] = data.points.reduce((s, p) => s + (p.values[d.key] ?? 0), 0);
  return out;
}

/** True when no point has any value: the chart has nothing to draw. */
export function isEmptySeries(data: SeriesData): boolean {
  return data.points.every((p) =>
    data.defs.every((d) => p.values[d.key] === null || p.values[d.key] === undefined),
  );
}

/** True when every value present is zero: nothing was used in this range. */
export function isAllZero(data: SeriesData): boolean {
  return data.points.every((p) => data.defs.every((d) => !p.values[d.key]));
}

/** Several series over the same buckets side by side (e.g. CPU and GPU hours from two queries). */
export function mergeSeries(parts: readonly SeriesData[]): SeriesData {
  const first = parts[0];
  if (!first) return { defs: [], points: [], problems: emptyProblems() };
  const problems = emptyProblems();
  for (const p of parts) {
    problems.failed += p.problems.failed;
    problems.pending += p.problems.pending;
    problems.invalid += p.problems.invalid;
    problems.partial += p.problems.partial;
    problems.firstError ??= p.problems.firstError;
  }
  const points = first.points.map((pt, i) => {
    const values: Record<string, number | null> = {};
    for (const part of parts) Object.assign(values, part.points[i]?.values);
    const states = parts.map((part) => part.points[i]?.state ?? 'pending');
    const state = states.includes('error') ? 'error' : states.includes('pending') ? 'pending' : 'ok';
    return {
      ...pt,
      values,
      state,
      partial: parts.some((part) => part.points[i]?.partial),
    } satisfies SeriesPoint;
  });
  return { defs: parts.flatMap((p) => p.defs), points, problems };
}

/** The mean of a series' values over the points that have one, or null when none has. */
export function seriesMean(data: SeriesData, key: string): number | null {
  let sum = 0;
  let n = 0;
  for (const p of data.points) {
    const v = p.values[key];
    if (v !== null && v !== undefined) {
      sum += v;
      n++;
    }
  }
  return n ? sum / n : null;
}
