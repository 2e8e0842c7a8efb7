// The calls to services that OSCAR's manager logged (GET /system/logs/, admin only): read as the real
// server answers ({ logs: [...] } in JSON, not the spec's text; NOTES.md and mocks/contract.test.ts), and
// summed per period and per service for the status page's usage chart (PARITY ST1).
import { z } from 'zod';
import { addStep, floorToStep, stepFor, type StepId } from '../../../lib/metrics/range';
import { emptyProblems, type SeriesData, type SeriesPoint } from '../../../lib/metrics/series';

const entry = z.object({
  timestamp: z.string(),
  status: z.coerce.number(),
  latency: z.string().default(''),
  client_ip: z.string().default(''),
  method: z.string().default(''),
  path: z.string().default(''),
  user: z.string().default(''),
  raw: z.string().default(''),
});

export type Execution = z.infer<typeof entry> & { t: number; latencyMs: number | null; service: string };

/** The manager's answer, whichever way it came (a JSON object, or text holding one). */
export function readExecutions(body: unknown): { executions: Execution[]; skipped: number } {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new Error('The cluster answered its execution log in a form Lagoon does not read (not JSON).');
    }
  }
  const list = z.object({ logs: z.array(z.unknown()).nullable() }).safeParse(value);
  if (!list.success) throw new Error('The cluster answered its execution log without a "logs" list.');
  const executions: Execution[] = [];
  let skipped = 0;
  for (const raw of list.data.logs ?? []) {
    const e = entry.safeParse(raw);
    const t = e.success ? Date.parse(e.data.timestamp) : NaN;
    if (!e.success || !Number.isFinite(t)) {
      skipped++;
      continue;
    }
    executions.push({ ...e.data, t, latencyMs: latencyMs(e.data.latency), service: serviceOf(e.data.path) });
  }
  executions.sort((a, b) => a.t - b.t);
  return { executions, skipped };
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ns: 1e-6 };

/** A Go duration as gin prints it ("850µs", "12.5ms", "1.2s", "1m3.5s") in milliseconds; null if it is not one. */
export function latencyMs(text: string): number | null {
  const s = text.trim();
  if (!s) return null;
  let total = 0;
  let rest = s;
  const part = /^(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|μs|ns)/;
  while (rest) {
    const m = part.exec(rest);
    if (!m) return null;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return total;
}

/** The service a /run or /job call was for ("" for other paths). */
export function serviceOf(path: string): string {
  const m = /^\/(?:run|job)\/([^/?#]+)/.exec(path);
  return m ? decodeURIComponent(m[1]!) : '';
}

export const CALL_SERIES = [
  { key: 'ok', label: 'Answered', unit: 'requests' },
  { key: 'failed', label: 'Failed (4xx, 5xx)', unit: 'requests' },
] as const;

/** Calls per period, split by outcome, over the span the log covers (at most `maxBuckets` periods). */
export function callsOverTime(executions: readonly Execution[], now: number, maxBuckets = 48): { data: SeriesData; step: StepId } {
  const first = executions[0]?.t ?? now;
  const step = stepFor(Math.max(now - first, 1), maxBuckets);
  const points: SeriesPoint[] = [];
  const index = new Map<number, SeriesPoint>();
  for (let t = floorToStep(first, step); t <= now; t = addStep(t, step)) {
    const end = addStep(t, step);
    const p: SeriesPoint = { t, end, open: end > now, values: { ok: 0, failed: 0 }, state: 'ok', partial: false };
    points.push(p);
    index.set(t, p);
  }
  for (const e of executions) {
    const p = index.get(floorToStep(e.t, step));
    if (!p) continue;
    const key = e.status >= 400 ? 'failed' : 'ok';
    p.values[key] = (p.values[key] ?? 0) + 1;
  }
  return { data: { defs: CALL_SERIES, points, problems: emptyProblems() }, step };
}

export interface ServiceCalls {
  service: string;
  calls: number;
  failed: number;
  /** Median and 95th percentile of the latencies the log gives, in ms (null when none could be read). */
  medianMs: number | null;
  p95Ms: number | null;
}

/** Per service, most called first. */
export function callsByService(executions: readonly Execution[]): ServiceCalls[] {
  const by = new Map<string, Execution[]>();
  for (const e of executions) {
    if (!e.service) continue;
    const list = by.get(e.service) ?? [];
    list.push(e);
    by.set(e.service, list);
  }
  return [...by]
    .map(([service, list]) => {
      const lat = list.map((e) => e.latencyMs).filter((v): v is number => v !== null).sort((a, b) => a - b);
      return {
        service,
        calls: list.length,
        failed: list.filter((e) => e.status >= 400).length,
        medianMs: quantile(lat, 0.5),
        p95Ms: quantile(lat, 0.95),
      };
    })
    .sort((a, b) => b.calls - a.calls || a.service.localeCompare(b.service));
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** "850 µs", "12.5 ms", "1.20 s". */
export function formatLatency(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
