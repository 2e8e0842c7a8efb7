import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createOscarClient, isInvocationPath } from './client';
import { ApiError, messageFromBody } from './errors';
import type { Connection } from './connection';

const BASE = 'https://oscar.test';
const seen: { url: string; auth: string | null }[] = [];
const server = setupServer(
  http.all(`${BASE}/*`, ({ request }) => {
    seen.push({ url: request.url, auth: request.headers.get('authorization') });
    const path = new URL(request.url).pathname;
    if (path === '/system/services/plain') return new HttpResponse('service "plain" not found', { status: 404 });
    if (path === '/system/services/empty') return new HttpResponse(null, { status: 500 });
    if (path === '/system/services/quoted') return new HttpResponse('"quoted message"', { status: 400 });
    if (path === '/system/services/json')
      return HttpResponse.json({ message: 'The service specification is not valid: name' }, { status: 400 });
    if (path === '/system/services/gone') return new HttpResponse('Unauthorized', { status: 401 });
    if (path === '/run/cowsay' && request.headers.get('authorization') !== 'Bearer svc-token')
      return new HttpResponse('Invalid token', { status: 401 });
    if (path === '/system/services' && request.method === 'POST') return new HttpResponse(null, { status: 201 });
    return HttpResponse.json({ version: 'v4.1.2' });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

const basic: Connection = { endpoint: BASE, credentials: { kind: 'basic', username: 'oscar', password: 'p' } };
const bearer: Connection = { endpoint: BASE, credentials: { kind: 'bearer', token: 'oidc-token' } };

describe('the OSCAR client', () => {
  it('sends Basic auth on /system calls, to the connection endpoint', async () => {
    const client = createOscarClient({ connection: () => basic });
    const { data } = await client.GET('/system/info');
    expect(data?.version).toBe('v4.1.2');
    expect(seen[0]).toEqual({ url: `${BASE}/system/info`, auth: `Basic ${btoa('oscar:p')}` });
  });

  it('never sends Basic to /run or /job', async () => {
    const client = createOscarClient({ connection: () => basic });
    await expect(client.POST('/job/{serviceName}', { params: { path: { serviceName: 'cowsay' } }, body: '' })).resolves.toBeDefined();
    expect(seen[0]?.auth).toBeNull();
  });

  it('sends the OIDC token as Bearer to /run and /job, and an explicit service token over it', async () => {
    const client = createOscarClient({ connection: () => bearer });
    await expect(
      client.POST('/run/{serviceName}', { params: { path: { serviceName: 'cowsay' } }, body: '' }),
    ).rejects.toMatchObject({ status: 401, message: 'Invalid token' });
    expect(seen[0]?.auth).toBe('Bearer oidc-token');
    await client.POST('/run/{serviceName}', {
      params: { path: { serviceName: 'cowsay' } },
      body: '',
      headers: { Authorization: 'Bearer svc-token' },
    });
    expect(seen[1]?.auth).toBe('Bearer svc-token');
  });

  it.each([
    ['plain', 404, 'service "plain" not found'],
    ['empty', 500, 'The cluster had an internal error'],
    ['quoted', 400, 'quoted message'],
    ['json', 400, 'The service specification is not valid: name'],
  ])('turns a %s error body into an ApiError with the server words', async (name, status, message) => {
    const client = createOscarClient({ connection: () => basic });
    const error = await client
      .GET('/system/services/{serviceName}', { params: { path: { serviceName: name } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, message });
  });

  it('reads an empty 201 as success with no data', async () => {
    const client = createOscarClient({ connection: () => basic });
    const { data, response } = await client.POST('/system/services', { body: { name: 'x', image: 'i', script: 's' } });
    expect(response.status).toBe(201);
    expect(data).toBeUndefined();
  });

  it('ends the session on a 401 to a session call, not to an invocation with its own token', async () => {
    const onUnauthorized = vi.fn();
    const client = createOscarClient({ connection: () => basic, onUnauthorized });
    await client.GET('/system/services/{serviceName}', { params: { path: { serviceName: 'gone' } } }).catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await client
      .POST('/run/{serviceName}', { params: { path: { serviceName: 'cowsay' } }, body: '', headers: { Authorization: 'Bearer bad' } })
      .catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('reports an unreachable cluster as a network ApiError with status 0', async () => {
    const client = createOscarClient({ connection: () => ({ ...basic, endpoint: 'http://127.0.0.1:9' }) });
    server.use(http.get('http://127.0.0.1:9/*', () => HttpResponse.error()));
    const error = (await client.GET('/system/info').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/Cannot reach the cluster at http:\/\/127.0.0.1:9/);
  });

  it('refuses to send anything without a connection', async () => {
    const client = createOscarClient({ connection: () => null });
    await expect(client.GET('/system/info')).rejects.toMatchObject({ status: 401 });
    expect(seen).toHaveLength(0);
  });
});

describe('error messages', () => {
  it('falls back to words for the status when the body says nothing', () => {
    expect(messageFromBody(403, '')).toBe('You do not have permission to do this');
    expect(messageFromBody(418, '', "I'm a teapot")).toBe("I'm a teapot");
    expect(messageFromBody(400, { error: 'bad range' })).toBe('bad range');
  });

  it('knows which paths are invocations', () => {
    expect(isInvocationPath('/run/x')).toBe(true);
    expect(isInvocationPath('/job/x')).toBe(true);
    expect(isInvocationPath('/system/logs/x')).toBe(false);
  });
});
