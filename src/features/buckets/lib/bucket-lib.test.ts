import { describe, expect, it } from 'vitest';
import type { Service } from '../../../api/types';
import { bucketHref, encodePrefix, parseBucketPath, prefixCrumbs } from './bucket-paths';
import { bucketUses, inputPrefix } from './bucket-services';
import { filterRows, keysOf, previewKind, rowsIn, sortRows } from './object-tree';

describe('bucket paths in the URL', () => {
  it('round-trips hostile folder names through the URL as typed', () => {
    for (const prefix of ['', 'raw/2025/', 'a b/ü/', 'a%2Fb/', '<img src=x>/', '../', 'in/../x/', './', 'x/../']) {
      const href = bucketHref('bk', prefix);
      // What a browser does to a path: dot segments fold away, so none may be left in it.
      const parsed = new URL(href, 'http://app.test').pathname;
      expect(parseBucketPath(parsed), prefix).toEqual({ bucket: 'bk', prefix });
    }
    expect(encodePrefix('../x/')).toBe('..%2Fx/');
    expect(bucketHref('my-bucket', 'raw/')).toBe('/buckets/my-bucket/raw/');
  });

  it('names each ancestor folder for the breadcrumb', () => {
    expect(prefixCrumbs('a/b/c/')).toEqual([
      { name: 'a', prefix: 'a/' },
      { name: 'b', prefix: 'a/b/' },
      { name: 'c', prefix: 'a/b/c/' },
    ]);
  });
});

describe('a flat listing seen as folders', () => {
  const objects = [
    { object_name: 'in/', size_bytes: 0, last_modified: '2025-01-01T00:00:00Z' },
    { object_name: 'in/a.jpg', size_bytes: 10, last_modified: '2025-01-02T00:00:00Z' },
    { object_name: 'in/sub/b.jpg', size_bytes: 20, last_modified: '2025-01-03T00:00:00Z' },
    { object_name: 'in/sub/c.jpg', size_bytes: 5, last_modified: '2025-01-01T00:00:00Z' },
    { object_name: 'in/empty/', size_bytes: 0, last_modified: '2025-01-01T00:00:00Z' },
    { object_name: 'top.txt', size_bytes: 1, last_modified: '2025-01-01T00:00:00Z' },
  ];

  it('lists the subfolders (with their files and bytes) and the files of one folder', () => {
    const rows = rowsIn(objects, 'in/');
    expect(rows.map((r) => [r.kind, r.name, r.kind === 'folder' ? r.objects : r.size])).toEqual([
      ['folder', 'sub', 2],
      ['folder', 'empty', 0],
      ['file', 'a.jpg', 10],
    ]);
    expect(rows.find((r) => r.name === 'sub')?.size).toBe(25);
    expect(rowsIn(objects, '').map((r) => r.name)).toEqual(['in', 'top.txt']);
  });

  it('filters by name and sorts with folders first', () => {
    const rows = rowsIn(objects, 'in/');
    expect(sortRows(rows, 'name', 'desc').map((r) => r.name)).toEqual(['sub', 'empty', 'a.jpg']);
    expect(sortRows(rows, 'size', 'asc').map((r) => r.name)).toEqual(['empty', 'sub', 'a.jpg']);
    expect(filterRows(rows, 'SU').map((r) => r.name)).toEqual(['sub']);
  });

  it('expands selected folders into every key inside them', () => {
    const rows = rowsIn(objects, 'in/');
    expect(keysOf(rows.filter((r) => r.name !== 'empty'), objects).sort()).toEqual(['in/a.jpg', 'in/sub/b.jpg', 'in/sub/c.jpg']);
  });

  it('knows which files it can preview', () => {
    expect(['a.PNG', 'd.json', 'e.tsv', 'f.log', 'g.pdf', 'h.mp3', 'i.webm', 'j.h5', 'README'].map(previewKind)).toEqual([
      'image',
      'json',
      'csv',
      'text',
      'pdf',
      'audio',
      'video',
      'none',
      'none',
    ]);
  });
});

describe('which services use a bucket', () => {
  it('reads the MinIO input, output and mount paths, not other providers', () => {
    const services = [
      { name: 'fish', input: [{ path: 'fish/input', storage_provider: 'minio.default' }], output: [{ path: '/fish/output/' }] },
      { name: 'other', input: [{ path: 'fish/x', storage_provider: 's3.aws' }], mount: { path: 'models', storage_provider: 'minio' } },
    ] as unknown as Service[];
    const uses = bucketUses(services);
    expect(uses.get('fish')).toEqual([
      { service: 'fish', role: 'input', prefix: 'input/' },
      { service: 'fish', role: 'output', prefix: 'output/' },
    ]);
    expect(uses.get('models')).toEqual([{ service: 'other', role: 'mount', prefix: '' }]);
    expect(inputPrefix(uses.get('fish'), 'fish')).toBe('input/');
  });
});
