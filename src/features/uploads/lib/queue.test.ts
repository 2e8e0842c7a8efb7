// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { basicAuth, demoCluster, oidcToken, resetDemoCluster, server } from '../../../../mocks/node';
import { demoS3 } from '../../../../mocks/s3';
import { MiB } from './plan';
import { UploadQueue, type UploadQueueOptions } from './queue';
import { memoryUploadStore } from './store';
import { demoBackend, fetchSend, fileOf, sha256, useNodeBlobs } from '../test/fakes';
import type { Send } from './transport';

beforeAll(async () => {
  await useNodeBlobs();
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  resetDemoCluster();
});
afterAll(() => server.close());

const noWait = async () => undefined;

function queue(overrides: Partial<UploadQueueOptions> = {}) {
  const log = fetchSend();
  const store = memoryUploadStore();
  const backend = demoBackend(basicAuth());
  const q = new UploadQueue({
    backend,
    store,
    scope: () => 'demo|oscar',
    send: log.send,
    partSize: 5 * MiB,
    multipartThreshold: 6 * MiB,
    sleep: noWait,
    ...overrides,
  });
  return { q, log, store, backend };
}

async function storedHash(bucket: string, key: string) {
  return demoS3(demoCluster()).objectData(bucket, key);
}

function partCount(): number {
  return [...demoS3(demoCluster()).partCounts.values()].reduce((a, b) => a + b, 0);
}

describe('the upload queue on the demo S3', () => {
  it('sends a small file in one PUT, stores it byte for byte, and an input path starts a job', async () => {
    const { q } = queue();
    const file = fileOf(300_000, 'leaf.png');
    const jobsBefore = demoCluster().jobs.get('grayify')?.size ?? 0;
    const [id] = q.add([{ bucket: 'grayify', key: 'in/leaf.png', file }]);
    await q.idle();
    const item = q.getSnapshot().items.find((i) => i.id === id)!;
    expect(item).toMatchObject({ state: 'done', method: 'put', loaded: 300_000 });
    const data = await storedHash('grayify', 'in/leaf.png');
    expect(await sha256(data!)).toBe(await sha256(file));
    expect(demoCluster().jobs.get('grayify')?.size).toBe(jobsBefore + 1);
  });

  it('sends a large file in parallel parts within the cap, and joins them in order', async () => {
    const { q, log } = queue({ limits: { files: 3, parts: 3 } });
    const file = fileOf(23 * MiB + 17, 'video.mp4', 7);
    q.add([{ bucket: 'shared-models', key: 'videos/video.mp4', file }]);
    await q.idle();
    const [item] = q.getSnapshot().items;
    expect(item).toMatchObject({ state: 'done', method: 'multipart', parts: { total: 5, done: 5, reused: 0 } });
    expect(log.maxInFlight()).toBe(3);
    expect(await sha256((await storedHash('shared-models', 'videos/video.mp4'))!)).toBe(await sha256(file));
    expect(demoS3(demoCluster()).uploads.size).toBe(0);
    expect(q.getSnapshot().summary).toMatchObject({ finished: true, done: 1, total: 1 });
  });

  it('counts every part of a finished file, even when its last parts land between two progress refreshes', async () => {
    // Progress is refreshed at most every 100 ms: with that timer never firing, only the end can count.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { q } = queue({ limits: { files: 1, parts: 3 } });
      q.add([{ bucket: 'shared-models', key: 'quick.bin', file: fileOf(12 * MiB + 1, 'quick.bin', 5) }]);
      await q.idle();
      expect(q.getSnapshot().items[0]).toMatchObject({ state: 'done', parts: { total: 3, done: 3 } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps going through a dropped connection by sending only the failed part again', async () => {
    const { q } = queue({ limits: { files: 1, parts: 1 } });
    demoS3(demoCluster()).partFault = { times: 2, network: true };
    q.add([{ bucket: 'shared-models', key: 'net.bin', file: fileOf(12 * MiB) }]);
    await q.idle();
    expect(q.getSnapshot().items[0]?.state).toBe('done');
    // Three parts, the first tried three times.
    expect(Object.fromEntries(demoS3(demoCluster()).partCounts)).toEqual({ 1: 3, 2: 1, 3: 1 });
  });

  it('fails a file whose connection stays down, and Retry sends only the parts the server lacks', async () => {
    const { q } = queue({ limits: { files: 1, parts: 1 }, attempts: 2 });
    const s3 = demoS3(demoCluster());
    let sent = 0;
    const log = fetchSend({
      onSent: () => {
        // After two parts arrive the connection drops for good.
        if (++sent === 2) s3.partFault = { times: 1000, network: true };
      },
    });
    const q2 = new UploadQueue({ ...queueOptions(q), send: log.send });
    const [id] = q2.add([{ bucket: 'shared-models', key: 'drop.bin', file: fileOf(22 * MiB, 'drop.bin', 3) }]);
    await q2.idle();
    expect(q2.getSnapshot().items[0]).toMatchObject({ state: 'failed', error: { kind: 'network' } });
    s3.partFault = null;
    s3.partCounts.clear();
    q2.retry(id!);
    await q2.idle();
    expect(q2.getSnapshot().items[0]?.state).toBe('done');
    expect([...s3.partCounts.keys()].sort()).toEqual([3, 4, 5]);
  });

  it('resumes after the tab was closed: the same file given again continues from the stored parts', async () => {
    const store = memoryUploadStore();
    const s3 = demoS3(demoCluster());
    const file = fileOf(22 * MiB, 'model.h5', 9);
    let sent = 0;
    // The first page "closes" after three parts: everything after fails and the queue is dropped.
    const first = new UploadQueue({
      ...queueOptions(queue().q),
      store,
      attempts: 1,
      limits: { files: 1, parts: 1 },
      send: fetchSend({ onSent: () => void (++sent === 3 && (s3.partFault = { times: 1000, network: true })) }).send,
    });
    first.add([{ bucket: 'shared-models', key: 'models/model.h5', file }]);
    await first.idle();
    expect(store.records.size).toBe(1);
    const record = [...store.records.values()][0]!;
    expect(record).toMatchObject({ bucket: 'shared-models', key: 'models/model.h5', fileName: 'model.h5', fileSize: file.size, partSize: 5 * MiB });
    expect(JSON.stringify(record)).not.toMatch(/secret|Xq7pN2vR9/);

    s3.partFault = null;
    s3.partCounts.clear();
    const log = fetchSend();
    const second = new UploadQueue({ ...queueOptions(queue().q), store, send: log.send });
    expect(await second.restore()).toBe(1);
    expect(second.getSnapshot().items[0]).toMatchObject({ state: 'interrupted', name: 'model.h5', size: file.size });
    // A different file with the same name is not taken for it.
    expect(second.resumeWith(second.getSnapshot().items[0]!.id, fileOf(22 * MiB, 'model.h5', 9, 5))).toBe(false);
    second.add([{ bucket: 'shared-models', key: 'models/model.h5', file }]);
    await second.idle();
    const [item] = second.getSnapshot().items;
    expect(item).toMatchObject({ state: 'done', parts: { total: 5, reused: 3 } });
    expect([...s3.partCounts.keys()].sort()).toEqual([4, 5]);
    expect(await sha256((await storedHash('shared-models', 'models/model.h5'))!)).toBe(await sha256(file));
    expect(store.records.size).toBe(0);
  });

  it('cancel aborts the multipart upload on the server and forgets it', async () => {
    const s3 = demoS3(demoCluster());
    const { q, store } = queue({ limits: { files: 1, parts: 1 } });
    let id = '';
    const log = fetchSend({ onSent: () => q2.cancel(id) });
    const q2 = new UploadQueue({ ...queueOptions(q), store, send: log.send, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))) });
    // The abort goes out after the cancel returns (and again 300 ms later, here 5 ms): wait for the
    // server's answer to it, not for a time.
    const aborted = answered((r) => r.method === 'DELETE' && new URL(r.url).searchParams.has('uploadId'));
    [id] = q2.add([{ bucket: 'shared-models', key: 'gone.bin', file: fileOf(20 * MiB) }]) as [string];
    await q2.idle();
    expect(q2.getSnapshot().items[0]?.state).toBe('cancelled');
    await aborted;
    expect(s3.uploads.size).toBe(0);
    expect(store.records.size).toBe(0);
    expect(demoCluster().getObject('shared-models', 'gone.bin')).toBeUndefined();
  });

  it('renews expired credentials mid-upload and carries on', async () => {
    const s3 = demoS3(demoCluster());
    let sent = 0;
    const { q, backend } = queue({ limits: { files: 1, parts: 1 } });
    const q2 = new UploadQueue({ ...queueOptions(q), send: fetchSend({ onSent: () => void (++sent === 1 && s3.rotateKeys()) }).send });
    q2.add([{ bucket: 'shared-models', key: 'rotated.bin', file: fileOf(12 * MiB) }]);
    await q2.idle();
    expect(q2.getSnapshot().items[0]?.state).toBe('done');
    expect(backend.renewals).toBe(1);
  });

  it('reports quota, permission and a deleted bucket on their own files while the others finish', async () => {
    const cluster = demoCluster();
    cluster.quotas.set('cluster_admin', { ...cluster.quotaFor('cluster_admin'), storagePerBucket: '1Mi' });
    const { q } = queue();
    const file = fileOf(2 * MiB, 'big.tif');
    const [tooBig, ok] = q.add([
      { bucket: 'shared-models', key: 'big.tif', file },
      { bucket: 'ana-datasets', key: 'small.csv', file: fileOf(1000, 'small.csv') },
    ]);
    await q.idle();
    const byId = (id?: string) => q.getSnapshot().items.find((i) => i.id === id);
    expect(byId(tooBig)).toMatchObject({ state: 'failed', error: { kind: 'quota', status: 403 } });
    expect(byId(tooBig)?.error?.message).toMatch(/quota/i);
    expect(byId(ok)?.state).toBe('done');

    const ana = new UploadQueue({ ...queueOptions(q), backend: demoBackend(`Bearer ${oidcToken()}`) });
    const [denied] = ana.add([{ bucket: 'marco-private', key: 'x.txt', file: fileOf(10, 'x.txt') }]);
    await ana.idle();
    expect(ana.getSnapshot().items.find((i) => i.id === denied)).toMatchObject({ state: 'failed', error: { kind: 'permission', status: 403 } });

    let sent = 0;
    const q3 = new UploadQueue({
      ...queueOptions(q),
      limits: { files: 1, parts: 1 },
      send: fetchSend({ onSent: () => void (++sent === 1 && cluster.buckets.delete('field-videos')) }).send,
    });
    const [gone] = q3.add([{ bucket: 'field-videos', key: 'clip.mp4', file: fileOf(12 * MiB) }]);
    await q3.idle();
    expect(q3.getSnapshot().items.find((i) => i.id === gone)).toMatchObject({ state: 'failed', error: { kind: 'bucket-gone' } });
  });

  it('stores empty files, names as typed (even "../x", by POST), and works with presigned URLs only', async () => {
    const { q } = queue();
    q.add([
      { bucket: 'shared-models', key: 'empty.txt', file: fileOf(0, 'empty.txt') },
      { bucket: 'shared-models', key: '../x', file: fileOf(5, 'x') },
      { bucket: 'shared-models', key: 'a%2Fb <img src=x onerror=alert(1)>.png', file: fileOf(5, 'h.png') },
    ]);
    await q.idle();
    expect(q.getSnapshot().items.map((i) => [i.key, i.method, i.state])).toEqual([
      ['empty.txt', 'put', 'done'],
      ['../x', 'post', 'done'],
      ['a%2Fb <img src=x onerror=alert(1)>.png', 'put', 'done'],
    ]);
    const cluster = demoCluster();
    expect(cluster.getObject('shared-models', 'empty.txt')?.size).toBe(0);
    expect(cluster.getObject('shared-models', '../x')?.size).toBe(5);
    expect(cluster.getObject('shared-models', 'a%2Fb <img src=x onerror=alert(1)>.png')?.size).toBe(5);

    const presigned = new UploadQueue({ ...queueOptions(q), backend: demoBackend(basicAuth(), { presignOnly: true }) });
    presigned.add([{ bucket: 'shared-models', key: 'big-by-presign.bin', file: fileOf(8 * MiB) }]);
    await presigned.idle();
    expect(presigned.getSnapshot().items[0]).toMatchObject({ state: 'done', method: 'put' });
    expect(cluster.getObject('shared-models', 'big-by-presign.bin')?.size).toBe(8 * MiB);
    expect(partCount()).toBe(0);
  });
});

describe('progress', () => {
  it('costs a counter per progress event: a thousand events make a few snapshots, which carry the bytes on the wire', async () => {
    let finish = () => {};
    const send: Send = (r) =>
      new Promise((resolve) => {
        for (let i = 1; i <= 1000; i++) r.onProgress?.(i * 100);
        finish = () => resolve({ status: 200, etag: '"x"' });
      });
    const q = new UploadQueue({
      backend: { credentials: async () => null, renewCredentials: async () => null, presignPut: async () => ({ url: 'http://s3.test/b/k' }) },
      store: memoryUploadStore(),
      scope: () => 'test',
      send,
    });
    let snapshots = 0;
    // The snapshot that carries the thousand events comes at most ~100 ms after them: wait for it.
    const carried = new Promise<void>((resolve) =>
      q.subscribe(() => {
        snapshots++;
        if (q.getSnapshot().items[0]?.loaded === 100_000) resolve();
      }),
    );
    q.add([{ bucket: 'b', key: 'k', file: fileOf(200_000) }]);
    await carried;
    expect(q.getSnapshot().items[0]).toMatchObject({ state: 'uploading', loaded: 100_000 });
    expect(snapshots).toBeLessThanOrEqual(4);
    finish();
    await q.idle();
    expect(q.getSnapshot().items[0]).toMatchObject({ state: 'done', loaded: 200_000 });
  });
});

/** Resolves once the demo cluster has answered a request that `match` picks. */
function answered(match: (request: Request) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const listener = ({ request }: { request: Request }) => {
      if (!match(request)) return;
      server.events.removeListener('response:mocked', listener);
      resolve();
    };
    server.events.on('response:mocked', listener);
  });
}

/** The options a queue was made with, to make another like it. */
function queueOptions(q: UploadQueue): UploadQueueOptions {
  return (q as unknown as { o: UploadQueueOptions }).o;
}
