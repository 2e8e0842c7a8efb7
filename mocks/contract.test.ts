/// <reference types="node" />
// The contract test: every one of the spec's operations is exercised against the demo cluster (through
// msw/node and plain fetch) for its success case and its main error cases, and every answer is checked
// against the spec — its status must be declared for the operation and its body must match the declared
// schema (ajv over the spec's definitions; a `type: string` schema means a plain-text body).
//
// Where the real OSCAR server answers differently from its spec, the mock follows the server
// (../shared/oscar-api/NOTES.md) and the difference is listed below in SERVER_DIFFERS, with why.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from './handlers';
import type { QuotaResponse } from '../src/api/types';
import { basicAuth, DEMO_ENDPOINT, DEMO_OIDC_USER, demoCluster, oidcToken, resetDemoCluster, server } from './node';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../shared/oscar-api/swagger.yaml');
const specPath = existsSync(shared) ? shared : path.resolve(here, 'contract/swagger.yaml');

interface Operation {
  responses: Record<string, { description?: string; schema?: Record<string, unknown> }>;
}
interface Spec {
  definitions: Record<string, unknown>;
  paths: Record<string, Record<string, Operation>>;
}
const spec = parse(readFileSync(specPath, 'utf8')) as Spec;

const ALL_OPERATIONS = Object.entries(spec.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));

/**
 * Answers where the real server and the spec disagree (the mock follows the server). A body schema
 * replaces the spec's `type: string`, or a status the spec does not list is allowed for a stated reason.
 */
const SERVER_DIFFERS: Record<string, { schema?: Record<string, unknown>; statuses?: Record<number, string> }> = {
  'GET /system/logs/': {
    schema: { type: 'object', required: ['logs'], properties: { logs: { type: 'array', items: { type: 'object' } } } },
    statuses: { 403: 'OIDC users who are not admins are refused ("OIDC tokens are not allowed for system logs")' },
  },
  'GET /system/metrics/breakdown': {
    // format=json answers the breakdown object; format=csv answers text/csv (the declared string).
    schema: { $ref: '#/definitions/types.MetricsBreakdownResponse' },
  },
  'POST /system/federation/{serviceName}': { schema: { $ref: '#/definitions/types.FederationResponse' } },
  'PUT /system/federation/{serviceName}': { schema: { $ref: '#/definitions/types.FederationResponse' } },
  'DELETE /system/federation/{serviceName}': { schema: { $ref: '#/definitions/types.FederationResponse' } },
  'POST /system/buckets': { statuses: { 403: 'a full bucket quota: MinIO refuses it and OSCAR passes on a bare 403' } },
  'POST /system/services': { statuses: { 409: 'A service with the provided name already exists (NOTES.md)' } },
  'GET /system/services/{serviceName}': { statuses: { 403: 'the read handler refuses OIDC users who may not see the service' } },
  'GET /system/metrics': { statuses: { 401: 'the auth middleware runs before every /system route' } },
};

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'oscar', definitions: spec.definitions });

function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) {
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `oscar${v}` : rebase(v);
    }
    return out;
  }
  return schema;
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: Record<string, unknown>): ValidateFunction {
  let v = validators.get(key);
  if (!v) validators.set(key, (v = ajv.compile(rebase(schema) as object)));
  return v;
}

const covered = new Map<string, Set<number>>();

interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: () => unknown;
}

interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  auth?: string;
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls an operation ("GET /system/services/{serviceName}") and checks the answer against the spec. */
async function call(operation: string, options: CallOptions = {}): Promise<Answer> {
  const [method, template] = operation.split(' ') as [string, string];
  const op = spec.paths[template]?.[method.toLowerCase()];
  expect(op, `${operation} is not in the spec`).toBeDefined();
  let url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ''));
  if (options.query) url += `?${new URLSearchParams(options.query).toString()}`;
  const headers: Record<string, string> = {};
  if (options.auth) headers.Authorization = options.auth;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] = typeof options.body === 'string' ? 'text/plain' : 'application/json';
  }
  const res = await fetch(`${DEMO_ENDPOINT}${url}`, { method, headers, body, signal: options.signal ?? null });
  const text = await res.text();
  const answer: Answer = {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text,
    json: () => JSON.parse(text) as unknown,
  };
  check(operation, op!, answer);
  let statuses = covered.get(operation);
  if (!statuses) covered.set(operation, (statuses = new Set()));
  statuses.add(res.status);
  return answer;
}

function check(operation: string, op: Operation, a: Answer): void {
  const where = `${operation} → ${a.status} ${a.text.slice(0, 200)}`;
  const differs = SERVER_DIFFERS[operation];
  const declared = op.responses[String(a.status)];
  if (!declared) {
    expect(differs?.statuses?.[a.status], `${where}: status ${a.status} is not declared for this operation`).toBeDefined();
    if (a.status >= 400) expect(a.contentType, where).toMatch(/^text\/plain/);
    return;
  }
  let schema = declared.schema;
  const isJson = a.contentType.includes('application/json');
  if (schema?.type === 'string' && differs?.schema && isJson) schema = differs.schema;
  if (!schema) {
    expect(a.text, `${where}: no body is declared`).toBe('');
    return;
  }
  if (schema.type === 'string') {
    // Plain text (or nothing): the words a dashboard shows as they are.
    if (a.text !== '') expect(a.contentType, `${where}: a string body must be text`).toMatch(/^text\//);
    return;
  }
  expect(a.contentType, `${where}: a schema body must be JSON`).toContain('application/json');
  const validate = validatorFor(`${operation} ${a.status} ${JSON.stringify(schema)}`, schema);
  const ok = validate(a.json());
  expect(ok, `${where}\n${JSON.stringify(validate.errors, null, 2)}`).toBe(true);
}

const admin = basicAuth();
const ana = () => `Bearer ${oidcToken()}`;
const tokenOf = (service: string) => `Bearer ${demoCluster().services.get(service)!.token}`;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  resetDemoCluster();
});
afterAll(() => server.close());

describe('the demo cluster honours the OSCAR contract', () => {
  it('GET /health', async () => {
    expect((await call('GET /health')).text).toBe('Ok');
  });

  it('GET /system/info, /system/status, /system/config and PUT /system/config', async () => {
    const info = await call('GET /system/info', { auth: admin });
    expect(info.json()).toMatchObject({ version: 'v4.1.2' });
    expect((await call('GET /system/info', { auth: ana() })).status).toBe(200);
    expect((await call('GET /system/info')).status).toBe(401);
    const status = await call('GET /system/status', { auth: admin });
    expect((status.json() as { cluster: { nodes: unknown[] } }).cluster.nodes.length).toBeGreaterThanOrEqual(2);
    expect((await call('GET /system/status')).status).toBe(401);
    const adminCfg = (await call('GET /system/config', { auth: admin })).json() as { minio_provider: { access_key: string } };
    const anaCfg = (await call('GET /system/config', { auth: ana() })).json() as { minio_provider: { access_key: string } };
    expect(adminCfg.minio_provider.access_key).not.toBe(anaCfg.minio_provider.access_key);
    expect((await call('GET /system/config')).status).toBe(401);
    const put = await call('PUT /system/config', { auth: admin, body: { config: { yunikorn_enable: true } } });
    expect((put.json() as { config: { yunikorn_enable: boolean } }).config.yunikorn_enable).toBe(true);
    expect((await call('PUT /system/config')).status).toBe(401);
  });

  it('GET, POST and PUT /system/services', async () => {
    const list = await call('GET /system/services', { auth: admin, query: { include: 'deployment' } });
    expect((list.json() as { deployment?: unknown }[]).every((s) => s.deployment)).toBe(true);
    expect((await call('GET /system/services', { auth: ana() })).status).toBe(200);
    expect((await call('GET /system/services')).status).toBe(401);

    const spec = { name: 'contract-svc', image: 'ubuntu', script: 'echo hi', input: [{ storage_provider: 'minio', path: 'contract-svc/in' }] };
    const created = await call('POST /system/services', { auth: admin, body: spec });
    expect(created.status).toBe(201);
    expect(created.text).toBe('');
    expect((await call('POST /system/services', { auth: admin, body: spec })).text).toBe('A service with the provided name already exists');
    const bad = await call('POST /system/services', { auth: admin, body: { name: 'Bad_Name', image: 'x', script: 'y' } });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/^The service specification is not valid: /);
    expect((await call('POST /system/services', { auth: admin, body: { name: 'no-image', script: 'y' } })).status).toBe(400);
    expect((await call('POST /system/services', { body: spec })).status).toBe(401);

    const updated = await call('PUT /system/services', { auth: admin, body: { ...spec, memory: '1Gi' } });
    expect(updated.status).toBe(204);
    expect((await call('PUT /system/services', { auth: admin, body: { ...spec, name: 'nope-nope' } })).status).toBe(404);
    expect((await call('PUT /system/services', { auth: admin, body: { name: 'contract-svc' } })).status).toBe(400);
    expect((await call('PUT /system/services', { auth: ana(), body: { name: 'cowsay', image: 'x', script: 'y' } })).status).toBe(403);
    expect((await call('PUT /system/services', { body: spec })).status).toBe(401);
  });

  it('GET and DELETE /system/services/{serviceName}, and /auth', async () => {
    const one = await call('GET /system/services/{serviceName}', { auth: admin, params: { serviceName: 'cowsay' }, query: { include: 'deployment' } });
    expect(one.json()).toMatchObject({ name: 'cowsay', deployment: { resource_kind: 'knative_service' } });
    expect((await call('GET /system/services/{serviceName}', { auth: admin, params: { serviceName: 'nope' } })).status).toBe(404);
    expect((await call('GET /system/services/{serviceName}', { auth: ana(), params: { serviceName: 'nginx2' } })).status).toBe(403);
    expect((await call('GET /system/services/{serviceName}', { params: { serviceName: 'cowsay' } })).status).toBe(401);

    const auth = 'GET /system/services/{serviceName}/auth';
    expect((await call(auth, { auth: tokenOf('cowsay'), params: { serviceName: 'cowsay' } })).status).toBe(200);
    expect((await call(auth, { auth: admin, params: { serviceName: 'nginx2' } })).status).toBe(200);
    expect((await call(auth, { auth: ana(), params: { serviceName: 'nginx2' } })).status).toBe(403);
    expect((await call(auth, { auth: tokenOf('cowsay'), params: { serviceName: 'grayify' } })).status).toBe(403);
    expect((await call(auth, { auth: admin, params: { serviceName: 'nope' } })).status).toBe(404);
    expect((await call(auth, { params: { serviceName: 'cowsay' } })).status).toBe(401);

    const del = 'DELETE /system/services/{serviceName}';
    expect((await call(del, { auth: ana(), params: { serviceName: 'cowsay' } })).status).toBe(403);
    expect((await call(del, { auth: admin, params: { serviceName: 'nope' } })).status).toBe(404);
    expect((await call(del, { params: { serviceName: 'cowsay' } })).status).toBe(401);
    expect((await call(del, { auth: ana(), params: { serviceName: 'grayify' } })).status).toBe(204);
  });

  it('deployment summary, logs, start, stop and restart', async () => {
    const dep = 'GET /system/services/{serviceName}/deployment';
    expect((await call(dep, { auth: admin, params: { serviceName: 'nginx2' } })).json()).toMatchObject({ state: 'ready', resource_kind: 'exposed_service' });
    expect((await call(dep, { auth: ana(), params: { serviceName: 'nginx2' } })).status).toBe(403);
    expect((await call(dep, { auth: admin, params: { serviceName: 'nope' } })).status).toBe(404);
    expect((await call(dep, { params: { serviceName: 'nginx2' } })).status).toBe(401);

    const logs = 'GET /system/services/{serviceName}/deployment/logs';
    const l = (await call(logs, { auth: admin, params: { serviceName: 'nginx2' }, query: { timestamps: 'true', tailLines: '3' } })).json() as { entries: unknown[]; available: boolean };
    expect(l.available).toBe(true);
    expect(l.entries).toHaveLength(3);
    expect((await call(logs, { auth: admin, params: { serviceName: 'openclaw-volume' } })).json()).toMatchObject({ available: false });
    expect((await call(logs, { auth: ana(), params: { serviceName: 'nginx2' } })).status).toBe(403);
    expect((await call(logs, { auth: admin, params: { serviceName: 'nope' } })).status).toBe(404);
    expect((await call(logs, { params: { serviceName: 'nginx2' } })).status).toBe(401);

    for (const action of ['stop', 'start', 'restart'] as const) {
      const op = `POST /system/services/{serviceName}/${action}`;
      const res = await call(op, { auth: admin, params: { serviceName: 'nginx2' } });
      expect(res.status).toBe(200);
      expect((res.json() as { state: string }).state).toBe(action === 'stop' ? 'stopped' : 'pending');
      expect((await call(op, { auth: admin, params: { serviceName: 'cowsay' } })).text).toMatch(/is not exposed/);
      expect((await call(op, { auth: ana(), params: { serviceName: 'nginx2' } })).status).toBe(403);
      expect((await call(op, { auth: admin, params: { serviceName: 'nope' } })).status).toBe(404);
      expect((await call(op, { params: { serviceName: 'nginx2' } })).status).toBe(401);
    }
  });

  it('buckets: list, create, update, delete', async () => {
    expect((await call('GET /system/buckets', { auth: admin })).status).toBe(200);
    const mine = (await call('GET /system/buckets', { auth: ana() })).json() as { bucket_name: string }[];
    expect(mine.map((b) => b.bucket_name)).toContain('ana-datasets');
    expect(mine.map((b) => b.bucket_name)).not.toContain('marco-private');
    expect((await call('GET /system/buckets')).status).toBe(401);

    expect((await call('POST /system/buckets', { auth: ana(), body: { bucket_name: 'ana-new', visibility: 'private' } })).status).toBe(201);
    expect((await call('POST /system/buckets', { auth: ana(), body: { bucket_name: 'No_Good' } })).status).toBe(400);
    expect((await call('POST /system/buckets', { body: { bucket_name: 'x-y-z' } })).status).toBe(401);
    const owned = demoCluster().quotaView(DEMO_OIDC_USER.sub).minio!.buckets!.used!;
    demoCluster().quotas.set(DEMO_OIDC_USER.sub, { ...demoCluster().quotaFor(DEMO_OIDC_USER.sub), buckets: owned });
    const full = await call('POST /system/buckets', { auth: ana(), body: { bucket_name: 'ana-one-more' } });
    expect([full.status, full.text]).toEqual([403, '']);

    expect((await call('PUT /system/buckets', { auth: ana(), body: { bucket_name: 'ana-new', visibility: 'public' } })).status).toBe(204);
    expect((await call('PUT /system/buckets', { auth: ana(), body: { bucket_name: 'field-videos', visibility: 'public' } })).status).toBe(403);
    expect((await call('PUT /system/buckets', { body: { bucket_name: 'ana-new' } })).status).toBe(401);

    const del = 'DELETE /system/buckets/{bucket}';
    expect((await call(del, { auth: ana(), params: { bucket: 'field-videos' } })).status).toBe(403);
    expect((await call(del, { auth: admin, params: { bucket: 'grayify' } })).status).toBe(400);
    expect((await call(del, { auth: admin, params: { bucket: 'nope-nope' } })).status).toBe(404);
    expect((await call(del, { params: { bucket: 'ana-new' } })).status).toBe(401);
    expect((await call(del, { auth: ana(), params: { bucket: 'ana-new' } })).status).toBe(204);
  });

  it('GET /system/buckets/{bucket} pages objects and presign signs URLs', async () => {
    demoCluster().addGeneratedObjects('shared-models', 1500, 'bulk');
    const get = 'GET /system/buckets/{bucket}';
    const first = (await call(get, { auth: ana(), params: { bucket: 'shared-models' } })).json() as { objects: unknown[]; is_truncated: boolean; next_page: string; returned_items: number };
    expect(first.returned_items).toBe(1000);
    expect(first.is_truncated).toBe(true);
    const second = (await call(get, { auth: ana(), params: { bucket: 'shared-models' }, query: { page: first.next_page } })).json() as { returned_items: number; is_truncated: boolean };
    expect(second.returned_items).toBe(506);
    expect(second.is_truncated).toBe(false);
    expect((await call(get, { auth: admin, params: { bucket: 'shared-models' }, query: { page: '%%%' } })).status).toBe(400);
    expect((await call(get, { auth: ana(), params: { bucket: 'marco-private' } })).status).toBe(403);
    expect((await call(get, { params: { bucket: 'shared-models' } })).status).toBe(401);

    const presign = 'POST /system/buckets/{bucket}/presign';
    const up = (await call(presign, { auth: ana(), params: { bucket: 'ana-datasets' }, body: { object_key: 'new/file.csv', operation: 'upload', content_type: 'text/csv' } })).json() as { url: string; method: string; headers: Record<string, string> };
    expect(up.method).toBe('PUT');
    expect(up.url).toMatch(/^https:\/\/demo\.lagoon\.test\/s3\/ana-datasets\/new\/file\.csv\?X-Amz-Algorithm=/);
    expect(up.headers['Content-Type']).toBe('text/csv');
    const down = (await call(presign, { auth: ana(), params: { bucket: 'ana-datasets' }, body: { object_key: 'README.md', operation: 'download' } })).json() as { method: string };
    expect(down.method).toBe('GET');
    expect((await call(presign, { auth: ana(), params: { bucket: 'ana-datasets' }, body: { object_key: 'x', operation: 'delete' } })).status).toBe(400);
    // OSCAR 4.1 signs for 900 s when not asked, and for 1 to 3600 s (presign_bucket.go), saying so when asked more.
    expect((down as { expires_at?: string }).expires_at).toBeDefined();
    const day = await call(presign, { auth: ana(), params: { bucket: 'ana-datasets' }, body: { object_key: 'README.md', operation: 'download', expires_in: 86_400 } });
    expect(day.status).toBe(400);
    expect(day.text).toBe('Invalid expiration requested: 86400. Allowed range is 1-3600 seconds');
    expect((await call(presign, { auth: ana(), params: { bucket: 'ana-datasets' }, body: { object_key: 'README.md', operation: 'download', expires_in: 3600 } })).status).toBe(200);
    expect((await call(presign, { auth: ana(), params: { bucket: 'marco-private' }, body: { object_key: 'notes.txt', operation: 'download' } })).status).toBe(403);
    expect((await call(presign, { auth: admin, params: { bucket: 'nope-nope' }, body: { object_key: 'x', operation: 'upload' } })).status).toBe(404);
    expect((await call(presign, { params: { bucket: 'ana-datasets' }, body: { object_key: 'x', operation: 'upload' } })).status).toBe(401);
  });

  it('jobs: POST /job, list in pages, logs, delete', async () => {
    const job = 'POST /job/{serviceName}';
    const created = await call(job, { auth: tokenOf('grayify'), params: { serviceName: 'grayify' }, body: '{"hello":1}' });
    expect(created.status).toBe(201);
    expect(created.text).toBe('');
    expect((await call(job, { auth: admin, params: { serviceName: 'grayify' } })).status).toBe(401);
    expect((await call(job, { auth: ana(), params: { serviceName: 'nope' } })).status).toBe(404);

    const list = 'GET /system/logs/{serviceName}';
    const page1 = (await call(list, { auth: admin, params: { serviceName: 'fish-detector' } })).json() as { jobs: Record<string, unknown>; next_page: string; remaining_jobs: number };
    expect(Object.keys(page1.jobs)).toHaveLength(70);
    expect(page1.remaining_jobs).toBeGreaterThan(0);
    const page2 = (await call(list, { auth: admin, params: { serviceName: 'fish-detector' }, query: { page: page1.next_page } })).json() as { jobs: Record<string, unknown> };
    expect(Object.keys(page2.jobs).some((n) => n in page1.jobs)).toBe(false);
    expect((await call(list, { auth: admin, params: { serviceName: 'nope' } })).status).toBe(404);
    expect((await call(list, { params: { serviceName: 'grayify' } })).status).toBe(401);

    const name = Object.keys(page1.jobs)[0]!;
    const log = 'GET /system/logs/{serviceName}/{jobName}';
    const text = await call(log, { auth: admin, params: { serviceName: 'fish-detector', jobName: name }, query: { timestamps: 'true' } });
    expect(text.status).toBe(200);
    expect((await call(log, { auth: admin, params: { serviceName: 'fish-detector', jobName: 'nope' } })).status).toBe(404);
    expect((await call(log, { params: { serviceName: 'fish-detector', jobName: name } })).status).toBe(401);

    const delOne = 'DELETE /system/logs/{serviceName}/{jobName}';
    expect((await call(delOne, { auth: admin, params: { serviceName: 'fish-detector', jobName: name } })).status).toBe(204);
    expect((await call(delOne, { auth: admin, params: { serviceName: 'fish-detector', jobName: name } })).status).toBe(404);
    expect((await call(delOne, { params: { serviceName: 'fish-detector', jobName: name } })).status).toBe(401);

    const delAll = 'DELETE /system/logs/{serviceName}';
    expect((await call(delAll, { auth: admin, params: { serviceName: 'fish-detector' }, query: { all: 'true' } })).status).toBe(204);
    expect((await call(delAll, { auth: admin, params: { serviceName: 'nope' } })).status).toBe(404);
    expect((await call(delAll, { params: { serviceName: 'fish-detector' } })).status).toBe(401);

    const sys = await call('GET /system/logs/', { auth: admin });
    expect((sys.json() as { logs: unknown[] }).logs.length).toBeGreaterThan(0);
    expect((await call('GET /system/logs/', { auth: ana() })).status).toBe(403);
    expect((await call('GET /system/logs/')).status).toBe(401);
  });

  it('POST /run/{serviceName}', async () => {
    const run = 'POST /run/{serviceName}';
    const moo = await call(run, { auth: tokenOf('cowsay'), params: { serviceName: 'cowsay' }, body: '{"message":"Hello Lagoon"}' });
    expect(moo.text).toContain('< Hello Lagoon >');
    expect((await call(run, { auth: admin, params: { serviceName: 'cowsay' } })).status).toBe(401);
    expect((await call(run, { auth: tokenOf('cowsay'), params: { serviceName: 'nope' } })).status).toBe(404);
  });

  it('metrics: summary, per service, breakdown', async () => {
    const range = { start: '2025-01-01T00:00:00Z', end: new Date().toISOString() };
    const sum = (await call('GET /system/metrics', { auth: admin, query: range })).json() as { totals: { requests_count_total: number } };
    expect(sum.totals.requests_count_total).toBeGreaterThan(0);
    expect((await call('GET /system/metrics', { auth: admin, query: { start: 'yesterday' } })).status).toBe(400);
    expect((await call('GET /system/metrics', { auth: admin, query: { start: range.end, end: range.start } })).status).toBe(400);
    expect((await call('GET /system/metrics')).status).toBe(401);

    const one = 'GET /system/metrics/{serviceName}';
    const m = (await call(one, { auth: admin, params: { serviceName: 'cowsay' }, query: { ...range, metric: 'cpu-hours' } })).json() as { metrics: { metric: string }[] };
    expect(m.metrics.map((x) => x.metric)).toEqual(['cpu-hours']);
    expect((await call(one, { auth: admin, params: { serviceName: 'cowsay' }, query: range })).status).toBe(200);
    expect((await call(one, { auth: admin, params: { serviceName: 'cowsay' }, query: { metric: 'bogus' } })).status).toBe(400);

    const bd = 'GET /system/metrics/breakdown';
    for (const group_by of ['service', 'user', 'country', 'vo']) {
      expect((await call(bd, { auth: admin, query: { ...range, group_by, include_users: 'true' } })).status).toBe(200);
    }
    const csv = await call(bd, { auth: admin, query: { ...range, group_by: 'service', format: 'csv' } });
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.text.split('\n')[0]).toMatch(/^key,/);
    expect((await call(bd, { auth: admin, query: { group_by: 'planet' } })).status).toBe(400);
    expect((await call(bd, { auth: admin, query: { group_by: 'service', start: '2025-13-01T00:00:00Z' } })).status).toBe(400);
  });

  it('quotas', async () => {
    const own = await call('GET /system/quotas/user', { auth: ana() });
    expect(own.json()).toMatchObject({ user_id: DEMO_OIDC_USER.sub });
    expect((await call('GET /system/quotas/user')).status).toBe(401);
    const other = 'GET /system/quotas/user/{userId}';
    expect((await call(other, { auth: admin, params: { userId: 'someone@egi.eu' } })).status).toBe(200);
    expect((await call(other, { auth: ana(), params: { userId: 'someone@egi.eu' } })).status).toBe(403);
    expect((await call(other, { params: { userId: 'someone@egi.eu' } })).status).toBe(401);
    const put = 'PUT /system/quotas/user/{userId}';
    const updated = (await call(put, { auth: admin, params: { userId: 'someone@egi.eu' }, body: { cpu: '4', volumes: { volumes: '2' } } })).json() as { resources: { cpu: { max: number } } };
    expect(updated.resources.cpu.max).toBe(4000);
    const more = (await call(put, { auth: admin, params: { userId: 'someone@egi.eu' }, body: { ephemeral_storage: '10Gi', minio: { buckets: '3', storage_per_bucket: '5Gi' } } })).json() as QuotaResponse;
    expect(more.resources?.['ephemeral-storage']?.max).toBe(10 * 1024 ** 3);
    expect(more.minio).toMatchObject({ buckets: { max: 3 }, storage_per_bucket: { max: '5Gi' } });
    expect((await call(put, { auth: admin, params: { userId: 'someone@egi.eu' }, body: { cpu: 'lots' } })).status).toBe(400);
    expect((await call(put, { auth: admin, params: { userId: 'someone@egi.eu' }, body: {} })).status).toBe(400);
    expect((await call(put, { auth: ana(), params: { userId: 'someone@egi.eu' }, body: { cpu: '1' } })).status).toBe(403);
    expect((await call(put, { params: { userId: 'x' }, body: { cpu: '1' } })).status).toBe(401);
    demoCluster().quotasEnabled = false;
    expect((await call('GET /system/quotas/user', { auth: ana() })).status).toBe(503);
    expect((await call(other, { auth: admin, params: { userId: 'x' } })).status).toBe(503);
    expect((await call(put, { auth: admin, params: { userId: 'x' }, body: { cpu: '1' } })).status).toBe(503);
  });

  it('volumes', async () => {
    expect(((await call('GET /system/volumes', { auth: admin })).json() as unknown[]).length).toBeGreaterThan(0);
    expect((await call('GET /system/volumes')).status).toBe(401);
    const created = await call('POST /system/volumes', { auth: ana(), body: { name: 'ana-extra', size: '1Gi' } });
    expect(created.status).toBe(201);
    expect((await call('POST /system/volumes', { auth: ana(), body: { name: 'ana-extra', size: '1Gi' } })).status).toBe(409);
    expect((await call('POST /system/volumes', { auth: ana(), body: { name: 'x' } })).status).toBe(400);
    expect((await call('POST /system/volumes', { body: { name: 'x', size: '1Gi' } })).status).toBe(401);
    const one = 'GET /system/volumes/{volumeName}';
    expect((await call(one, { auth: ana(), params: { volumeName: 'ana-extra' } })).json()).toMatchObject({ name: 'ana-extra', size: '1Gi' });
    expect((await call(one, { auth: ana(), params: { volumeName: 'shared-datasets' } })).status).toBe(404);
    expect((await call(one, { params: { volumeName: 'ana-extra' } })).status).toBe(401);
    const del = 'DELETE /system/volumes/{volumeName}';
    expect((await call(del, { auth: admin, params: { volumeName: 'volume-demo-volume' } })).status).toBe(400);
    expect((await call(del, { auth: ana(), params: { volumeName: 'nope' } })).status).toBe(404);
    expect((await call(del, { params: { volumeName: 'ana-extra' } })).status).toBe(401);
    expect((await call(del, { auth: ana(), params: { volumeName: 'ana-extra' } })).status).toBe(204);
  });

  it('federation', async () => {
    const get = 'GET /system/federation/{serviceName}';
    const fed = (await call(get, { auth: admin, params: { serviceName: 'fish-detector' } })).json() as { topology: string; members: unknown[] };
    expect(fed.topology).toBe('star');
    expect(fed.members).toHaveLength(1);
    expect((await call(get, { auth: admin, params: { serviceName: 'nope' } })).status).toBe(404);
    const member = { type: 'oscar', cluster_id: 'oscar-asia', service_name: 'fish-detector' };
    const post = 'POST /system/federation/{serviceName}';
    expect(((await call(post, { auth: admin, params: { serviceName: 'fish-detector' }, body: { members: [member] } })).json() as { members: unknown[] }).members).toHaveLength(2);
    expect((await call(post, { auth: admin, params: { serviceName: 'fish-detector' }, body: { members: [{ type: 'carrier-pigeon' }] } })).status).toBe(400);
    expect((await call(post, { auth: admin, params: { serviceName: 'nope' }, body: { members: [member] } })).status).toBe(404);
    const put = 'PUT /system/federation/{serviceName}';
    const moved = { ...member, cluster_id: 'oscar-au' };
    const after = (await call(put, { auth: admin, params: { serviceName: 'fish-detector' }, body: { members: [member], update: [moved] } })).json() as { members: { cluster_id: string }[] };
    expect(after.members.map((m) => m.cluster_id)).toContain('oscar-au');
    expect((await call(put, { auth: admin, params: { serviceName: 'fish-detector' }, body: 'not json' })).status).toBe(400);
    expect((await call(put, { auth: admin, params: { serviceName: 'nope' }, body: { members: [member], update: [moved] } })).status).toBe(404);
    const del = 'DELETE /system/federation/{serviceName}';
    expect(((await call(del, { auth: admin, params: { serviceName: 'fish-detector' }, body: { members: [moved] } })).json() as { members: unknown[] }).members).toHaveLength(1);
    expect((await call(del, { auth: admin, params: { serviceName: 'fish-detector' }, body: { members: 'all' } })).status).toBe(400);
    expect((await call(del, { auth: admin, params: { serviceName: 'nope' }, body: { members: [] } })).status).toBe(404);
  });

  it('has a checker that rejects answers breaking the spec', () => {
    const op = spec.paths['/system/services']!.get!;
    const answer = (status: number, contentType: string, text: string): Answer => ({ status, contentType, text, json: () => JSON.parse(text) as unknown });
    expect(() => check('GET /system/services', op, answer(200, 'application/json', '[{"name":"x","script":"y"}]'))).toThrow(/image/);
    expect(() => check('GET /system/services', op, answer(200, 'application/json', '[{"name":"x","image":"i","script":"y","cpu":1}]'))).toThrow();
    expect(() => check('GET /system/services', op, answer(418, 'text/plain', 'teapot'))).toThrow(/not declared/);
    expect(() => check('GET /system/services', op, answer(401, 'application/json', '{"error":"no"}'))).toThrow(/must be text/);
    expect(() => check('GET /system/services', op, answer(200, 'application/json', '[{"name":"ok","image":"i","script":"s"}]'))).not.toThrow();
  });

  it('covered every operation of the spec', () => {
    const lines = ALL_OPERATIONS.map((op) => `${covered.has(op) ? '✓' : '✗'} ${op}  [${[...(covered.get(op) ?? [])].sort().join(', ')}]`);
    console.log(`Contract coverage (${covered.size}/${ALL_OPERATIONS.length}):\n${lines.join('\n')}`);
    expect(ALL_OPERATIONS).toHaveLength(43);
    expect(ALL_OPERATIONS.filter((op) => !covered.has(op))).toEqual([]);
  });
});

describe('the demo cluster answers nothing the spec lacks', () => {
  const specRoutes = new Set(ALL_OPERATIONS);

  it('registers only routes of the spec (besides the fault layer, the 404 fallback, /s3/, the pages of exposed services and the apps\' templates)', () => {
    const base = 'https://contract.test';
    const extra: string[] = [];
    for (const h of createHandlers(demoCluster(), base)) {
      const info = h.info as { method?: unknown; path?: unknown };
      const method = info.method;
      const route = String(info.path ?? '');
      // The research apps' templates on raw.githubusercontent.com (handlers/catalog-apps.ts): not the cluster.
      if (route.startsWith('https://raw.githubusercontent.com/')) continue;
      if (typeof method !== 'string' || method === 'all') {
        // http.all: only the fault layer and the 404 fallback, both on the whole endpoint.
        expect(route).toBe(`${base}/*`);
        continue;
      }
      const template = route.slice(base.length).replace(/:(\w+)/g, '{$1}');
      if (template.startsWith('/s3/')) continue;
      // The exposed services' own pages, which the ingress serves (NOTES.md: not in the spec).
      if (/^(GET|HEAD)$/i.test(method) && /^\/system\/services\/\{serviceName\}\/exposed(\/\*)?$/.test(template)) continue;
      // FileBrowser Quantum's JWT sign-in inside a file browser app (PARITY A4), also the app's own route.
      if (method.toUpperCase() === 'POST' && template === '/system/services/{serviceName}/exposed/api/auth/renew') continue;
      // Jupyter Server's login form inside a notebook app (docs/decisions/010-apps.md), also the app's own route.
      if (method.toUpperCase() === 'POST' && template === '/system/services/{serviceName}/exposed/login') continue;
      if (!specRoutes.has(`${method.toUpperCase()} ${template}`)) extra.push(`${method.toUpperCase()} ${template}`);
    }
    expect(extra).toEqual([]);
  });

  it('answers 404 for methods and paths the spec does not have', async () => {
    for (const [method, url] of [
      ['PATCH', '/system/services'],
      ['DELETE', '/system/info'],
      ['GET', '/system/nothing'],
      ['POST', '/system/services/cowsay/exposed'],
      ['GET', '/run/cowsay'],
    ] as const) {
      const res = await fetch(`${DEMO_ENDPOINT}${url}`, { method, headers: { Authorization: admin } });
      expect(res.status, `${method} ${url}`).toBe(404);
    }
  });
});
