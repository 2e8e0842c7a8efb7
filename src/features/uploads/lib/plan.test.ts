import { describe, expect, it } from 'vitest';
import { choosePartSize, contentTypeFor, GiB, joinKey, keepBothKey, MiB, partRanges, sameFile, usesMultipart } from './plan';
import { createSpeedMeter, formatBytes, formatDuration, timeLeft } from '../../../lib/units/transfer';

describe('upload planning', () => {
  it('keeps parts at the preferred size for smaller files, grows them to 32 MiB for large ones, then to fit 10,000', () => {
    expect(choosePartSize(50 * MiB)).toBe(8 * MiB);
    expect(choosePartSize(256 * MiB)).toBe(8 * MiB);
    expect(choosePartSize(256 * MiB + 1)).toBe(9 * MiB);
    expect(choosePartSize(512 * MiB)).toBe(16 * MiB);
    expect(choosePartSize(1 * GiB)).toBe(32 * MiB);
    expect(choosePartSize(100 * GiB)).toBe(32 * MiB);
    expect(choosePartSize(1 * MiB, 1 * MiB)).toBe(5 * MiB);
    expect(choosePartSize(50 * MiB, 5 * MiB)).toBe(5 * MiB);
    // 400 GiB / 10,000 = 40.96 MiB → 41 MiB parts.
    expect(choosePartSize(400 * GiB)).toBe(41 * MiB);
    expect(partRanges(400 * GiB, choosePartSize(400 * GiB)).length).toBeLessThanOrEqual(10_000);
  });

  it('cuts a file into consecutive ranges with a short last part', () => {
    expect(partRanges(21, 8)).toEqual([
      { partNumber: 1, start: 0, end: 8 },
      { partNumber: 2, start: 8, end: 16 },
      { partNumber: 3, start: 16, end: 21 },
    ]);
    expect(partRanges(0, 8)).toEqual([]);
    expect(usesMultipart(16 * MiB)).toBe(false);
    expect(usesMultipart(16 * MiB + 1)).toBe(true);
  });

  it('joins keys without normalising them', () => {
    expect(joinKey('in', 'photos/a.jpg')).toBe('in/photos/a.jpg');
    expect(joinKey('in/', '../x')).toBe('in/../x');
    expect(joinKey('', 'a%2Fb.txt')).toBe('a%2Fb.txt');
  });

  it('finds the first free "keep both" name', () => {
    const taken = new Set(['in/photo.jpg', 'in/photo (1).jpg']);
    expect(keepBothKey('in/photo.jpg', (k) => taken.has(k))).toBe('in/photo (2).jpg');
    expect(keepBothKey('README', () => false)).toBe('README (1)');
    expect(keepBothKey('.env', () => false)).toBe('.env (1)');
    expect(keepBothKey('a.b/c', () => false)).toBe('a.b/c (1)');
  });

  it('recognises the same file by name, size and date', () => {
    const f = { name: 'a.h5', size: 10, lastModified: 5 };
    expect(sameFile(f, { ...f })).toBe(true);
    expect(sameFile(f, { ...f, lastModified: 6 })).toBe(false);
  });

  it('guesses a content type from the extension when the browser gives none', () => {
    expect(contentTypeFor('x.CSV')).toBe('text/csv');
    expect(contentTypeFor('x.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('noext')).toBe('application/octet-stream');
    expect(contentTypeFor('x.csv', 'application/vnd.ms-excel')).toBe('application/vnd.ms-excel');
  });
});

describe('speed and time left', () => {
  it('measures over a sliding window', () => {
    const m = createSpeedMeter(2000);
    m.sample(0, 0);
    expect(m.speed(100)).toBe(0);
    m.sample(1000, 1_000_000);
    expect(m.speed(1000)).toBe(1_000_000);
    m.sample(2000, 3_000_000);
    m.sample(3000, 4_000_000);
    // The window drops the first sample: 3 MB over the last 2 s.
    expect(m.speed(3000)).toBe(1_500_000);
    // A stall shows as no speed rather than an old average.
    m.sample(6000, 4_000_000);
    expect(m.speed(6000)).toBe(0);
    expect(timeLeft(3_000_000, 1_000_000)).toBe(3);
    expect(timeLeft(1, 0)).toBeNull();
  });

  it('formats sizes and durations for people', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.50 KB');
    expect(formatBytes(52_428_800)).toBe('50.0 MB');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(7260)).toBe('2 h 1 min');
    expect(formatDuration(null)).toBe('—');
  });
});
