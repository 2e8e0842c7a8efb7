// Prometheus' HTTP API (GET /api/v1/query_range) for clusters that expose it: one request gives a whole
// series at a fine step, where OSCAR's totals need a request per bucket. The queries read what a
// Kubernetes cluster with cAdvisor and kube-state-metrics exports for OSCAR's services namespace;
// a cluster with other names overrides them in public/prometheus.json.
import type { PromSeries } from '../../../lib/metrics/series';
import type { StepId } from '../../../lib/metrics/range';
import type { UnitKind } from '../../../lib/units/format';

export type PromQueryId = 'cpu' | 'gpu' | 'memory' | 'cpuByService';

export interface PromQueryDef {
  id: PromQueryId;
  label: string;
  unit: UnitKind;
  /** PromQL; `$step` becomes the step as a duration ("3600s"), `$stepSeconds` the number. */
  expr: string;
  /** For queries returning one series per group: the label that names each series. */
  legendLabel?: string;
}

const NS = 'namespace="oscar-svc"';

export const DEFAULT_QUERIES: Record<PromQueryId, PromQueryDef> = {
  cpu: {
    id: 'cpu',
    label: 'CPU hours',
    unit: 'hours',
    expr: `sum(increase(container_cpu_usage_seconds_total{${NS},container!=""}[$step])) / 3600`,
  },
  gpu: {
    id: 'gpu',
    label: 'GPU hours',
    unit: 'hours',
    // GPUs requested, sampled each minute while the pod exists, over the minutes in the window (a
    // count rather than step/60: Prometheus 2 closes range windows at both ends, 3 at one), times hours.
    expr:
      `sum(sum_over_time(kube_pod_container_resource_requests{${NS},resource="nvidia_com_gpu"}[$step:1m]))` +
      ` / on() count_over_time(vector(1)[$step:1m]) * $stepSeconds / 3600`,
  },
  memory: {
    id: 'memory',
    label: 'Memory in use (average)',
    unit: 'bytes',
    expr: `avg_over_time(sum(container_memory_working_set_bytes{${NS},container!=""})[$step:1m])`,
  },
  cpuByService: {
    id: 'cpuByService',
    label: 'CPU hours by service',
    unit: 'hours',
    // OSCAR labels every pod it starts with oscar_service=<name>; kube-state-metrics exports it.
    expr:
      `sum by (label_oscar_service) (increase(container_cpu_usage_seconds_total{${NS},container!=""}[$step])` +
      ` * on (namespace, pod) group_left (label_oscar_service) kube_pod_labels{${NS}}) / 3600`,
    legendLabel: 'label_oscar_service',
  },
};

/** Steps Prometheus is asked for, and how many points a chart may have. */
export const PROM_STEPS: readonly StepId[] = ['5m', '15m', '1h', '3h', '6h', '1d'];
export const PROM_MAX_POINTS = 2200;

export function renderQuery(expr: string, stepSeconds: number): string {
  // $stepSeconds first: "$step" is its prefix.
  return expr.replaceAll('$stepSeconds', String(stepSeconds)).replaceAll('$step', `${stepSeconds}s`);
}

/** The base URL as typed, checked: http(s), no query; a trailing slash or /api/v1 is dropped. */
export function normaliseBaseUrl(raw: string): { url: string } | { problem: string } {
  const text = raw.trim();
  if (!text) return { problem: 'Enter the address of the Prometheus server.' };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { problem: `"${text}" is not a web address (e.g. https://prometheus.example.org).` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return { problem: 'The address must start with http:// or https://.' };
  if (u.search || u.hash) return { problem: 'The address must not have a query (?…) or a fragment (#…).' };
  const path = u.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return { url: `${u.origin}${path}` };
}

export function queryRangeUrl(
  base: string,
  query: string,
  start: number,
  end: number,
  stepSeconds: number,
): string {
  const p = new URLSearchParams({
    query,
    start: String(start / 1000),
    end: String(end / 1000),
    step: String(stepSeconds),
  });
  return `${base.replace(/\/+$/, '')}/api/v1/query_range?${p.toString()}`;
}

export class PrometheusError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'http' | 'query' | 'shape',
    readonly status = 0,
  ) {
    super(message);
    this.name = 'PrometheusError';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A query_range answer's series; throws PrometheusError with Prometheus' own words when it failed. */
export function parseQueryRange(body: unknown, httpStatus = 200): PromSeries[] {
  if (!isRecord(body))
    throw new PrometheusError('Prometheus sent something that is not an API answer.', 'shape', httpStatus);
  if (body.status === 'error') {
    const what = typeof body.error === 'string' ? body.error : 'unknown error';
    const type = typeof body.errorType === 'string' ? ` (${body.errorType})` : '';
    throw new PrometheusError(`Prometheus refused the query${type}: ${what}`, 'query', httpStatus);
  }
  const data = body.data;
  if (body.status !== 'success' || !isRecord(data))
    throw new PrometheusError('Prometheus sent an answer without data.', 'shape', httpStatus);
  if (data.resultType !== 'matrix' || !Array.isArray(data.result)) {
    throw new PrometheusError(
      `Prometheus answered a ${String(data.resultType)} where a range query gives a matrix.`,
      'shape',
      httpStatus,
    );
  }
  return data.result.flatMap((r): PromSeries[] => {
    if (!isRecord(r) || !Array.isArray(r.values)) return [];
    const labels: Record<string, string> = {};
    if (isRecord(r.metric))
      for (const [k, v] of Object.entries(r.metric)) if (typeof v === 'string') labels[k] = v;
    const values = r.values.flatMap((v): (readonly [number, string])[] =>
      Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string' ? [[v[0], v[1]] as const] : [],
    );
    return [{ labels, values }];
  });
}

/** The name for one series of a grouped query: its legend label, else all its labels, else the query's. */
export function seriesName(labels: Record<string, string>, def: PromQueryDef): string {
  if (def.legendLabel) {
    const v = labels[def.legendLabel];
    if (v) return v;
  }
  const rest = Object.entries(labels).filter(([k]) => k !== '__name__');
  if (rest.length) return rest.map(([k, v]) => `${k}=${v}`).join(', ');
  return def.label;
}

/** public/prometheus.json: where each cluster's Prometheus is, and any queries to override. */
export interface PrometheusFileConfig {
  /** Cluster endpoint → Prometheus base URL. */
  clusters: Record<string, string>;
  queries: Partial<Record<PromQueryId, string>>;
}

export function parsePrometheusConfig(json: unknown): PrometheusFileConfig {
  const out: PrometheusFileConfig = { clusters: {}, queries: {} };
  if (!isRecord(json)) return out;
  if (isRecord(json.clusters)) {
    for (const [endpoint, url] of Object.entries(json.clusters)) {
      if (typeof url !== 'string') continue;
      const n = normaliseBaseUrl(url);
      if ('url' in n) out.clusters[endpoint.replace(/\/+$/, '')] = n.url;
    }
  }
  if (isRecord(json.queries)) {
    for (const id of Object.keys(DEFAULT_QUERIES) as PromQueryId[]) {
      const q = json.queries[id];
      if (typeof q === 'string' && q.trim()) out.queries[id] = q.trim();
    }
  }
  return out;
}

export function queryDefs(config: PrometheusFileConfig): Record<PromQueryId, PromQueryDef> {
  const out = { ...DEFAULT_QUERIES };
  for (const id of Object.keys(out) as PromQueryId[]) {
    const expr = config.queries[id];
    if (expr) out[id] = { ...out[id], expr };
  }
  return out;
}
