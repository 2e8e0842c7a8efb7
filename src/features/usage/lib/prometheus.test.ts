import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../lib/metrics/limit';
import {
  DEFAULT_QUERIES,
  normaliseBaseUrl,
  parsePrometheusConfig,
  parseQueryRange,
  PrometheusError,
  queryDefs,
  queryRangeUrl,
  renderQuery,
  seriesName,
} from './prometheus';

describe('Prometheus queries', () => {
  it('puts the step into the query as a duration and as seconds', () => {
    expect(renderQuery('sum(increase(x[$step])) * $stepSeconds', 3600)).toBe(
      'sum(increase(x[3600s])) * 3600',
    );
    expect(renderQuery(DEFAULT_QUERIES.gpu.expr, 300)).toContain('[300s:1m]');
  });

  it('builds the query_range URL in seconds', () => {
    const url = new URL(
      queryRangeUrl('http://127.0.0.1:9090/', 'up', Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 2), 3600),
    );
    expect(url.pathname).toBe('/api/v1/query_range');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      query: 'up',
      start: '1735689600',
      end: '1735776000',
      step: '3600',
    });
  });

  it('checks and tidies the base URL', () => {
    expect(normaliseBaseUrl(' https://prom.example.org/ ')).toEqual({ url: 'https://prom.example.org' });
    expect(normaliseBaseUrl('https://example.org/prometheus/api/v1')).toEqual({
      url: 'https://example.org/prometheus',
    });
    expect(normaliseBaseUrl('')).toMatchObject({ problem: expect.stringMatching(/Enter/) });
    expect(normaliseBaseUrl('prometheus:9090')).toMatchObject({ problem: expect.stringMatching(/http/) });
    expect(normaliseBaseUrl('not a url')).toMatchObject({
      problem: expect.stringMatching(/not a web address/),
    });
    expect(normaliseBaseUrl('https://p.example.org/?x=1')).toMatchObject({
      problem: expect.stringMatching(/query/),
    });
  });
});

describe('reading a query_range answer', () => {
  it('returns each series with its labels and values', () => {
    const series = parseQueryRange({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { label_oscar_service: 'cowsay' },
            values: [
              [1735689600, '1.5'],
              [1735693200, 'NaN'],
              ['bad', '1'],
            ],
          },
          { metric: {}, values: [] },
          'garbage',
        ],
      },
    });
    expect(series).toEqual([
      {
        labels: { label_oscar_service: 'cowsay' },
        values: [
          [1735689600, '1.5'],
          [1735693200, 'NaN'],
        ],
      },
      { labels: {}, values: [] },
    ]);
  });

  it('passes on Prometheus’ own words when it refuses a query', () => {
    const err = (() => {
      try {
        parseQueryRange({ status: 'error', errorType: 'bad_data', error: 'parse error at char 5' }, 400);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PrometheusError);
    expect((err as PrometheusError).message).toBe(
      'Prometheus refused the query (bad_data): parse error at char 5',
    );
    expect((err as PrometheusError).status).toBe(400);
    expect(() => parseQueryRange('<html>proxy login</html>')).toThrow(/not an API answer/);
    expect(() => parseQueryRange({ status: 'success', data: { resultType: 'vector', result: [] } })).toThrow(
      /vector/,
    );
  });

  it('names a series by its legend label, else its labels, else the query', () => {
    expect(seriesName({ label_oscar_service: 'plants' }, DEFAULT_QUERIES.cpuByService)).toBe('plants');
    expect(seriesName({ pod: 'x', __name__: 'm' }, DEFAULT_QUERIES.cpuByService)).toBe('pod=x');
    expect(seriesName({}, DEFAULT_QUERIES.cpu)).toBe('CPU hours');
  });
});

describe('public/prometheus.json', () => {
  it('keeps valid cluster entries and query overrides, ignoring the rest', () => {
    const config = parsePrometheusConfig({
      clusters: {
        'https://oscar.example.org/': 'https://prom.example.org/',
        'https://x': 'ftp://nope',
        'https://y': 3,
      },
      queries: { cpu: 'sum(rate(my_cpu[$step])) * $stepSeconds / 3600', unknown: 'x', gpu: '  ' },
    });
    expect(config.clusters).toEqual({ 'https://oscar.example.org': 'https://prom.example.org' });
    expect(queryDefs(config).cpu.expr).toBe('sum(rate(my_cpu[$step])) * $stepSeconds / 3600');
    expect(queryDefs(config).gpu.expr).toBe(DEFAULT_QUERIES.gpu.expr);
    expect(parsePrometheusConfig(null)).toEqual({ clusters: {}, queries: {} });
  });
});

describe('the request limiter', () => {
  it('runs at most N tasks at once, in order, and skips tasks cancelled while waiting', async () => {
    const limiter = createLimiter(2);
    const started: number[] = [];
    let peak = 0;
    const releases: (() => void)[] = [];
    const task = (i: number) => () =>
      new Promise<number>((resolve) => {
        started.push(i);
        peak = Math.max(peak, limiter.active);
        releases.push(() => resolve(i));
      });
    const abort = new AbortController();
    const results = [
      limiter.run(task(0)),
      limiter.run(task(1)),
      limiter.run(task(2), abort.signal),
      limiter.run(task(3)),
    ];
    expect(started).toEqual([0, 1]);
    expect(limiter.queued).toBe(2);
    abort.abort();
    await expect(results[2]).rejects.toThrow();
    releases.shift()!();
    await results[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 3]);
    while (releases.length) releases.shift()!();
    await expect(Promise.all([results[0], results[1], results[3]])).resolves.toEqual([0, 1, 3]);
    expect(peak).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('lets a task go ahead of those waiting', async () => {
    const limiter = createLimiter(1);
    const order: string[] = [];
    let release = () => {};
    const blocker = limiter.run(() => new Promise<void>((r) => (release = r)));
    const later = limiter.run(async () => void order.push('bucket'));
    const first = limiter.run(async () => void order.push('summary'), undefined, true);
    release();
    await Promise.all([blocker, later, first]);
    expect(order).toEqual(['summary', 'bucket']);
  });

  it('lets a failing task free its slot', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
