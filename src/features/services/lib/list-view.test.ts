import { describe, expect, it } from 'vitest';
import { ALL, cowsay, fish } from '../test/fixtures';
import { filterByFacets, filterRows, ownerIdOf, parseListParams, sortRows, toRow } from './list-view';

const rows = ALL.map(toRow);
const names = (r: { name: string }[]) => r.map((x) => x.name);

describe('list params', () => {
  it('reads q, sort and dir, falling back to name ascending', () => {
    expect(parseListParams(new URLSearchParams('q=fish&sort=owner&dir=desc'))).toEqual({ q: 'fish', sort: 'owner', dir: 'desc', vis: [], mine: false });
    expect(parseListParams(new URLSearchParams('sort=bogus&dir=sideways'))).toEqual({ q: '', sort: 'name', dir: 'asc', vis: [], mine: false });
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

  it('compares CPU and memory as quantities, not text, each breaking ties by the other', () => {
    const r = [
      toRow({ ...fish, name: 'a', cpu: '2', memory: '1Gi' }),
      toRow({ ...fish, name: 'b', cpu: '500m', memory: '4Gi' }),
      toRow({ ...fish, name: 'c', cpu: '2', memory: '512Mi' }),
      toRow({ ...fish, name: 'd', cpu: undefined, memory: undefined }),
    ];
    expect(names(sortRows(r, 'cpu', 'asc'))).toEqual(['b', 'c', 'a', 'd']);
    expect(names(sortRows(r, 'cpu', 'desc'))).toEqual(['a', 'c', 'b', 'd']);
    expect(names(sortRows(r, 'memory', 'asc'))).toEqual(['c', 'a', 'b', 'd']);
    expect(names(sortRows(r, 'memory', 'desc'))).toEqual(['b', 'a', 'c', 'd']);
  });

  // How fast is bench/services-render.mjs's to say, not a timed test's (it failed a soak under load).
  it('sorts 5,000 rows', () => {
    const many = Array.from({ length: 5000 }, (_, i) => toRow({ ...fish, name: `svc-${(i * 7919) % 5000}` }));
    const sorted = sortRows(filterRows(many, 'svc'), 'name', 'desc');
    expect(sorted).toHaveLength(5000);
    expect(sorted[0]?.name).toBe('svc-4999');
    expect(sorted.at(-1)?.name).toBe('svc-0');
  });
});

describe('visibility and ownership', () => {
  const svc = (name: string, visibility: string | undefined, owner: string) => toRow({ ...fish, name, visibility, owner });
  const r = [svc('p', 'private', 'ana@egi.eu'), svc('u', 'public', 'marco@egi.eu'), svc('r', 'restricted', 'ana@egi.eu'), svc('n', undefined, 'cluster_admin')];

  it('keeps any ticked visibility (a service without one is private, as OSCAR makes it) and only mine when asked', () => {
    expect(names(filterByFacets(r, { vis: [], mine: false }, 'ana@egi.eu'))).toEqual(['p', 'u', 'r', 'n']);
    expect(names(filterByFacets(r, { vis: ['private'], mine: false }, ''))).toEqual(['p', 'n']);
    expect(names(filterByFacets(r, { vis: ['public', 'restricted'], mine: false }, ''))).toEqual(['u', 'r']);
    expect(names(filterByFacets(r, { vis: [], mine: true }, 'ana@egi.eu'))).toEqual(['p', 'r']);
    expect(names(filterByFacets(r, { vis: ['restricted'], mine: true }, 'ana@egi.eu'))).toEqual(['r']);
    // Nobody to be: "only mine" shows nothing rather than everything.
    expect(names(filterByFacets(r, { vis: [], mine: true }, ''))).toEqual([]);
  });

  it('reads the facets from the URL, and an old "resources" sort as CPU', () => {
    expect(parseListParams(new URLSearchParams('vis=restricted,bogus,public&mine=1&sort=resources'))).toEqual({
      q: '',
      sort: 'cpu',
      dir: 'asc',
      vis: ['public', 'restricted'],
      mine: true,
    });
  });

  it('knows whose services are mine: the OIDC subject, or cluster_admin for the Basic user', () => {
    expect(ownerIdOf({ method: 'oidc', user: { sub: 'ana@egi.eu' } })).toBe('ana@egi.eu');
    expect(ownerIdOf({ method: 'basic', user: {} })).toBe('cluster_admin');
    expect(ownerIdOf(null)).toBe('');
  });
});
