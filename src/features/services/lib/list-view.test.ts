import { describe, expect, it } from 'vitest';
import { ALL, cowsay, fish } from '../test/fixtures';
import { filterRows, parseListParams, sortRows, toRow } from './list-view';

const rows = ALL.map(toRow);
const names = (r: { name: string }[]) => r.map((x) => x.name);

describe('list params', () => {
  it('reads q, sort and dir, falling back to name ascending', () => {
    expect(parseListParams(new URLSearchParams('q=fish&sort=owner&dir=desc'))).toEqual({ q: 'fish', sort: 'owner', dir: 'desc' });
    expect(parseListParams(new URLSearchParams('sort=bogus&dir=sideways'))).toEqual({ q: '', sort: 'name', dir: 'asc' });
  });
});

describe('filtering', () => {
  it('matches every word against name, image and owner, ignoring case', () => {
    expect(names(filterRows(rows, 'ALICE'))).toEqual(['fish-detector', 'imagemagick']);
    expect(names(filterRows(rows, 'grycap alice fish'))).toEqual(['fish-detector']);
    expect(names(filterRows(rows, '  '))).toHaveLength(4);
    // Visibility and paths are not searched.
    expect(filterRows(rows, 'restricted')).toEqual([]);
  });
});

describe('sorting', () => {
  it('sorts names naturally and breaks ties by name', () => {
    const numbered = ['svc-10', 'svc-2', 'svc-1'].map((name) => toRow({ ...cowsay, name }));
    expect(names(sortRows(numbered, 'name', 'asc'))).toEqual(['svc-1', 'svc-2', 'svc-10']);
    expect(names(sortRows(rows, 'visibility', 'asc'))).toEqual(['cowsay', 'nginx', 'fish-detector', 'imagemagick']);
  });

  it('compares resources as quantities, not text', () => {
    const r = [
      toRow({ ...fish, name: 'a', cpu: '2', memory: '1Gi' }),
      toRow({ ...fish, name: 'b', cpu: '500m', memory: '4Gi' }),
      toRow({ ...fish, name: 'c', cpu: '2', memory: '512Mi' }),
      toRow({ ...fish, name: 'd', cpu: undefined, memory: undefined }),
    ];
    expect(names(sortRows(r, 'resources', 'asc'))).toEqual(['b', 'c', 'a', 'd']);
    expect(names(sortRows(r, 'resources', 'desc'))).toEqual(['a', 'c', 'b', 'd']);
  });

  it('sorts 5,000 rows quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) => toRow({ ...fish, name: `svc-${(i * 7919) % 5000}` }));
    const t = performance.now();
    const sorted = sortRows(filterRows(many, 'svc'), 'name', 'desc');
    expect(performance.now() - t).toBeLessThan(500);
    expect(sorted[0]?.name).toBe('svc-4999');
    expect(sorted.at(-1)?.name).toBe('svc-0');
  });
});
