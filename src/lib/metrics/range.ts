// Time ranges for the usage views: the presets, the range kept in the URL, and the split of a range
// into consecutive buckets. OSCAR's /system/metrics answers one total per request
// (../shared/oscar-api/NOTES.md), so a chart over time is one request per bucket. Buckets sit on
// calendar boundaries in local time (whole hours, local midnights) so that two ranges share their
// buckets: switching from 90 to 30 days reuses the daily totals already fetched.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type PresetId = '24h' | '7d' | '30d' | '90d';

export interface Preset {
  id: PresetId;
  label: string;
  /** "the previous 7 days": how the change on the summary cards is worded. */
  previous: string;
  ms: number;
  /** The bucket for charts from OSCAR's totals. */
  step: StepId;
  /** Recent ranges refresh themselves; older ones do not change. */
  refreshMs: number | null;
}

export const PRESETS: readonly Preset[] = [
  {
    id: '24h',
    label: 'Last 24 hours',
    previous: 'the 24 hours before',
    ms: DAY,
    step: '1h',
    refreshMs: 60_000,
  },
  {
    id: '7d',
    label: 'Last 7 days',
    previous: 'the 7 days before',
    ms: 7 * DAY,
    step: '6h',
    refreshMs: 5 * 60_000,
  },
  {
    id: '30d',
    label: 'Last 30 days',
    previous: 'the 30 days before',
    ms: 30 * DAY,
    step: '1d',
    refreshMs: null,
  },
  {
    id: '90d',
    label: 'Last 90 days',
    previous: 'the 90 days before',
    ms: 90 * DAY,
    step: '1d',
    refreshMs: null,
  },
];

export const DEFAULT_PRESET: PresetId = '7d';

export type StepId = '5m' | '15m' | '30m' | '1h' | '3h' | '6h' | '12h' | '1d' | '7d';

interface StepDef {
  id: StepId;
  /** Nominal length; calendar steps (days, weeks) can be an hour longer or shorter across DST. */
  ms: number;
  unit: 'minute' | 'hour' | 'day';
  count: number;
  label: string;
}

const STEPS: readonly StepDef[] = [
  { id: '5m', ms: 5 * MINUTE, unit: 'minute', count: 5, label: '5 minutes' },
  { id: '15m', ms: 15 * MINUTE, unit: 'minute', count: 15, label: '15 minutes' },
  { id: '30m', ms: 30 * MINUTE, unit: 'minute', count: 30, label: '30 minutes' },
  { id: '1h', ms: HOUR, unit: 'hour', count: 1, label: 'hour' },
  { id: '3h', ms: 3 * HOUR, unit: 'hour', count: 3, label: '3 hours' },
  { id: '6h', ms: 6 * HOUR, unit: 'hour', count: 6, label: '6 hours' },
  { id: '12h', ms: 12 * HOUR, unit: 'hour', count: 12, label: '12 hours' },
  { id: '1d', ms: DAY, unit: 'day', count: 1, label: 'day' },
  { id: '7d', ms: 7 * DAY, unit: 'day', count: 7, label: 'week' },
];

const BY_ID = new Map(STEPS.map((s) => [s.id, s]));

export function stepDef(id: StepId): StepDef {
  const s = BY_ID.get(id);
  if (!s) throw new Error(`unknown step ${id}`);
  return s;
}

/** The finest step (from `allowed`) that splits `ms` into at most `maxBuckets`. */
export function stepFor(
  ms: number,
  maxBuckets: number,
  allowed: readonly StepId[] = STEPS.map((s) => s.id),
): StepId {
  const candidates = STEPS.filter((s) => allowed.includes(s.id));
  for (const s of candidates) if (Math.ceil(ms / s.ms) <= maxBuckets) return s.id;
  const last = candidates[candidates.length - 1];
  if (!last) throw new Error('no steps allowed');
  return last.id;
}

/** The start of the step that contains `t`, in local time. */
export function floorToStep(t: number, id: StepId): number {
  const s = stepDef(id);
  const d = new Date(t);
  if (s.unit === 'minute') {
    d.setMinutes(Math.floor(d.getMinutes() / s.count) * s.count, 0, 0);
  } else if (s.unit === 'hour') {
    d.setHours(Math.floor(d.getHours() / s.count) * s.count, 0, 0, 0);
  } else {
    d.setHours(0, 0, 0, 0);
    // Weeks start on Monday, as in most of Europe where OSCAR clusters run.
    if (s.count === 7) d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  }
  return d.getTime();
}

/** The start of the step after the one starting at `t` (calendar arithmetic, so DST days are 23 or 25 h). */
export function addStep(t: number, id: StepId): number {
  const s = stepDef(id);
  const d = new Date(t);
  if (s.unit === 'minute') d.setMinutes(d.getMinutes() + s.count);
  else if (s.unit === 'hour') d.setHours(d.getHours() + s.count);
  else d.setDate(d.getDate() + s.count);
  const next = d.getTime();
  // At the autumn DST change setHours can land on the same instant; always move forward.
  return next > t ? next : t + s.ms;
}

export interface Bucket {
  start: number;
  end: number;
  /** Still filling up: its end is now, and it will have more when asked again. */
  open: boolean;
}

/** The buckets covering [start, end): whole steps from the one containing `start`; nothing after `now`. */
export function splitRange(
  range: { start: number; end: number },
  step: StepId,
  now: number,
  maxBuckets = 5000,
): Bucket[] {
  const end = Math.min(range.end, now);
  const out: Bucket[] = [];
  if (!(range.start < end)) return out;
  let t = floorToStep(range.start, step);
  while (t < end) {
    if (out.length >= maxBuckets)
      throw new Error(`a ${step} step splits this range into more than ${maxBuckets} buckets`);
    const next = addStep(t, step);
    out.push({ start: t, end: Math.min(next, end), open: next > now });
    t = next;
  }
  return out;
}

export type RangeSpec = { kind: 'preset'; preset: PresetId } | { kind: 'custom'; start: number; end: number };

export interface ResolvedRange {
  start: number;
  end: number;
  spec: RangeSpec;
  label: string;
  previousLabel: string;
  refreshMs: number | null;
  /** The bucket for charts built from OSCAR's totals. */
  step: StepId;
}

export function presetById(id: string | null): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** Buckets for a custom range: at most this many requests to OSCAR. */
export const MAX_OSCAR_BUCKETS = 60;

const dateTime = (t: number) =>
  new Date(t).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

export function describeSpan(start: number, end: number): string {
  return `${dateTime(start)} – ${dateTime(end)}`;
}

/** How often a range refreshes itself: recent presets do; custom ranges stay as chosen. */
export function refreshFor(spec: RangeSpec): number | null {
  return spec.kind === 'preset' ? (presetById(spec.preset)?.refreshMs ?? null) : null;
}

export function resolveRange(spec: RangeSpec, now: number): ResolvedRange {
  if (spec.kind === 'preset') {
    const p = presetById(spec.preset) ?? (presetById(DEFAULT_PRESET) as Preset);
    return {
      start: now - p.ms,
      end: now,
      spec,
      label: p.label,
      previousLabel: p.previous,
      refreshMs: p.refreshMs,
      step: p.step,
    };
  }
  const ms = spec.end - spec.start;
  return {
    start: spec.start,
    end: spec.end,
    spec,
    label: describeSpan(spec.start, spec.end),
    previousLabel: 'the period before, of the same length',
    // A custom range is a fixed window, even one that ends now: a zoom must not slide away.
    refreshMs: null,
    step: stepFor(ms, MAX_OSCAR_BUCKETS),
  };
}

/** The period of the same length just before, for the "change" on the summary cards. */
export function previousRange(r: { start: number; end: number }): { start: number; end: number } {
  return { start: r.start - (r.end - r.start), end: r.start };
}

export interface ParsedRange {
  spec: RangeSpec;
  /** Why the URL's range could not be used (the spec is then the default preset). */
  problem?: string;
}

/** RFC 3339 as OSCAR wants it, in UTC without milliseconds. */
export function rfc3339(t: number): string {
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseTime(raw: string): number | null {
  // Date.parse reads many shapes; a link should carry an ISO date or date-time.
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(raw.trim()))
    return null;
  const t = Date.parse(raw.trim());
  return Number.isNaN(t) ? null : t;
}

/** What the URL says: `?range=30d`, or `?start=…&end=…` for a custom range. */
export function parseRangeParams(params: URLSearchParams): ParsedRange {
  const fallback: RangeSpec = { kind: 'preset', preset: DEFAULT_PRESET };
  const rawStart = params.get('start');
  const rawEnd = params.get('end');
  if (rawStart !== null || rawEnd !== null) {
    const start = rawStart === null ? null : parseTime(rawStart);
    const end = rawEnd === null ? null : parseTime(rawEnd);
    if (start === null || end === null) {
      const bad = start === null ? `start "${rawStart ?? ''}"` : `end "${rawEnd ?? ''}"`;
      return {
        spec: fallback,
        problem: `The link's ${bad} is not a date and time. Showing the last 7 days instead.`,
      };
    }
    const problem = checkCustomRange(start, end);
    if (problem) return { spec: fallback, problem: `${problem} Showing the last 7 days instead.` };
    return { spec: { kind: 'custom', start, end } };
  }
  const range = params.get('range');
  if (range === null || range === '') return { spec: fallback };
  const p = presetById(range);
  if (!p)
    return {
      spec: fallback,
      problem: `"${range}" is not a range this page knows. Showing the last 7 days instead.`,
    };
  return { spec: { kind: 'preset', preset: p.id } };
}

/** Why a custom range cannot be shown, in words, or null when it can. */
export function checkCustomRange(start: number, end: number): string | null {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 'The start and the end must both be dates.';
  if (start > end) return 'The start is after the end.';
  if (start === end) return 'The range is empty: the start and the end are the same.';
  return null;
}

/** Writes a spec into URL params, leaving every other parameter as it was. */
export function writeRangeParams(params: URLSearchParams, spec: RangeSpec): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('range');
  next.delete('start');
  next.delete('end');
  if (spec.kind === 'preset') {
    if (spec.preset !== DEFAULT_PRESET) next.set('range', spec.preset);
  } else {
    next.set('start', rfc3339(spec.start));
    next.set('end', rfc3339(spec.end));
  }
  return next;
}

// Formatters are made once: charts format every tick and point, and building an Intl formatter per
// call (what toLocaleString with options does) costs more than the rest of a chart's drawing.
const DAY_LABEL = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const TIME_LABEL = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "3 Jun" or "3 Jun, 14:00": a bucket's label, as precise as its step needs. */
export function bucketLabel(t: number, step: StepId): string {
  return (stepDef(step).unit === 'day' ? DAY_LABEL : TIME_LABEL).format(t);
}

/** "each hour", "each day": how a chart's caption says what one bar is. */
export function stepPhrase(step: StepId): string {
  return `each ${stepDef(step).label}`;
}
