import { describe, expect, it } from 'vitest';
import { crateEntry, crateFolders, filterCrates, mapLimit, parseCatalogueParams } from './catalogue';
import type { Tree } from './github';

const blob = (path: string) => ({ path, type: 'blob' as const });
const META = (parts: string[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    '@graph': [
      { '@id': 'ro-crate-metadata.json', about: { '@id': './' } },
      { '@id': './', name: 'A crate', serviceType: 'synchronous', hasPart: parts.map((p) => ({ '@id': p })), ...extra },
    ],
  });

describe('the catalogue of a source', () => {
  it('finds crate folders by their metadata, and half-published ones under crates/ by their FDL', () => {
    const tree: Tree = {
      truncated: false,
      entries: [
        { path: 'crates', type: 'tree' },
        blob('README.md'),
        blob('crates/cowsay/ro-crate-metadata.json'),
        blob('crates/cowsay/fdl.yml'),
        blob('crates/cowsay/docs/a.png'),
        blob('crates/nometa/fdl.yml'),
        blob('elsewhere/x/ro-crate-metadata.json'),
        blob('elsewhere/cowsay/ro-crate-metadata.json'),
        blob('tools/fdl.yml'),
      ],
    };
    expect(crateFolders(tree)).toEqual([
      { id: 'crates/cowsay', path: 'crates/cowsay', files: ['ro-crate-metadata.json', 'fdl.yml', 'docs/a.png'] },
      { id: 'nometa', path: 'crates/nometa', files: ['fdl.yml'] },
      { id: 'elsewhere/cowsay', path: 'elsewhere/cowsay', files: ['ro-crate-metadata.json'] },
      { id: 'x', path: 'elsewhere/x', files: ['ro-crate-metadata.json'] },
    ]);
  });

  it('lists a broken crate with the reason, and drops parts the repository lacks', () => {
    const folder = { id: 'c', path: 'crates/c', files: ['ro-crate-metadata.json', 'fdl.yml', 'script.sh'] };
    expect(crateEntry(folder, null)).toMatchObject({ ok: false, reason: 'It has no ro-crate-metadata.json, so it cannot be described or deployed.' });
    expect(crateEntry(folder, { error: 'HTTP 500' })).toMatchObject({ ok: false, reason: 'Its ro-crate-metadata.json could not be read: HTTP 500' });
    expect(crateEntry(folder, { text: '{' })).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(crateEntry(folder, { text: META(['script.sh']) })).toMatchObject({ ok: false, name: 'A crate', reason: expect.stringMatching(/names no FDL/) });
    expect(crateEntry({ ...folder, files: ['ro-crate-metadata.json'] }, { text: META(['fdl.yml']) })).toMatchObject({
      ok: false,
      reason: 'Its FDL, fdl.yml, is not in the repository, so there is nothing to deploy.',
    });
    const ok = crateEntry({ ...folder, files: [...folder.files, 'Readme.md'] }, { text: META(['fdl.yml', 'script.sh', 'icon.png', 'input.txt']) });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.meta.icon).toBeUndefined();
    expect(ok.meta.input).toBeUndefined();
    expect(ok.meta.script?.id).toBe('script.sh');
    expect(ok.meta.readme?.id).toBe('Readme.md');
  });

  it('filters by words and by service type, as the URL says', () => {
    const view = parseCatalogueParams(new URLSearchParams('q=cow&type=synchronous,EXPOSED&view=table'));
    expect(view).toEqual({ q: 'cow', types: ['synchronous', 'exposed'], view: 'table' });
    const folder = { path: 'p', files: [] };
    const mk = (id: string, name: string, types: string[]) =>
      ({ ...folder, id, ok: true as const, meta: { name, description: '', serviceTypes: types, keywords: [], authors: [], parts: [], tests: [] } });
    const list = [mk('cowsay', 'Cowsay', ['synchronous']), mk('yolo', 'YOLO', ['asynchronous']), { ...folder, id: 'bad', ok: false as const, reason: 'broken cow' }];
    expect(filterCrates(list, { q: 'cow', types: [] }).map((c) => c.id)).toEqual(['cowsay', 'bad']);
    expect(filterCrates(list, { q: '', types: ['asynchronous'] }).map((c) => c.id)).toEqual(['yolo']);
    expect(filterCrates(list, { q: 'cow say', types: [] }).map((c) => c.id)).toEqual(['cowsay']);
    expect(filterCrates(list, { q: 'cow yolo', types: [] })).toEqual([]);
  });

  it('runs at most N reads at a time and keeps the order', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await Promise.resolve();
      await Promise.resolve();
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});
