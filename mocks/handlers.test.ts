import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/api/types';
import { basicAuth, DEMO_ENDPOINT, DEMO_OIDC_USER, oidcToken, resetDemoCluster, server } from './node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => resetDemoCluster());
afterAll(() => server.close());

const get = (path: string, auth?: string) => fetch(`${DEMO_ENDPOINT}${path}`, { headers: auth ? { Authorization: auth } : {} });

describe('demo services over HTTP', () => {
  it('lists every service, cowsay included, for the admin', async () => {
    const res = await get('/system/services', basicAuth());
    expect(res.status).toBe(200);
    const list = (await res.json()) as Service[];
    expect(list.map((s) => s.name)).toContain('cowsay');
    expect(list.length).toBeGreaterThan(20);
  });

  it('shows an OIDC user only what she owns, what is public and where she is allowed', async () => {
    const res = await get('/system/services', `Bearer ${oidcToken()}`);
    const names = ((await res.json()) as Service[]).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['grayify', 'plant-classification-sync', 'cowsay', 'sleep-test']));
    expect(names).not.toContain('wordcount-compss-python');
    expect(names).not.toContain('nginx2');
    const owned = ((await (await get('/system/services', `Bearer ${oidcToken()}`)).json()) as Service[]).filter(
      (s) => s.owner === DEMO_OIDC_USER.sub,
    );
    expect(owned.map((s) => s.name).sort()).toEqual(['body-pose-detection-async', 'fish-detector-zip', 'grayify', 'plant-classification-sync']);
  });

  it('refuses missing, wrong and untrusted credentials with plain text', async () => {
    const none = await get('/system/services');
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/text\/plain/);
    expect((await get('/system/services', basicAuth('oscar', 'nope'))).status).toBe(401);
    const untrusted = await get('/system/services', `Bearer ${oidcToken({ iss: 'https://evil.example.org' })}`);
    expect(untrusted.status).toBe(401);
    expect(await untrusted.text()).toMatch(/not trusted/);
    const expired = await get('/system/services', `Bearer ${oidcToken({ exp: 1 })}`);
    expect(expired.status).toBe(401);
  });

  it('answers /health without auth and 404s unknown routes', async () => {
    expect(await (await get('/health')).text()).toBe('Ok');
    const res = await get('/system/nope', basicAuth());
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('404 page not found');
  });
});
