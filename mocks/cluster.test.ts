// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_OWNER, type Principal } from './auth';
import { ClusterError, PENDING_MS } from './cluster';
import { createTestCluster } from './node';
import { loadFrom, persistTo, restore, snapshot } from './persist';
import { DEMO_OIDC_USER, OTHER_OIDC_USER } from './seed';

const admin: Principal = { kind: 'admin', username: 'oscar' };
const ana: Principal = { kind: 'oidc', sub: DEMO_OIDC_USER.sub, iss: 'https://aai.egi.eu/auth/realms/egi', entitlements: [] };
const marco: Principal = { kind: 'oidc', sub: OTHER_OIDC_USER.sub, iss: 'https://aai.egi.eu/auth/realms/egi', entitlements: [] };

function statusError(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClusterError) return e.status;
    throw e;
  }
  return undefined;
}

describe('job lifecycle on the cluster clock', () => {
  it('goes Pending → Running → Succeeded, growing its log and writing its output', () => {
    const c = createTestCluster();
    const job = c.createJob('grayify', ana.kind === 'oidc' ? ana.sub : '', { outcome: 'Succeeded', runMs: 12_000, input: { bucket: 'grayify', key: 'in/cat.jpg' } });
    expect(c.jobInfo(job)).toEqual({ status: 'Pending', creation_time: expect.any(String) });
    expect(c.jobLog(job)).toBe('');

    c.advance(PENDING_MS + 2_000);
    expect(c.jobStatus(job)).toBe('Running');
    expect(c.jobInfo(job).start_time).toBeDefined();
    expect(c.jobInfo(job).finish_time).toBeUndefined();
    const early = c.jobLog(job);
    c.advance(6_000);
    const later = c.jobLog(job);
    expect(later.startsWith(early)).toBe(true);
    expect(later.length).toBeGreaterThan(early.length);
    expect(c.getObject('grayify', 'out/cat.png')).toBeUndefined();

    c.advance(10_000);
    expect(c.jobInfo(job)).toMatchObject({ status: 'Succeeded', finish_time: expect.any(String) });
    expect(c.jobLog(job)).toContain("Downloading item from bucket 'grayify' with key 'in/cat.jpg'");
    const out = c.getObject('grayify', 'out/cat.png');
    expect(out?.contentType).toBe('image/png');
    // A real PNG: the signature bytes.
    expect(atob(out!.body!).slice(1, 4)).toBe('PNG');
  });

  it('fails with a traceback and writes nothing', () => {
    const c = createTestCluster();
    const failed = c.createJob('fish-detector', ADMIN_OWNER, { outcome: 'Failed', runMs: 10_000 });
    const passed = c.createJob('fish-detector', ADMIN_OWNER, { outcome: 'Succeeded', runMs: 10_000 });
    c.advance(60_000);
    expect(c.jobStatus(failed)).toBe('Failed');
    expect(c.jobLog(failed)).toMatch(/Traceback[\s\S]*exit status 1/);
    expect(c.getObject('fish-detector', `output/${failed.name}.json`)).toBeUndefined();
    expect(c.getObject('fish-detector', `output/${passed.name}.json`)).toBeDefined();
  });

  it('starts a job when an object lands in a service input path, and not elsewhere', () => {
    const c = createTestCluster();
    const count = () => c.jobsOf('grayify').size;
    const n = count();
    c.putObject('grayify', { key: 'in/dog.jpg', size: 1000 });
    expect(count()).toBe(n + 1);
    c.putObject('grayify', { key: 'elsewhere/dog.jpg', size: 1000 });
    expect(count()).toBe(n + 1);
    const job = [...c.jobsOf('grayify').values()].find((j) => j.input?.key === 'in/dog.jpg')!;
    expect(c.jobStatus(job)).toBe('Pending');
  });

  it('chains a workflow: one service output is the next one input', () => {
    const c = createTestCluster();
    const chained = () => [...c.jobsOf('mask-detector').values()].filter((j) => j.input?.key === 'intermediate/crowd.png');
    c.createJob('anon-and-split', ADMIN_OWNER, { outcome: 'Succeeded', runMs: 10_000, input: { bucket: 'mask-detector', key: 'input/crowd.jpg' } });
    expect(chained()).toHaveLength(0);
    c.advance(PENDING_MS + 10_000);
    expect(chained()).toHaveLength(1);
  });

  it('prefixes RFC 3339 timestamps when asked', () => {
    const c = createTestCluster();
    const job = c.createJob('simple-test', ADMIN_OWNER, { outcome: 'Succeeded', runMs: 10_000 });
    c.advance(30_000);
    const lines = c.jobLog(job, true).trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z /);
  });

  it('deletes only succeeded jobs unless all is asked', () => {
    const c = createTestCluster();
    const s = 'simple-test';
    for (const j of [...c.jobsOf(s).keys()]) c.jobsOf(s).delete(j);
    c.createJob(s, ADMIN_OWNER, { outcome: 'Succeeded', runMs: 10_000, at: c.now() - 60_000 });
    c.createJob(s, ADMIN_OWNER, { outcome: 'Failed', runMs: 10_000, at: c.now() - 60_000 });
    c.createJob(s, ADMIN_OWNER, { outcome: 'Succeeded', runMs: 10_000 });
    expect(c.deleteJobs(admin, s, false)).toBe(1);
    expect([...c.jobsOf(s).values()].map((j) => c.jobStatus(j)).sort()).toEqual(['Failed', 'Pending']);
    expect(c.deleteJobs(admin, s, true)).toBe(2);
    expect(c.jobsOf(s).size).toBe(0);
  });
});

describe('paging', () => {
  it('lists jobs 70 at a time, keyed by name, each job exactly once', () => {
    const c = createTestCluster();
    const total = c.jobsOf('fish-detector').size;
    expect(total).toBeGreaterThan(140);
    const seen: string[] = [];
    let page: string | undefined;
    let pages = 0;
    do {
      const res = c.listJobs(admin, 'fish-detector', page);
      const names = Object.keys(res.jobs);
      expect(names.length).toBe(Math.min(70, total - seen.length));
      seen.push(...names);
      if (res.next_page) expect(res.remaining_jobs).toBe(total - seen.length);
      page = res.next_page;
      pages++;
    } while (page);
    expect(pages).toBe(Math.ceil(total / 70));
    expect(new Set(seen).size).toBe(total);
  });

  it('shows an OIDC user only the jobs she started', () => {
    const c = createTestCluster();
    const all = Object.keys(c.listJobs(admin, 'fish-detector-zip', null, 1000).jobs);
    c.createJob('fish-detector-zip', 'someone-else@egi.eu');
    const hers = Object.keys(c.listJobs(ana, 'fish-detector-zip', null, 1000).jobs);
    expect(hers.length).toBe(all.length);
    expect(Object.keys(c.listJobs(admin, 'fish-detector-zip', null, 1000).jobs).length).toBe(all.length + 1);
  });

  it('lists objects 1000 at a time in key order', () => {
    const c = createTestCluster();
    c.addGeneratedObjects('big-bucket', 2_500, 'data');
    const b = c.buckets.get('big-bucket')!;
    const p1 = c.listObjects(b);
    const p2 = c.listObjects(b, p1.next_page);
    const p3 = c.listObjects(b, p2.next_page);
    expect([p1.returned_items, p2.returned_items, p3.returned_items]).toEqual([1000, 1000, 500]);
    expect([p1.is_truncated, p2.is_truncated, p3.is_truncated]).toEqual([true, true, false]);
    expect(p3.next_page).toBeUndefined();
    const keys = [...p1.objects, ...p2.objects, ...p3.objects].map((o) => o.object_name!);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(2_500);
    expect(keys.every((k) => k.startsWith('data/'))).toBe(true);
  });
});

describe('secrets', () => {
  it('come back blank from GET, with the default MinIO keys hidden', () => {
    const c = createTestCluster();
    const stored = c.services.get('secrets-usage')!;
    expect(stored.environment?.secrets?.COWSAY_SECRET).toBe('this-is-my-secret');
    const shown = c.publicService(stored);
    expect(shown.environment?.secrets).toEqual({ COWSAY_SECRET: '' });
    expect(shown.storage_providers?.minio?.default).toMatchObject({ access_key: 'hidden', secret_key: 'hidden' });
    expect(stored.environment?.secrets?.COWSAY_SECRET).toBe('this-is-my-secret');
  });

  it('are wiped by a PUT that sends the blanked values back, and kept when resent', () => {
    const c = createTestCluster();
    const shown = c.publicService(c.services.get('secrets-usage')!);
    c.updateService(admin, { ...shown, environment: { ...shown.environment, secrets: { COWSAY_SECRET: 'typed-again' } } });
    expect(c.services.get('secrets-usage')!.environment?.secrets?.COWSAY_SECRET).toBe('typed-again');
    c.updateService(admin, c.publicService(c.services.get('secrets-usage')!));
    expect(c.services.get('secrets-usage')!.environment?.secrets?.COWSAY_SECRET).toBe('');
    // The token and owner are the server's, whatever the body says.
    const before = c.services.get('secrets-usage')!.token;
    c.updateService(admin, { ...shown, token: 'x', owner: 'mallory' });
    expect(c.services.get('secrets-usage')).toMatchObject({ token: before, owner: ADMIN_OWNER });
  });
});

describe('visibility', () => {
  it('lets an OIDC user see her own, public and allowed services only', () => {
    const c = createTestCluster();
    const names = c.listServices(ana).map((s) => s.name);
    expect(names).toContain('grayify'); // hers
    expect(names).toContain('cowsay'); // public
    expect(names).toContain('sleep-test'); // restricted, she is allowed
    expect(names).not.toContain('nginx2'); // the admin's, private
    expect(names).not.toContain('wordcount-compss-python'); // Marco's, private
    expect(names).not.toContain('thermal-detector-interlink'); // restricted, she is not allowed
    expect(c.listServices(admin).length).toBe(c.services.size);
    expect(c.listServices(marco).map((s) => s.name)).toContain('thermal-detector-interlink');
  });

  it('refuses writes on services she does not own', () => {
    const c = createTestCluster();
    const cowsay = c.publicService(c.services.get('cowsay')!);
    expect(statusError(() => c.updateService(ana, cowsay))).toBe(403);
    expect(statusError(() => c.deleteService(ana, 'cowsay'))).toBe(403);
    expect(statusError(() => c.readableService(ana, 'nginx2'))).toBe(403);
    expect(statusError(() => c.deleteService(ana, 'plant-classification-sync'))).toBeUndefined();
  });

  it('gives services created over OIDC to their creator, and admin ones to cluster_admin', () => {
    const c = createTestCluster();
    c.createService(ana, { name: 'ana-new', image: 'ubuntu', script: 'echo' });
    c.createService(admin, { name: 'admin-new', image: 'ubuntu', script: 'echo' });
    expect(c.services.get('ana-new')).toMatchObject({ owner: DEMO_OIDC_USER.sub, visibility: 'private', token: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(c.services.get('admin-new')?.owner).toBe(ADMIN_OWNER);
  });

  it('shows buckets by owner, public and restricted lists', () => {
    const c = createTestCluster();
    const names = c.listBuckets(ana).map((b) => b.bucket_name);
    expect(names).toEqual(expect.arrayContaining(['ana-datasets', 'shared-models', 'field-videos', 'grayify']));
    expect(names).not.toContain('marco-private');
    expect(statusError(() => c.requireBucket(ana, 'marco-private'))).toBe(403);
  });
});

describe('service buckets', () => {
  it('are created with the service and deleted with it, but pre-existing buckets stay', () => {
    const c = createTestCluster();
    c.createBucket(admin, { bucket_name: 'pre-existing' });
    c.createService(admin, {
      name: 'bucketed',
      image: 'ubuntu',
      script: 'echo',
      input: [{ storage_provider: 'minio.default', path: 'bucketed/in' }],
      output: [{ storage_provider: 'minio', path: 'pre-existing/out' }],
    });
    expect(c.buckets.get('bucketed')?.createdByService).toBe('bucketed');
    expect(c.buckets.get('bucketed')?.objects.has('in/')).toBe(true);
    c.deleteService(admin, 'bucketed');
    expect(c.buckets.has('bucketed')).toBe(false);
    expect(c.buckets.has('pre-existing')).toBe(true);
  });

  it('past the owner’s bucket quota refuse the service with a 400 in words, creating nothing (a demo rule); the admin has no such limit', () => {
    const c = createTestCluster();
    const owned = () => [...c.buckets.values()].filter((b) => b.owner === DEMO_OIDC_USER.sub).length;
    expect(owned()).toBe(4);
    expect(c.quotaFor(DEMO_OIDC_USER.sub).buckets).toBe(5);
    const spec = (name: string, paths: string[]) => ({ name, image: 'ubuntu', script: 'echo', input: paths.map((path) => ({ path })) });
    let refusal: unknown;
    try {
      c.createService(ana, spec('two-more', ['two-more-a/in', 'two-more-b/in']));
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(ClusterError);
    expect((refusal as ClusterError).status).toBe(400);
    expect((refusal as ClusterError).message).toBe(
      'Bucket quota exceeded: the service needs 2 new buckets ("two-more-a", "two-more-b"), and you have 4 of at most 5 buckets',
    );
    expect(c.services.has('two-more')).toBe(false);
    expect(owned()).toBe(4);
    // One more fits; a bucket she already owns costs nothing; the next new one does not fit.
    c.createService(ana, spec('one-more', ['one-more/in']));
    c.createService(ana, spec('reuse', ['one-more/out']));
    expect(statusError(() => c.createService(ana, spec('past', ['past/in'])))).toBe(400);
    c.createService(admin, spec('admin-many', ['m-1/in', 'm-2/in', 'm-3/in']));
    expect(c.buckets.has('m-3')).toBe(true);
  });

  it('go when a seeded service is deleted', () => {
    const c = createTestCluster();
    expect(c.buckets.has('grayify')).toBe(true);
    c.deleteService(ana, 'grayify');
    expect(c.buckets.has('grayify')).toBe(false);
    expect(c.jobsOf('grayify').size).toBe(0);
  });
});

describe('validation', () => {
  it('rejects bad specifications with OSCAR words', () => {
    const c = createTestCluster();
    const bad = (spec: unknown) => {
      try {
        c.createService(admin, spec);
      } catch (e) {
        return (e as ClusterError).message;
      }
      return 'accepted';
    };
    expect(bad({ image: 'x', script: 'y' })).toMatch(/^The service specification is not valid: .*'Name'.*required/);
    expect(bad({ name: 'x', script: 'y' })).toMatch(/'Image'/);
    expect(bad({ name: 'UPPER', image: 'x', script: 'y' })).toMatch(/RFC 1123/);
    expect(bad({ name: 'a'.repeat(40), image: 'x', script: 'y' })).toMatch(/39 characters/);
    expect(bad({ name: 'a'.repeat(39), image: 'x', script: 'y' })).toBe('accepted');
    expect(statusError(() => c.createService(admin, { name: 'cowsay', image: 'x', script: 'y' }))).toBe(409);
  });
});

describe('seed and scale', () => {
  it('is deterministic', () => {
    const a = createTestCluster();
    const b = createTestCluster();
    expect([...a.services.values()].map((s) => s.token)).toEqual([...b.services.values()].map((s) => s.token));
    expect([...a.jobsOf('grayify').keys()]).toEqual([...b.jobsOf('grayify').keys()]);
  });

  it('maps FDL files to API services (Variables, script files, api_port, replicas)', () => {
    const c = createTestCluster();
    expect(c.services.get('cowsay')?.environment?.variables).toEqual({ INPUT_TYPE: 'json' });
    expect(c.services.get('grayify')?.script).toContain('convert "$INPUT_FILE_PATH" -type Grayscale');
    expect(c.services.get('nginx2')?.expose?.api_port).toEqual([80]);
    expect(c.services.get('fish-detector')?.federation?.members).toEqual([{ type: 'oscar', cluster_id: 'oscar-us', service_name: 'fish-detector' }]);
    const statuses = new Set([...c.jobs.values()].flatMap((m) => [...m.values()].map((j) => c.jobStatus(j))));
    expect([...statuses].sort()).toEqual(['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown']);
  });

  it('generates thousands of services and objects on demand', () => {
    const c = createTestCluster({ minimal: true });
    const before = c.services.size;
    const names = c.addGeneratedServices(5000);
    expect(names).toHaveLength(5000);
    expect(c.services.size).toBe(before + 5000);
    expect(new Set(names).size).toBe(5000);
    expect(names.every((n) => n.length <= 39 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(n))).toBe(true);
    expect(c.services.get(names[0]!)?.owner).toBe(ADMIN_OWNER);
    expect(c.addGeneratedObjects('shared-models', 10_000)).toBeGreaterThanOrEqual(10_000);
  });
});

describe('snapshots', () => {
  it('restores the state and keeps the clock-driven jobs going', () => {
    let t = Date.UTC(2025, 5, 2, 10);
    const c = createTestCluster({ now: () => t });
    c.createService(ana, { name: 'snap', image: 'ubuntu', script: 'echo', input: [{ path: 'snap/in' }], output: [{ path: 'snap/out' }], environment: { secrets: { K: 'v' } } });
    c.putObject('snap', { key: 'in/a.txt', size: 3 });
    const r = restore(JSON.parse(JSON.stringify(snapshot(c))), () => t)!;
    expect(r.services.get('snap')?.environment?.secrets?.K).toBe('v');
    expect(r.buckets.get('snap')?.objects.has('in/a.txt')).toBe(true);
    const [job] = [...r.jobsOf('snap').values()];
    expect(r.jobStatus(job!)).toBe('Pending');
    t += 60_000;
    r.settle();
    expect(['Succeeded', 'Failed']).toContain(r.jobStatus(job!));
    expect(r.jobLog(job!)).toBe(c.jobLog(c.jobsOf('snap').get(job!.name)!, false, t));
    // New tokens do not repeat the old ones: the random state came back too.
    c.settle();
    r.createService(admin, { name: 'after', image: 'x', script: 'y' });
    c.createService(admin, { name: 'after', image: 'x', script: 'y' });
    expect(r.services.get('after')?.token).toBe(c.services.get('after')?.token);
    expect(r.allEvents().length).toBe(c.allEvents().length);
  });

  describe('saving to sessionStorage', () => {
    afterEach(() => {
      vi.useRealTimers();
      sessionStorage.clear();
      delete (document as { visibilityState?: unknown }).visibilityState;
    });

    it('saves a moment after the last change', () => {
      vi.useFakeTimers();
      const c = createTestCluster({ minimal: true });
      const stop = persistTo(sessionStorage, c, 5);
      c.createBucket(admin, { bucket_name: 'saved-bucket' });
      expect(loadFrom(sessionStorage)?.buckets.has('saved-bucket') ?? false).toBe(false);
      vi.advanceTimersByTime(5);
      expect(loadFrom(sessionStorage)?.buckets.has('saved-bucket')).toBe(true);
      stop();
    });

    it('saves the last change on pagehide, before the debounce fires', () => {
      vi.useFakeTimers();
      const c = createTestCluster({ minimal: true });
      const stop = persistTo(sessionStorage, c, 500);
      c.createBucket(admin, { bucket_name: 'before-reload' });
      vi.advanceTimersByTime(100);
      expect(loadFrom(sessionStorage)?.buckets.has('before-reload') ?? false).toBe(false);
      window.dispatchEvent(new Event('pagehide'));
      expect(loadFrom(sessionStorage)?.buckets.has('before-reload')).toBe(true);
      stop();
      // Once stopped, a change is not saved on pagehide any more.
      c.createBucket(admin, { bucket_name: 'after-stop' });
      window.dispatchEvent(new Event('pagehide'));
      expect(loadFrom(sessionStorage)?.buckets.has('after-stop')).toBe(false);
    });

    it('saves the last change when the tab is hidden, not when it is shown', () => {
      vi.useFakeTimers();
      const c = createTestCluster({ minimal: true });
      const stop = persistTo(sessionStorage, c, 500);
      c.createBucket(admin, { bucket_name: 'while-visible' });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(loadFrom(sessionStorage)?.buckets.has('while-visible') ?? false).toBe(false);
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(loadFrom(sessionStorage)?.buckets.has('while-visible')).toBe(true);
      stop();
    });
  });
});
