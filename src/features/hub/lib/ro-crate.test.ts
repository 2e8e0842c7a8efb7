import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCrate } from './ro-crate';

const here = path.dirname(fileURLToPath(import.meta.url));
const HUB = path.resolve(here, '../../../../mocks/catalog/hub');
const crates = readdirSync(HUB).sort();
const metadata = (crate: string) => readFileSync(path.join(HUB, crate, 'ro-crate-metadata.json'), 'utf8');

function shuffled<T>(list: T[]): T[] {
  // Reversed and rotated: the root is neither first nor second, and the descriptor is last.
  const r = [...list].reverse();
  return [...r.slice(2), ...r.slice(0, 2)];
}

describe('reading an RO-Crate', () => {
  it('reads every published crate: its name, types, resources, FDL, script and sample input', () => {
    expect(crates).toHaveLength(11);
    for (const crate of crates) {
      const r = readCrate(metadata(crate));
      expect(r.ok, crate).toBe(true);
      if (!r.ok) continue;
      expect(r.meta.name, crate).not.toBe('Unnamed crate');
      expect(r.meta.serviceTypes.length, crate).toBeGreaterThan(0);
      expect(r.meta.fdl?.id, crate).toBe('fdl.yml');
      expect(r.meta.script?.id, crate).toBe('script.sh');
      expect(r.meta.memory, crate).toMatch(/iB$/);
      expect(r.meta.cpu, crate).toMatch(/^\d/);
    }
  });

  it('gives cowsay as published, references followed to their entities', () => {
    const r = readCrate(metadata('cowsay'));
    expect(r).toMatchObject({
      ok: true,
      meta: {
        name: 'OSCAR Cowsay Service',
        version: '1.0.0',
        serviceTypes: ['synchronous'],
        memory: '512 MiB',
        cpu: '1',
        gpu: '0',
        license: { name: 'Apache License 2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
        authors: [{ name: 'GRyCAP', url: 'https://grycap.upv.es' }],
        input: { id: 'input.txt', encodingFormat: 'text/plain' },
        icon: { id: 'icon.png' },
        tests: [{ name: 'Synchronous cowsay acceptance test', input: 'input.txt', expected: 'Mootastic', command: 'oscar-cli service run cowsay -i {input}' }],
      },
    });
    const magick = readCrate(metadata('imagemagick'));
    expect(magick.ok && magick.meta.serviceTypes).toEqual(['asynchronous', 'synchronous']);
    expect(magick.ok && magick.meta.license?.name).toBeTruthy();
    const llama = readCrate(metadata('vllm-llama'));
    expect(llama.ok && llama.meta.gpu).toBe('1');
    expect(llama.ok && llama.meta.input).toBeUndefined();
  });

  it('reads by @id, not by position: a shuffled @graph gives the same crate', () => {
    for (const crate of crates) {
      const doc = JSON.parse(metadata(crate)) as { '@graph': unknown[] };
      const again = readCrate(JSON.stringify({ ...doc, '@graph': shuffled(doc['@graph']) }));
      expect(again, crate).toEqual(readCrate(metadata(crate)));
    }
  });

  it('takes @type as a string or a list, and inline entities as themselves', () => {
    const r = readCrate(
      JSON.stringify({
        '@graph': [
          { '@id': 'ro-crate-metadata.json', '@type': 'CreativeWork', about: { '@id': './' } },
          { '@id': './', '@type': 'Dataset', name: 'Tiny', serviceType: 'KServe', hasPart: [{ '@id': './fdl.yml', '@type': 'File', encodingFormat: 'text/yaml' }], author: { name: 'Inline Person' } },
        ],
      }),
    );
    expect(r).toMatchObject({ ok: true, meta: { name: 'Tiny', serviceTypes: ['kserve'], fdl: { id: 'fdl.yml' }, authors: [{ name: 'Inline Person' }] } });
  });

  it('says why a crate cannot be read: not JSON, no @graph, no root', () => {
    expect(readCrate('{ nope')).toMatchObject({ ok: false, reason: expect.stringMatching(/^Its ro-crate-metadata.json is not valid JSON/) });
    expect(readCrate('{"name":"x"}')).toEqual({ ok: false, reason: 'Its ro-crate-metadata.json has no @graph, so it is not an RO-Crate.' });
    expect(readCrate(JSON.stringify({ '@graph': [{ '@id': './', name: 'x' }] }))).toMatchObject({ ok: false, reason: expect.stringMatching(/no metadata descriptor/) });
    expect(
      readCrate(JSON.stringify({ '@graph': [{ '@id': 'ro-crate-metadata.json', about: { '@id': './missing/' } }] })),
    ).toEqual({ ok: false, reason: 'Its metadata descriptor is "about" "./missing/", which is not in the @graph.' });
  });

  it('keeps HTML and links in the metadata as plain text, and ignores parts outside the crate', () => {
    const r = readCrate(
      JSON.stringify({
        '@graph': [
          { '@id': 'ro-crate-metadata.json', about: { '@id': './' } },
          {
            '@id': './',
            name: '<img src=x onerror=alert(1)>',
            description: '<script>alert(1)</script>',
            hasPart: [{ '@id': 'fdl.yml' }, { '@id': '../../etc/passwd' }, { '@id': 'https://evil.example/x.sh' }, { '@id': '#frag' }],
          },
        ],
      }),
    );
    expect(r.ok && r.meta.name).toBe('<img src=x onerror=alert(1)>');
    expect(r.ok && r.meta.description).toBe('<script>alert(1)</script>');
    expect(r.ok && r.meta.parts.map((p) => p.id)).toEqual(['fdl.yml']);
  });
});
