import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/api/types';
import { demoControls } from '../src/api/demo-controls';
import { faultsFromSearch } from './faults';
import { basicAuth, DEMO_ENDPOINT, DEMO_OIDC_USER, demoCluster, fault, oidcToken, resetDemoCluster, server } from './node';

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

const post = (path: string, auth: string | undefined, body?: BodyInit, signal?: AbortSignal) =>
  fetch(`${DEMO_ENDPOINT}${path}`, { method: 'POST', headers: auth ? { Authorization: auth } : {}, body: body ?? null, signal: signal ?? null });
const tokenOf = (name: string) => `Bearer ${demoCluster().services.get(name)!.token}`;

describe('synchronous calls', () => {
  it('draws a cow, returns a PNG as base64 and classifies plants as JSON', async () => {
    const cow = await post('/run/cowsay', tokenOf('cowsay'), '{"message":"Moo from a test"}');
    expect(await cow.text()).toMatch(/< Moo from a test >[\s\S]*\(oo\)/);

    const gray = await post('/run/grayify', `Bearer ${oidcToken()}`, 'aGVsbG8=');
    const png = atob(await gray.text());
    expect(png.slice(0, 8)).toBe('\x89PNG\r\n\x1a\n');

    const plants = await post('/run/plant-classification-sync', `Bearer ${oidcToken()}`, 'aGVsbG8=');
    expect(plants.headers.get('content-type')).toContain('application/json');
    const body = (await plants.json()) as { predictions: { labels: string[]; probabilities: number[] } };
    expect(body.predictions.labels).toHaveLength(5);
    expect(body.predictions.probabilities.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.0001);
  });

  // faas-supervisor keeps a JSON body as it is, else base64-decodes it, else takes the raw bytes; the
  // script reads the result (oscar-cli and the invoke page's File mode send files base64-encoded).
  it('decodes a base64 body before the script reads it, as the supervisor does', async () => {
    const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
    const cow = await post('/run/cowsay', tokenOf('cowsay'), b64('{"message":"Moo from a file"}'));
    expect(await cow.text()).toMatch(/< Moo from a file >/);

    // Wrapped at 76 columns, as `base64` writes it.
    const long = b64(`{"message":"${'a long message '.repeat(6).trim()}"}`);
    const wrapped = long.replace(/.{76}/g, '$&\n');
    expect(wrapped).toContain('\n');
    expect(await (await post('/run/cowsay', tokenOf('cowsay'), wrapped)).text()).toMatch(/a long message a long/);

    // Not base64 (nor JSON): the raw bytes. Spaces are not dropped ("moofromatest" would decode).
    expect(await (await post('/run/cowsay', tokenOf('cowsay'), 'Hello there!')).text()).toMatch(/< Hello there! >/);
    expect(await (await post('/run/cowsay', tokenOf('cowsay'), 'moo from a test')).text()).toMatch(/< moo from a test >/);

    // The script sees the decoded bytes: an echoing service counts them.
    const echo = await post('/run/body-pose-detection-async', `Bearer ${oidcToken()}`, b64('héllo wörld'));
    expect(await echo.text()).toBe('body-pose-detection-async: processed 13 bytes\nhéllo wörld\n');
  });

  it('refuses Basic auth, other users, and unknown services', async () => {
    expect((await post('/run/cowsay', basicAuth(), 'x')).status).toBe(401);
    expect((await post('/run/nginx2', `Bearer ${oidcToken()}`, 'x')).status).toBe(403);
    expect((await post('/run/cowsay', tokenOf('grayify'), 'x')).status).toBe(403);
    expect((await post('/run/nope', tokenOf('cowsay'), 'x')).status).toBe(404);
  });

  it('waits in a sleep service until the call is aborted', async () => {
    const controller = new AbortController();
    // Abort once the call is in the service (not after a guess at how long it takes to get there).
    const inService = new Promise<void>((resolve) => {
      const listener = ({ request }: { request: Request }) => {
        if (new URL(request.url).pathname !== '/run/sleep-test') return;
        server.events.removeListener('request:start', listener);
        resolve();
      };
      server.events.on('request:start', listener);
    });
    let settled = false;
    const call = post('/run/sleep-test', `Bearer ${oidcToken()}`, 'x', controller.signal);
    call.then(
      () => (settled = true),
      () => (settled = true),
    );
    await inService;
    // The service sleeps for half a minute: nothing has come back yet, and the abort ends the call.
    expect(settled).toBe(false);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('counts each call in the metrics', async () => {
    const summary = async () =>
      ((await (await get('/system/metrics', basicAuth())).json()) as { totals: { requests_count_sync: number } }).totals.requests_count_sync;
    const before = await summary();
    await post('/run/cowsay', tokenOf('cowsay'), '{"message":"a"}');
    await post('/run/cowsay', `Bearer ${oidcToken()}`, '{"message":"b"}');
    expect(await summary()).toBe(before + 2);
    const breakdown = (await (await get('/system/metrics/breakdown?group_by=user', `Bearer ${oidcToken()}`)).json()) as { items: { key: string }[] };
    expect(breakdown.items.map((i) => i.key)).toEqual([DEMO_OIDC_USER.sub]);
  });
});

describe('asynchronous calls', () => {
  it('creates a job that shows up in the job list', async () => {
    const total = async () => {
      const page = (await (await get('/system/logs/grayify', `Bearer ${oidcToken()}`)).json()) as { jobs: object; remaining_jobs?: number };
      return Object.keys(page.jobs).length + (page.remaining_jobs ?? 0);
    };
    const before = await total();
    const res = await post('/job/grayify', `Bearer ${oidcToken()}`, '{}');
    expect(res.status).toBe(201);
    expect(await res.text()).toBe('');
    expect(await total()).toBe(before + 1);
  });

  it('starts a job on the object a MinIO event names, as the supervisor reads it', async () => {
    const c = demoCluster();
    const bucket = [...c.buckets.values()].find((b) => b.objects.size > 0)!;
    c.putObject(bucket.name, { key: 'batch/año 1+x.jpg', size: 3 }, { trigger: false });
    const event = {
      EventName: 's3:ObjectCreated:Put',
      Key: `${bucket.name}/batch/año 1+x.jpg`,
      Records: [{ eventSource: 'minio:s3', requestParameters: { principalId: '', sourceIPAddress: '' }, s3: { bucket: { name: bucket.name }, object: { key: 'batch%2Fa%C3%B1o+1%2Bx.jpg', size: 3 } } }],
    };
    const before = new Set(c.jobsOf('grayify').keys());
    expect((await post('/job/grayify', tokenOf('grayify'), JSON.stringify(event))).status).toBe(201);
    const missing = { ...event, Records: [{ ...event.Records[0]!, s3: { bucket: { name: bucket.name }, object: { key: 'batch%2Fnope.jpg', size: 1 } } }] };
    expect((await post('/job/grayify', tokenOf('grayify'), JSON.stringify(missing))).status).toBe(201);
    const fresh = [...c.jobsOf('grayify').values()].filter((j) => !before.has(j.name));
    expect(fresh.map((j) => j.input)).toEqual(
      expect.arrayContaining([{ bucket: bucket.name, key: 'batch/año 1+x.jpg' }, { bucket: bucket.name, key: 'batch/nope.jpg' }]),
    );
    expect(fresh.find((j) => j.input?.key === 'batch/nope.jpg')!.outcome).toBe('Failed');
    expect(fresh.find((j) => j.input?.key === 'batch/año 1+x.jpg')!.log.map((l) => l.text).join('\n')).toContain(`Downloading item from bucket '${bucket.name}' with key 'batch/año 1+x.jpg'`);
  });
});

describe('OIDC issuers', () => {
  it('trusts an issuer once told to', async () => {
    const token = `Bearer ${oidcToken({ iss: 'http://127.0.0.1:4011' })}`;
    expect((await get('/system/info', token)).status).toBe(401);
    demoCluster().trustIssuer('http://127.0.0.1:4011/');
    expect((await get('/system/info', token)).status).toBe(200);
  });
});

describe('faults', () => {
  it('forces a status with a plain-text body, a number of times', async () => {
    fault({ method: 'GET', path: '/system/services', status: 503, body: 'Cluster is upgrading', times: 1 });
    const res = await get('/system/services', basicAuth());
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('Cluster is upgrading');
    expect((await get('/system/services', basicAuth())).status).toBe(200);
  });

  it('fails like the network and matches path patterns', async () => {
    const remove = fault('* /system/services/:name network');
    await expect(get('/system/services/cowsay', basicAuth())).rejects.toThrow();
    expect((await get('/system/services', basicAuth())).status).toBe(200);
    remove();
    expect((await get('/system/services/cowsay', basicAuth())).status).toBe(200);
  });

  it('adds latency before the real answer', async () => {
    fault('GET /system/info latency:200');
    const t = Date.now();
    expect((await get('/system/info', basicAuth())).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(190);
  });

  it('reads faults from a page URL', () => {
    expect(faultsFromSearch('?demoFault=GET%20/system/services%20500&demoFault=*%20/run/*%20network&demoFault=POST%20/job/x%20latency:900')).toEqual([
      { method: 'GET', path: '/system/services', status: 500 },
      { method: '*', path: '/run/*', network: true },
      { method: 'POST', path: '/job/x', latency: 900 },
    ]);
  });

  it('is reachable through demoControls() without loading the mocks eagerly', async () => {
    const controls = await demoControls();
    controls.fault('GET /health 500');
    expect((await get('/health')).status).toBe(500);
    controls.clearFaults();
    expect((await get('/health')).status).toBe(200);
  });
});

describe('exposed services, as the ingress serves them', () => {
  const exposed = (name: string, rest = '', init: RequestInit = {}) => fetch(`${DEMO_ENDPOINT}/system/services/${name}/exposed/${rest}`, init);

  it('answers the running server without OSCAR credentials, HEAD without a body, the health path too', async () => {
    const page = await exposed('nginx2');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Welcome to nginx!');
    const head = await exposed('nginx2', '', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await exposed('nginx2', 'missing.html')).status).toBe(404);
    expect((await fetch(`${DEMO_ENDPOINT}/system/services/nginx2/exposed`)).status).toBe(200);
  });

  it('503 while stopped or starting, 404 for a service that is not exposed or does not exist', async () => {
    expect((await exposed('openclaw-volume')).status).toBe(503);
    expect((await post('/system/services/openclaw-volume/start', basicAuth())).status).toBe(200);
    expect((await exposed('openclaw-volume', '', { method: 'HEAD' })).status).toBe(503);
    expect((await exposed('cowsay')).status).toBe(404);
    expect((await exposed('no-such-service')).status).toBe(404);
    expect((await exposed('cowsay', '', { method: 'POST' })).status).toBe(404);
  });

  it('asks for the service Basic credentials when set_auth is on; the jupyter page wants its token', async () => {
    const locked = await exposed('dogs-breed');
    expect(locked.status).toBe(401);
    expect(locked.headers.get('WWW-Authenticate')).toBe('Basic realm="dogs-breed"');
    const svc = (await (await get('/system/services/dogs-breed', basicAuth())).json()) as Service;
    expect(svc.expose?.nodePort).toEqual([30500, 30501]);
    const ok = await exposed('dogs-breed', '', { headers: { Authorization: `Basic ${btoa(`dogs-breed:${svc.token}`)}` } });
    expect(ok.status).toBe(200);
    expect(await (await exposed('jupyter')).text()).toContain('Token authentication is enabled');
    expect(await (await exposed('jupyter', '?token=root')).text()).toContain('Logged in to jupyter');
  });

  it('signs in to a notebook as Jupyter Server’s login form does: _xsrf field = cookie, the token as password, then lab', async () => {
    const login = (fields: Record<string, string>, cookie = '', next = '') =>
      exposed('jupyter', `login${next ? `?next=${encodeURIComponent(next)}` : ''}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
        body: new URLSearchParams(fields).toString(),
      });
    const missing = await login({ password: 'root' });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain("'_xsrf' argument missing from POST");
    const mismatch = await login({ password: 'root', _xsrf: 'abc' }, '_xsrf=xyz');
    expect(await mismatch.text()).toContain('XSRF cookie does not match POST argument');
    const wrong = await login({ password: 'not-the-token', _xsrf: 'abc' }, '_xsrf=abc');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Invalid credentials');
    expect(wrong.headers.get('Set-Cookie')).toBeNull();

    expect(await (await exposed('jupyter', 'lab', { headers: { Cookie: 'username-jupyter=forged' } })).text()).toContain('Token authentication is enabled');

    const ok = await login({ password: 'root', _xsrf: 'abc' }, 'other=1; _xsrf=abc', '/system/services/jupyter/exposed/lab');
    expect(ok.status).toBe(302);
    expect(ok.headers.get('Location')).toBe('/system/services/jupyter/exposed/lab');
    const set = ok.headers.get('Set-Cookie') ?? '';
    expect(set).toMatch(/^username-jupyter=[0-9a-f]+; Path=\/system\/services\/jupyter\/exposed\/; HttpOnly; SameSite=Lax$/);
    // A `next` off the notebook goes to lab instead.
    expect((await login({ password: 'root', _xsrf: 'abc' }, '_xsrf=abc', 'https://elsewhere.example/')).headers.get('Location')).toBe('/system/services/jupyter/exposed/lab');
    const lab = await exposed('jupyter', 'lab', { headers: { Cookie: set.split(';')[0]! } });
    expect(await lab.text()).toContain('Logged in to jupyter');
  });
});

describe('the cluster status', () => {
  it('counts the requests of jobs started since the seed while they run, on the workers', async () => {
    const admin = basicAuth('oscar', 'lagoon-demo');
    type Status = { cluster: { nodes: { name: string; cpu: { request_cores: number } }[]; metrics: { cpu: { total_free_cores: number } } } };
    const read = async () => ((await (await get('/system/status', admin)).json()) as Status).cluster;
    const before = await read();
    const c = demoCluster();
    c.services.get('grayify')!.cpu = '2';
    const job = c.createJob('grayify', 'oscar', {});
    c.jobs.get('grayify')!.get(job.name)!.startAt = c.now() - 1;
    const during = await read();
    expect(during.metrics.cpu.total_free_cores).toBe(before.metrics.cpu.total_free_cores - 2);
    const requested = (s: typeof before) => s.nodes.filter((n) => n.name.startsWith('oscar-wn-')).reduce((t, n) => t + n.cpu.request_cores, 0);
    expect(requested(during)).toBe(requested(before) + 2);
    c.jobs.get('grayify')!.get(job.name)!.finishAt = c.now() - 1;
    expect((await read()).metrics.cpu.total_free_cores).toBe(before.metrics.cpu.total_free_cores);
  });
});
