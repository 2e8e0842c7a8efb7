import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { HOUR } from './range';
import {
  buildSeries,
  cleanValue,
  isAllZero,
  isEmptySeries,
  mergeSeries,
  OTHER_KEY,
  seriesFromPrometheus,
  seriesMean,
  seriesTotals,
  topSeries,
  type BucketOutcome,
  type SeriesDef,
} from './series';
import { mergeSources, sourceHealth, troubledSources } from './sources';
import { parseCsv, seriesCsv, toCsv } from './csv';

type SummaryTotals = components['schemas']['types.SummaryTotals'];

const T0 = Date.UTC(2025, 5, 1, 0);
const bucket = (i: number, open = false) => ({ start: T0 + i * HOUR, end: T0 + (i + 1) * HOUR, open });
const DEFS: SeriesDef[] = [
  { key: 'cpu_hours_total', label: 'CPU hours', unit: 'hours' },
  { key: 'gpu_hours_total', label: 'GPU hours', unit: 'hours' },
];
const pick = (d: SummaryTotals, key: string) => d[key as keyof SummaryTotals];
const ok = (
  i: number,
  data: SummaryTotals,
  sources?: { name: string; status: string }[],
): BucketOutcome<SummaryTotals> => ({
  bucket: bucket(i),
  state: 'ok',
  data,
  ...(sources ? { sources } : {}),
});

describe('building series from bucket totals', () => {
  it('gives one point per bucket with each series value', () => {
    const s = buildSeries(
      DEFS,
      [
        ok(0, { cpu_hours_total: 1.5, gpu_hours_total: 0 }),
        ok(1, { cpu_hours_total: 2, gpu_hours_total: 0.5 }),
      ],
      pick,
    );
    expect(s.points.map((p) => p.values)).toEqual([
      { cpu_hours_total: 1.5, gpu_hours_total: 0 },
      { cpu_hours_total: 2, gpu_hours_total: 0.5 },
    ]);
    expect(s.points.map((p) => p.t)).toEqual([T0, T0 + HOUR]);
    expect(s.problems).toEqual({ failed: 0, pending: 0, invalid: 0, partial: 0 });
    expect(seriesTotals(s)).toEqual({ cpu_hours_total: 3.5, gpu_hours_total: 0.5 });
  });

  it('leaves gaps for failed and pending buckets, never zeros, and keeps the first error', () => {
    const s = buildSeries(
      DEFS,
      [
        ok(0, { cpu_hours_total: 1, gpu_hours_total: 1 }),
        { bucket: bucket(1), state: 'error', error: 'invalid range: start must be before end' },
        { bucket: bucket(2), state: 'error', error: 'second error' },
        { bucket: bucket(3, true), state: 'pending' },
      ],
      pick,
    );
    expect(s.points.map((p) => p.values.cpu_hours_total)).toEqual([1, null, null, null]);
    expect(s.points.map((p) => p.state)).toEqual(['ok', 'error', 'error', 'pending']);
    expect(s.problems).toMatchObject({
      failed: 2,
      pending: 1,
      firstError: 'invalid range: start must be before end',
    });
    expect(isEmptySeries(s)).toBe(false);
  });

  it('turns NaN, infinities, negatives and non-numbers into counted gaps; a missing field is a plain gap', () => {
    const s = buildSeries(
      DEFS,
      [
        ok(0, { cpu_hours_total: NaN, gpu_hours_total: -3 }),
        ok(1, { cpu_hours_total: Infinity, gpu_hours_total: 'lots' as unknown as number }),
        ok(2, {}),
        ok(3, { cpu_hours_total: 0, gpu_hours_total: 2 }),
      ],
      pick,
    );
    expect(s.points.map((p) => [p.values.cpu_hours_total, p.values.gpu_hours_total])).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [0, 2],
    ]);
    expect(s.problems.invalid).toBe(4);
    expect(cleanValue('2.5')).toEqual({ value: 2.5, invalid: false });
    expect(cleanValue('NaN')).toEqual({ value: null, invalid: true });
    expect(cleanValue('')).toEqual({ value: null, invalid: true });
  });

  it('marks buckets whose sources were not ok as partial', () => {
    const s = buildSeries(
      DEFS,
      [
        ok(0, { cpu_hours_total: 1 }, [{ name: 'prometheus', status: 'ok' }]),
        ok(1, { cpu_hours_total: 1 }, [{ name: 'prometheus', status: 'error' }]),
        ok(2, { cpu_hours_total: 1 }),
      ],
      pick,
    );
    expect(s.points.map((p) => p.partial)).toEqual([false, true, false]);
    expect(s.problems.partial).toBe(1);
  });

  it('tells an empty chart from one where nothing was used', () => {
    const none = buildSeries(DEFS, [{ bucket: bucket(0), state: 'error', error: 'x' }], pick);
    expect(isEmptySeries(none)).toBe(true);
    const zeros = buildSeries(DEFS, [ok(0, { cpu_hours_total: 0, gpu_hours_total: 0 })], pick);
    expect(isEmptySeries(zeros)).toBe(false);
    expect(isAllZero(zeros)).toBe(true);
    expect(isEmptySeries(buildSeries(DEFS, [], pick))).toBe(true);
  });
});

describe('series from Prometheus', () => {
  const buckets = [bucket(0), bucket(1), bucket(2), bucket(3, true)];
  const sec = (ms: number) => ms / 1000;
  it('puts each point in the bucket it closes and leaves buckets without points as gaps', () => {
    const s = seriesFromPrometheus(
      buckets,
      [
        {
          labels: { label_oscar_service: 'cowsay' },
          values: [
            [sec(T0 + HOUR), '1.5'],
            [sec(T0 + 3 * HOUR), 'NaN'],
            [sec(T0 + 4 * HOUR), '0.25'],
            [sec(T0 + 9 * HOUR), '7'],
          ],
        },
      ],
      (labels) => ({
        key: labels.label_oscar_service ?? '?',
        label: labels.label_oscar_service ?? '?',
        unit: 'hours',
      }),
      HOUR,
    );
    expect(s.defs.map((d) => d.key)).toEqual(['cowsay']);
    // Bucket 1 had no point; bucket 2's point was NaN; the point at +4 h closes the open bucket; +9 h is past the range.
    expect(s.points.map((p) => p.values.cowsay)).toEqual([1.5, null, null, 0.25]);
    expect(s.problems.invalid).toBe(1);
  });
});

describe('keeping the largest series', () => {
  it('sums the rest into Other, with gaps staying gaps', () => {
    const defs = ['a', 'b', 'c', 'd'].map((k) => ({ key: k, label: k, unit: 'hours' as const }));
    const data = {
      defs,
      points: [
        {
          t: 0,
          end: 1,
          open: false,
          state: 'ok' as const,
          partial: false,
          values: { a: 10, b: 1, c: 2, d: null },
        },
        {
          t: 1,
          end: 2,
          open: false,
          state: 'ok' as const,
          partial: false,
          values: { a: 10, b: null, c: null, d: null },
        },
      ],
      problems: { failed: 0, pending: 0, invalid: 0, partial: 0 },
    };
    const top = topSeries(data, 3);
    expect(top.defs.map((d) => d.label)).toEqual(['a', 'c', 'Other (2)']);
    expect(top.points.map((p) => p.values[OTHER_KEY])).toEqual([1, null]);
    expect(topSeries(data, 10)).toBe(data);
  });
});

describe('sources', () => {
  it('classifies statuses and keeps the worst of each source with its latest update', () => {
    expect(['ok', 'OK', 'healthy'].map(sourceHealth)).toEqual(['ok', 'ok', 'ok']);
    expect(sourceHealth('degraded')).toBe('degraded');
    expect(sourceHealth('error')).toBe('failing');
    expect(sourceHealth(undefined)).toBe('unknown');
    const merged = mergeSources([
      [
        { name: 'prometheus', status: 'ok', last_updated: '2025-06-02T10:00:00Z' },
        { name: 'minio-audit', status: 'ok', last_updated: 'yesterday-ish' },
      ],
      [
        {
          name: 'prometheus',
          status: 'error',
          last_updated: '2025-06-02T09:00:00Z',
          notes: 'connection refused',
        },
      ],
      undefined,
      [{ status: 'ok' }],
    ]);
    expect(merged.map((s) => [s.name, s.health])).toEqual([
      ['prometheus', 'failing'],
      ['minio-audit', 'ok'],
      ['unnamed source', 'ok'],
    ]);
    expect(merged[0]).toMatchObject({ lastUpdated: Date.UTC(2025, 5, 2, 10), notes: 'connection refused' });
    expect(merged[1]!.lastUpdated).toBeNull();
    expect(troubledSources(merged).map((s) => s.name)).toEqual(['prometheus']);
  });
});

describe('CSV', () => {
  it('writes gaps as empty cells, notes why, and reads back', () => {
    const s = buildSeries(
      DEFS,
      [
        ok(0, { cpu_hours_total: 1.5, gpu_hours_total: 0 }),
        { bucket: bucket(1), state: 'error', error: 'boom' },
        ok(2, { cpu_hours_total: 2 }, [{ name: 'p', status: 'down' }]),
      ],
      pick,
    );
    const rows = parseCsv(seriesCsv(s));
    expect(rows).toEqual([
      ['start', 'end', 'CPU hours', 'GPU hours', 'note'],
      ['2025-06-01T00:00:00Z', '2025-06-01T01:00:00Z', '1.5', '0', ''],
      ['2025-06-01T01:00:00Z', '2025-06-01T02:00:00Z', '', '', 'failed to load'],
      ['2025-06-01T02:00:00Z', '2025-06-01T03:00:00Z', '2', '', 'partial: a source was not ok'],
    ]);
  });

  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    const text = toCsv(
      ['name', 'n'],
      [
        ['a,b', 1],
        ['say "hi"', 2],
        ['=cmd()', NaN],
        ['line\nbreak', null],
      ],
    );
    expect(text).toBe('name,n\r\n"a,b",1\r\n"say ""hi""",2\r\n\'=cmd(),\r\n"line\nbreak",\r\n');
    expect(parseCsv(text)[4]).toEqual(['line\nbreak', '']);
  });
});

describe('merging series', () => {
  it('puts series from separate answers side by side and adds up their problems', () => {
    const cpu = buildSeries(
      [DEFS[0]!],
      [ok(0, { cpu_hours_total: 1 }), { bucket: bucket(1), state: 'error', error: 'cpu failed' }],
      pick,
    );
    const gpu = buildSeries(
      [DEFS[1]!],
      [ok(0, { gpu_hours_total: 2 }), ok(1, { gpu_hours_total: NaN })],
      pick,
    );
    const both = mergeSeries([cpu, gpu]);
    expect(both.defs.map((d) => d.key)).toEqual(['cpu_hours_total', 'gpu_hours_total']);
    expect(both.points.map((p) => p.values)).toEqual([
      { cpu_hours_total: 1, gpu_hours_total: 2 },
      { cpu_hours_total: null, gpu_hours_total: null },
    ]);
    expect(both.points.map((p) => p.state)).toEqual(['ok', 'error']);
    expect(both.problems).toMatchObject({ failed: 1, invalid: 1, firstError: 'cpu failed' });
    expect(seriesMean(both, 'gpu_hours_total')).toBe(2);
    expect(seriesMean(both, 'nothing')).toBeNull();
    expect(mergeSeries([]).points).toEqual([]);
  });
});
