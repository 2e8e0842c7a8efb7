import { describe, expect, it } from 'vitest';
import { callsByService, callsOverTime, formatLatency, latencyMs, readExecutions, serviceOf } from './executions';

const row = (timestamp: string, path: string, status = 200, latency = '12.5ms') => ({
  timestamp,
  status,
  latency,
  client_ip: '10.42.0.1',
  method: 'POST',
  path,
  user: 'ana',
  raw: '[GIN-EXECUTIONS-LOGGER] …',
});

describe('the manager’s execution log', () => {
  it('reads gin’s durations in milliseconds', () => {
    expect(latencyMs('850µs')).toBeCloseTo(0.85);
    expect(latencyMs('850us')).toBeCloseTo(0.85);
    expect(latencyMs('12.5ms')).toBe(12.5);
    expect(latencyMs('1.2s')).toBe(1200);
    expect(latencyMs('1m3.5s')).toBe(63_500);
    expect(latencyMs('120ns')).toBeCloseTo(0.00012);
    expect(latencyMs('')).toBeNull();
    expect(latencyMs('fast')).toBeNull();
    expect(latencyMs('12 parsecs')).toBeNull();
  });

  it('names the service of /run and /job calls only', () => {
    expect(serviceOf('/run/cowsay')).toBe('cowsay');
    expect(serviceOf('/job/fish-detector?x=1')).toBe('fish-detector');
    expect(serviceOf('/system/services')).toBe('');
  });

  it('reads the JSON the server sends (or text holding it), skipping entries without a usable time', () => {
    const body = { logs: [row('2026-12-04T10:05:00Z', '/run/cowsay'), { timestamp: 'yesterday', status: 200 }, row('2026-12-04T09:00:00Z', '/job/fish', 500, '2s')] };
    const { executions, skipped } = readExecutions(JSON.stringify(body));
    expect(skipped).toBe(1);
    expect(executions.map((e) => [e.service, e.status, e.latencyMs])).toEqual([
      ['fish', 500, 2000],
      ['cowsay', 200, 12.5],
    ]);
    expect(readExecutions({ logs: null }).executions).toEqual([]);
    expect(() => readExecutions('<html>')).toThrow(/not JSON/);
    expect(() => readExecutions({ entries: [] })).toThrow(/without a "logs" list/);
  });

  it('sums calls per period, failures apart, and per service with median and 95th percentile latency', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    const { executions } = readExecutions({
      logs: [
        row('2026-12-04T10:01:00Z', '/run/cowsay', 200, '10ms'),
        row('2026-12-04T10:02:00Z', '/run/cowsay', 200, '30ms'),
        row('2026-12-04T10:03:00Z', '/run/cowsay', 502, '20ms'),
        row('2026-12-04T11:30:00Z', '/job/fish', 201, '5ms'),
      ],
    });
    const { data } = callsOverTime(executions, now);
    const totals = data.points.reduce((s, p) => ({ ok: s.ok + (p.values.ok ?? 0), failed: s.failed + (p.values.failed ?? 0) }), { ok: 0, failed: 0 });
    expect(totals).toEqual({ ok: 3, failed: 1 });
    expect(data.points.at(-1)!.open).toBe(true);
    expect(callsByService(executions)).toEqual([
      { service: 'cowsay', calls: 3, failed: 1, medianMs: 20, p95Ms: 30 },
      { service: 'fish', calls: 1, failed: 0, medianMs: 5, p95Ms: 5 },
    ]);
  });

  it('prints latencies as people read them', () => {
    expect(formatLatency(0.85)).toBe('850 µs');
    expect(formatLatency(2.25)).toBe('2.3 ms');
    expect(formatLatency(140)).toBe('140 ms');
    expect(formatLatency(1200)).toBe('1.20 s');
    expect(formatLatency(null)).toBe('–');
  });
});
