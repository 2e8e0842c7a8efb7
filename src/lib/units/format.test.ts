import { describe, expect, it } from 'vitest';
import {
  change,
  compact,
  formatBytes,
  formatCount,
  formatHours,
  formatPercent,
  formatTick,
  formatValue,
  NO_VALUE,
  timeAgo,
} from './format';

describe('compact numbers', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [0.5, '0.5'],
    [12.345, '12.3'],
    [999, '999'],
    [1000, '1k'],
    [12_345, '12.3k'],
    [999_499, '999k'],
    [4_200_000, '4.2M'],
    [-2500, '-2.5k'],
    [3.2e9, '3.2G'],
  ])('%s → %s', (n, text) => {
    expect(compact(n)).toBe(text);
  });

  it('prints a dash for what is not a number', () => {
    for (const bad of [NaN, Infinity, -Infinity, null, undefined]) expect(compact(bad)).toBe(NO_VALUE);
  });
});

describe('units', () => {
  it('writes hours, bytes in binary units and counts with their noun', () => {
    expect(formatHours(0.25)).toBe('0.25 h');
    expect(formatHours(1530)).toBe('1.53k h');
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GiB');
    expect(formatBytes(256 * 1024 ** 4)).toBe('256 TiB');
    expect(formatBytes(NaN)).toBe(NO_VALUE);
    expect(formatCount(1, 'request')).toBe('1 request');
    expect(formatCount(12_300, 'request')).toBe('12.3k requests');
    expect(formatCount(2, 'country', 'countries')).toBe('2 countries');
    expect(formatValue('requests', 4)).toBe('4 requests');
    expect(formatValue('cores', 1)).toBe('1 core');
    expect(formatTick('requests', 12_000)).toBe('12k');
    expect(formatTick('bytes', 2 * 1024 ** 3)).toBe('2 GiB');
  });

  it('keeps a small share visible instead of rounding it to nothing', () => {
    expect(formatPercent(0.004)).toBe('<1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.426)).toBe('43%');
    expect(formatPercent(NaN)).toBe(NO_VALUE);
  });
});

describe('change from the previous period', () => {
  it('words rises, falls, no change, new and unknown', () => {
    expect(change(112, 100)).toMatchObject({ direction: 'up', text: '+12%' });
    expect(change(92, 100)).toMatchObject({ direction: 'down', text: '−8%' });
    expect(change(100.2, 100)).toMatchObject({ direction: 'same', text: 'no change' });
    expect(change(5, 0)).toMatchObject({ direction: 'new', text: 'new', ratio: null });
    expect(change(0, 0)).toMatchObject({ direction: 'same', text: 'no change' });
    expect(change(5, NaN)).toMatchObject({ direction: 'unknown', text: NO_VALUE });
    expect(change(undefined, 3)).toMatchObject({ direction: 'unknown' });
    expect(change(3000, 100).text).toBe('+2,900%');
  });
});

describe('time ago', () => {
  const now = Date.UTC(2025, 5, 2, 12);
  it('reads minutes, hours and days, and treats the future as now', () => {
    expect(timeAgo(now - 10_000, now)).toBe('just now');
    expect(timeAgo(now + 60_000, now)).toBe('just now');
    expect(timeAgo(now - 3 * 60_000, now)).toBe('3 min ago');
    expect(timeAgo(now - 5 * 3_600_000, now)).toBe('5 h ago');
    expect(timeAgo(now - 4 * 86_400_000, now)).toBe('4 days ago');
    expect(timeAgo(NaN, now)).toBe(NO_VALUE);
  });
});
