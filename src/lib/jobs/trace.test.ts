import { describe, expect, it } from 'vitest';
import { baseName, browseLink, externalProviders, inputFromLog, likelyInputs, matchOutputs, namedAfter, objectLink, previewKind, servicePaths, splitStoragePath } from './trace';

const T = (s: number) => Date.UTC(2025, 5, 2, 10, 0, s);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('storage paths', () => {
  it('splits bucket and prefix, keeping only the cluster MinIO', () => {
    expect(splitStoragePath('grayify/in')).toEqual({ bucket: 'grayify', prefix: 'in/' });
    expect(splitStoragePath('/bucket/')).toEqual({ bucket: 'bucket', prefix: '' });
    expect(splitStoragePath('b/a/b/')).toEqual({ bucket: 'b', prefix: 'a/b/' });
    expect(
      servicePaths({
        input: [{ storage_provider: 'minio.default', path: 'grayify/in' }],
        output: [{ storage_provider: 's3.aws', path: 'elsewhere/out' }, { path: 'grayify/out' }],
      }),
    ).toEqual({ inputs: [{ bucket: 'grayify', prefix: 'in/' }], outputs: [{ bucket: 'grayify', prefix: 'out/' }] });
  });
});

describe('inputFromLog', () => {
  it('reads the object the supervisor downloaded', () => {
    const log = [
      "2025-06-02 09:59:54,749 - supervisor - INFO - Reading 'STORAGE_AUTH' environment variables",
      "2025-06-02 09:59:56,929 - supervisor - INFO - Downloading item from bucket 'grayify' with key 'in/station A-cam2-0.jpg'",
    ];
    expect(inputFromLog(log)).toEqual({ bucket: 'grayify', key: 'in/station A-cam2-0.jpg' });
    expect(inputFromLog(['Received event payload (async invocation)'])).toBeNull();
  });
});

describe('matchOutputs', () => {
  const objects = [
    { object_name: 'out/', last_modified: iso(T(10)) },
    { object_name: 'out/older.png', last_modified: iso(T(-60)) },
    { object_name: 'out/other-job.png', last_modified: iso(T(12)), size_bytes: 10 },
    { object_name: 'out/station-A-cam2-0.png', last_modified: iso(T(15)), size_bytes: 20 },
    { object_name: 'elsewhere/station-A-cam2-0.png', last_modified: iso(T(15)) },
    { object_name: 'out/much-later.png', last_modified: iso(T(600)) },
  ];

  it('finds objects written in the output path while the job ran, same-name first', () => {
    const found = matchOutputs({ bucket: 'grayify', prefix: 'out/' }, objects, { started: T(3), finished: T(18) }, { input: { bucket: 'grayify', key: 'in/station-A-cam2-0.jpg' } });
    expect(found.map((r) => r.key)).toEqual(['out/station-A-cam2-0.png', 'out/other-job.png']);
    expect(found[0]).toEqual({ bucket: 'grayify', key: 'out/station-A-cam2-0.png', size: 20, modified: T(15) });
  });

  it('looks until now for a running job and finds nothing before it starts', () => {
    expect(matchOutputs({ bucket: 'b', prefix: 'out/' }, objects, { started: T(3) }, { now: T(13), graceMs: 0 }).map((r) => r.key)).toEqual(['out/other-job.png']);
    expect(matchOutputs({ bucket: 'b', prefix: 'out/' }, objects, {})).toEqual([]);
  });
});

describe('likelyInputs', () => {
  it('picks objects uploaded just before the job was created, nearest first', () => {
    const objects = [
      { object_name: 'in/a.jpg', last_modified: iso(T(-10)) },
      { object_name: 'in/b.jpg', last_modified: iso(T(0)) },
      { object_name: 'in/c.jpg', last_modified: iso(T(-120)) },
      { object_name: 'in/d.jpg', last_modified: iso(T(30)) },
    ];
    expect(likelyInputs({ bucket: 'g', prefix: 'in/' }, objects, T(1)).map((r) => r.key)).toEqual(['in/b.jpg']);
    expect(likelyInputs({ bucket: 'g', prefix: 'in/' }, objects, T(1), 15_000).map((r) => r.key)).toEqual(['in/b.jpg', 'in/a.jpg']);
    expect(likelyInputs({ bucket: 'g', prefix: 'in/' }, objects, undefined)).toEqual([]);
  });
});

describe('links and previews', () => {
  it('links to the folder in the bucket browser', () => {
    expect(browseLink({ bucket: 'grayify', key: 'out/sub dir/x.png' })).toBe('/buckets/grayify/out/sub%20dir/');
    expect(browseLink({ bucket: 'b', key: 'root.txt' })).toBe('/buckets/b');
    expect(baseName('in/photo.final.jpg')).toBe('photo.final');
    expect(['out/input-1.txt', 'out/input-1-mask.png', 'out/input-1.seg.png', 'out/input-10.txt'].filter((k) => namedAfter(k, 'input-1'))).toEqual([
      'out/input-1.txt',
      'out/input-1-mask.png',
      'out/input-1.seg.png',
    ]);
  });

  it('opens the bucket browser at the object’s folder with its preview, names encoded as the browser reads them', () => {
    expect(objectLink({ bucket: 'grayify', key: 'in/e2e reef#1.jpg' })).toBe('/buckets/grayify/in/?preview=e2e%20reef%231.jpg');
    expect(objectLink({ bucket: 'b', key: 'root.txt' })).toBe('/buckets/b/?preview=root.txt');
    expect(objectLink({ bucket: 'b', key: 'a/../x/f.png' })).toBe('/buckets/b/a/..%2Fx/?preview=f.png');
    expect(new URL(objectLink({ bucket: 'b', key: 'in/ü&?.jpg' }), 'http://x').searchParams.get('preview')).toBe('ü&?.jpg');
  });

  it('names the storage OSCAR cannot list', () => {
    expect(externalProviders([{ path: 'a/in', storage_provider: 'minio.default' }, { path: 'b', storage_provider: 's3.aws' }, { path: 'c', storage_provider: 's3.other' }, { storage_provider: 'onedata.x' }])).toEqual(['s3']);
  });

  it('previews images and text only', () => {
    expect(previewKind('a/b.PNG')).toBe('image');
    expect(previewKind('r.json')).toBe('text');
    expect(previewKind('v.mp4')).toBe('none');
  });
});
