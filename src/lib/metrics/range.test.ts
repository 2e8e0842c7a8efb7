import { describe, expect, it } from 'vitest';
import {
  addStep,
  checkCustomRange,
  DAY,
  floorToStep,
  HOUR,
  MAX_OSCAR_BUCKETS,
  parseRangeParams,
  previousRange,
  refreshFor,
  resolveRange,
  rfc3339,
  splitRange,
  stepFor,
  writeRangeParams,
} from './range';

// Local-time helpers: bucket boundaries are local, so the tests build their expectations the same way
// and pass in any time zone.
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

describe('splitting a range into buckets', () => {
  it('covers the range with consecutive, whole hourly buckets, the last one open', () => {
    const now = local(2025, 6, 2, 10, 37);
    const buckets = splitRange({ start: now - DAY, end: now }, '1h', now);
    expect(buckets).toHaveLength(25);
    expect(buckets[0]).toEqual({ start: local(2025, 6, 1, 10), end: local(2025, 6, 1, 11), open: false });
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.start).toBe(buckets[i - 1]!.end);
    expect(buckets.at(-1)).toEqual({ start: local(2025, 6, 2, 10), end: now, open: true });
  });

  it('uses local midnights for days, so a DST day has its real length', () => {
    const now = local(2025, 4, 10, 12);
    const buckets = splitRange({ start: local(2025, 3, 20, 15), end: local(2025, 4, 5) }, '1d', now);
    expect(buckets[0]!.start).toBe(local(2025, 3, 20));
    expect(buckets).toHaveLength(16);
    for (const b of buckets) {
      expect(new Date(b.start).getHours()).toBe(0);
      expect(b.open).toBe(false);
    }
    const lengths = new Set(buckets.map((b) => (b.end - b.start) / HOUR));
    // 24 everywhere, except 23 on the spring-forward day where the local zone has one.
    expect([...lengths].every((h) => h === 24 || h === 23)).toBe(true);
  });

  it('shares buckets between ranges, so cached totals are reused when the range changes', () => {
    const now = local(2025, 6, 2, 10, 37);
    const key = (b: { start: number; end: number }) => `${b.start}-${b.end}`;
    const d90 = new Set(splitRange({ start: now - 90 * DAY, end: now }, '1d', now).map(key));
    const d30 = splitRange({ start: now - 30 * DAY, end: now }, '1d', now).map(key);
    expect(d30.every((k) => d90.has(k))).toBe(true);
  });

  it('asks nothing for the future, nor for an empty or reversed range', () => {
    const now = local(2025, 6, 2, 10, 0);
    expect(splitRange({ start: now + HOUR, end: now + 5 * HOUR }, '1h', now)).toEqual([]);
    expect(splitRange({ start: now - HOUR, end: now - HOUR }, '1h', now)).toEqual([]);
    expect(splitRange({ start: now, end: now - 5 * HOUR }, '1h', now)).toEqual([]);
    const past = splitRange({ start: now - 3 * HOUR, end: now + 5 * HOUR }, '1h', now);
    expect(past).toHaveLength(3);
    expect(past.at(-1)!.end).toBe(now);
  });

  it('refuses to build an absurd number of buckets', () => {
    expect(() => splitRange({ start: 0, end: 365 * DAY }, '5m', 400 * DAY, 1000)).toThrow(/more than 1000/);
  });

  it('aligns minutes, hours and weeks', () => {
    const t = local(2025, 6, 4, 13, 52);
    expect(floorToStep(t, '15m')).toBe(local(2025, 6, 4, 13, 45));
    expect(floorToStep(t, '6h')).toBe(local(2025, 6, 4, 12));
    // 4 June 2025 is a Wednesday; weeks start on Monday the 2nd.
    expect(floorToStep(t, '7d')).toBe(local(2025, 6, 2));
    expect(addStep(local(2025, 6, 2), '7d')).toBe(local(2025, 6, 9));
    expect(addStep(local(2025, 6, 30), '1d')).toBe(local(2025, 7, 1));
  });

  it('picks the finest step within the bucket budget', () => {
    expect(stepFor(6 * HOUR, MAX_OSCAR_BUCKETS)).toBe('15m');
    expect(stepFor(2 * DAY, MAX_OSCAR_BUCKETS)).toBe('1h');
    expect(stepFor(10 * DAY, MAX_OSCAR_BUCKETS)).toBe('6h');
    expect(stepFor(400 * DAY, MAX_OSCAR_BUCKETS)).toBe('7d');
    expect(stepFor(90 * DAY, 2200, ['5m', '15m', '1h', '3h'])).toBe('1h');
  });
});

describe('the range in the URL', () => {
  it('reads presets and defaults to the last 7 days', () => {
    expect(parseRangeParams(new URLSearchParams(''))).toEqual({ spec: { kind: 'preset', preset: '7d' } });
    expect(parseRangeParams(new URLSearchParams('range=90d'))).toEqual({
      spec: { kind: 'preset', preset: '90d' },
    });
    expect(parseRangeParams(new URLSearchParams('range=3y'))).toMatchObject({
      spec: { kind: 'preset', preset: '7d' },
      problem: expect.stringContaining('"3y" is not a range'),
    });
  });

  it('reads a custom range and says what is wrong with a bad one', () => {
    const ok = parseRangeParams(new URLSearchParams('start=2025-05-01T00:00:00Z&end=2025-05-03T12:00:00Z'));
    expect(ok.spec).toEqual({ kind: 'custom', start: Date.UTC(2025, 4, 1), end: Date.UTC(2025, 4, 3, 12) });
    expect(ok.problem).toBeUndefined();

    const reversed = parseRangeParams(
      new URLSearchParams('start=2025-05-03T00:00:00Z&end=2025-05-01T00:00:00Z'),
    );
    expect(reversed.spec).toEqual({ kind: 'preset', preset: '7d' });
    expect(reversed.problem).toMatch(/start is after the end/);

    expect(
      parseRangeParams(new URLSearchParams('start=2025-05-03T00:00:00Z&end=2025-05-03T00:00:00Z')).problem,
    ).toMatch(/empty/);
    expect(parseRangeParams(new URLSearchParams('start=yesterday&end=2025-05-03')).problem).toMatch(
      /start "yesterday" is not a date/,
    );
    expect(parseRangeParams(new URLSearchParams('start=2025-05-03')).problem).toMatch(/end "" is not a date/);
  });

  it('writes the range back, keeping the other parameters', () => {
    const p = new URLSearchParams('by=country&range=30d');
    expect(writeRangeParams(p, { kind: 'preset', preset: '24h' }).toString()).toBe('by=country&range=24h');
    expect(writeRangeParams(p, { kind: 'preset', preset: '7d' }).toString()).toBe('by=country');
    const custom = writeRangeParams(p, {
      kind: 'custom',
      start: Date.UTC(2025, 0, 1),
      end: Date.UTC(2025, 0, 2, 6, 30),
    });
    expect(custom.get('start')).toBe('2025-01-01T00:00:00Z');
    expect(custom.get('end')).toBe('2025-01-02T06:30:00Z');
    expect(custom.has('range')).toBe(false);
    expect(parseRangeParams(custom).spec).toEqual({
      kind: 'custom',
      start: Date.UTC(2025, 0, 1),
      end: Date.UTC(2025, 0, 2, 6, 30),
    });
  });

  it('checks custom ranges', () => {
    expect(checkCustomRange(1, 2)).toBeNull();
    expect(checkCustomRange(2, 1)).toMatch(/after/);
    expect(checkCustomRange(NaN, 1)).toMatch(/dates/);
  });
});

describe('resolving a range', () => {
  const now = Date.UTC(2025, 5, 2, 10, 0);
  it('gives presets their length, step and refresh, and the previous period', () => {
    const r = resolveRange({ kind: 'preset', preset: '24h' }, now);
    expect(r).toMatchObject({
      start: now - DAY,
      end: now,
      step: '1h',
      refreshMs: 60_000,
      label: 'Last 24 hours',
    });
    expect(resolveRange({ kind: 'preset', preset: '90d' }, now)).toMatchObject({
      step: '1d',
      refreshMs: null,
    });
    expect(previousRange(r)).toEqual({ start: now - 2 * DAY, end: now - DAY });
  });

  it('keeps custom ranges still, with a step that fits their length', () => {
    expect(resolveRange({ kind: 'custom', start: now - 6 * HOUR, end: now }, now)).toMatchObject({
      refreshMs: null,
      step: '15m',
    });
    expect(resolveRange({ kind: 'custom', start: now - 30 * DAY, end: now - 20 * DAY }, now)).toMatchObject({
      refreshMs: null,
      step: '6h',
    });
    expect(refreshFor({ kind: 'preset', preset: '7d' })).toBe(300_000);
    expect(refreshFor({ kind: 'preset', preset: '30d' })).toBeNull();
  });

  it('writes RFC 3339 without milliseconds', () => {
    expect(rfc3339(Date.UTC(2025, 5, 2, 10, 0, 0, 123))).toBe('2025-06-02T10:00:00Z');
  });
});
