import { describe, expect, it } from 'vitest';
import { commonFolder, plannedFiles, resolve } from './plan-request';

const f = (name: string) => new File(['x'], name);

describe('planning an upload request', () => {
  const request = {
    id: 1,
    bucket: 'b',
    prefix: 'in/',
    files: [
      { file: f('a.jpg'), relativePath: 'a.jpg' },
      { file: f('b.jpg'), relativePath: 'photos/b.jpg' },
      { file: f('c.jpg'), relativePath: 'photos/c.jpg' },
    ],
    emptyFolders: ['photos/empty/'],
  };

  it('keeps the dropped folder structure under the current folder', () => {
    expect(plannedFiles(request).map((p) => [p.key, p.name, p.file.size])).toEqual([
      ['in/a.jpg', 'a.jpg', 1],
      ['in/photos/b.jpg', 'photos/b.jpg', 1],
      ['in/photos/c.jpg', 'photos/c.jpg', 1],
      ['in/photos/empty/', 'photos/empty/', 0],
    ]);
    expect(commonFolder(plannedFiles(request).map((p) => p.key))).toBe('in/');
    expect(commonFolder(['x/y/a', 'x/y/b'])).toBe('x/y/');
    expect(commonFolder(['a', 'b'])).toBe('');
  });

  it('applies replace, keep both and skip to the names that exist', () => {
    const existing = new Set(['in/a.jpg', 'in/photos/b.jpg', 'in/photos/b (1).jpg', 'in/photos/c.jpg']);
    const out = resolve(
      plannedFiles(request),
      'b',
      existing,
      new Map([
        ['in/a.jpg', 'replace'],
        ['in/photos/b.jpg', 'keep-both'],
        ['in/photos/c.jpg', 'skip'],
      ]),
    );
    expect(out.map((r) => [r.key, r.name])).toEqual([
      ['in/a.jpg', 'a.jpg'],
      ['in/photos/b (2).jpg', 'photos/b (2).jpg'],
      ['in/photos/empty/', 'photos/empty/'],
    ]);
  });
});
