// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_CONFIG } from '../../../lib/config/hub';
import { serveDuringTests } from '../../../test/msw';
import { fetchRawText, fetchTree, GitHubError, rateLimitWords } from '../lib/github';
import { githubDemo, serveGitHub } from '../test/github';
import { hubQueries } from './queries';

const server = serveDuringTests();
serveGitHub(server);

const HUB = { owner: 'grycap', repo: 'oscar-hub', branch: 'main' };
const list = (source = HUB) => new QueryClient({ defaultOptions: { queries: { retry: false } } }).fetchQuery({ ...hubQueries.catalogue(DEFAULT_HUB_CONFIG, source), retry: false });

describe('listing a source', () => {
  it('lists every published crate from one trees call and the raw metadata', async () => {
    const before = githubDemo.remaining();
    const cat = await list();
    expect(cat.crates.map((c) => c.id)).toEqual([
      'cowsay', 'fish-detector', 'imagemagick', 'kokoro-tts', 'plants-classification', 'posenet-tf', 'simple-test', 'stress-test', 'vllm-llama', 'vosk-stt', 'yolov8',
    ]);
    expect(cat.crates.every((c) => c.ok)).toBe(true);
    // Raw files are free; the tree is one request of the hour's 60.
    expect(before - githubDemo.remaining()).toBe(1);
    // Cached in this browser: listing again asks GitHub nothing.
    await list();
    expect(before - githubDemo.remaining()).toBe(1);
  });

  it('lists a malformed crate and one without its FDL with the reason, and the others still', async () => {
    githubDemo.putFile('crates/broken/ro-crate-metadata.json', '{"@graph": [ oops');
    githubDemo.putFile('crates/cowsay/fdl.yml', null);
    const cat = await list();
    expect(cat.crates.find((c) => c.id === 'broken')).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(cat.crates.find((c) => c.id === 'cowsay')).toMatchObject({ ok: false, name: 'OSCAR Cowsay Service', reason: 'Its FDL, fdl.yml, is not in the repository, so there is nothing to deploy.' });
    expect(cat.crates.filter((c) => c.ok)).toHaveLength(10);
  });

  it('lists another repository once the demo serves it (the e2e fixture source), raw files included', async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../e2e/fixtures/kserve-fixture');
    const files = Object.fromEntries(
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => {
          const full = path.join(e.parentPath, e.name);
          return [path.relative(root, full), readFileSync(full, 'utf8')];
        }),
    );
    const fixture = { owner: 'lagoon-tests', repo: 'kserve-fixture', branch: 'main' };
    await expect(list(fixture)).rejects.toMatchObject({ kind: 'not-found' });
    githubDemo.putRepository('lagoon-tests/kserve-fixture@main', files);
    const cat = await list(fixture);
    expect(cat.crates).toHaveLength(1);
    expect(cat.crates[0]).toMatchObject({ ok: true, id: 'qwen-chat', meta: { name: 'Qwen 2.5 chat on KServe', serviceTypes: ['kserve', 'exposed'] } });
    expect(await fetchRawText(DEFAULT_HUB_CONFIG, fixture, 'crates/qwen-chat/fdl.yml')).toContain('kserve:');
    // Another branch of it, and the published catalogue, are untouched.
    await expect(list({ ...fixture, branch: 'devel' })).rejects.toMatchObject({ kind: 'not-found' });
    expect((await list()).crates).toHaveLength(11);
    githubDemo.restoreFiles();
    await expect(fetchRawText(DEFAULT_HUB_CONFIG, fixture, 'crates/qwen-chat/fdl.yml')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('says an unknown repository or branch is not on GitHub', async () => {
    await expect(list({ owner: 'someone', repo: 'nothing', branch: 'main' })).rejects.toMatchObject({
      kind: 'not-found',
      message: 'GitHub has no repository someone/nothing@main (HTTP 404): check the owner, the repository and the branch.',
    });
  });

  it('says when the rate limit resets, and keeps the last listing when it has one', async () => {
    githubDemo.exhaust(1800);
    const error = (await list().catch((e: unknown) => e)) as GitHubError;
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.kind).toBe('rate-limit');
    expect(error.resetAt! - Date.now()).toBeGreaterThan(1790_000);
    expect(error.message).toMatch(/60 requests an hour .* The limit resets at [^(]+ \(in 30 minutes\): try again then/);

    // A listing loaded before, gone stale: shown, with the reason it may be old.
    githubDemo.reset();
    await fetchTree(DEFAULT_HUB_CONFIG, HUB);
    const key = Object.keys(localStorage).find((k) => k.startsWith('lagoon.hub.tree:'))!;
    const cached = JSON.parse(localStorage.getItem(key)!) as { at: number };
    // Old, and without an ETag GitHub could answer 304 to.
    localStorage.setItem(key, JSON.stringify({ ...cached, at: 0, etag: null }));
    githubDemo.exhaust();
    const stale = await fetchTree(DEFAULT_HUB_CONFIG, HUB);
    expect(stale.entries.length).toBeGreaterThan(50);
    expect(stale.stale?.kind).toBe('rate-limit');
  });

  it('asks again with the ETag once the hour is over, which costs nothing when nothing changed', async () => {
    await fetchTree(DEFAULT_HUB_CONFIG, HUB);
    const key = Object.keys(localStorage).find((k) => k.startsWith('lagoon.hub.tree:'))!;
    const cached = JSON.parse(localStorage.getItem(key)!) as { at: number; etag: string };
    expect(cached.etag).toMatch(/^W\/"/);
    localStorage.setItem(key, JSON.stringify({ ...cached, at: 0 }));
    const left = githubDemo.remaining();
    await fetchTree(DEFAULT_HUB_CONFIG, HUB);
    expect(githubDemo.remaining()).toBe(left);
  });

  it('reads a 429 with Retry-After as the limit too, and other refusals with GitHub\'s words', async () => {
    server.use(http.get('https://api.github.com/repos/a/b/git/trees/main', () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '120' } })));
    await expect(fetchTree(DEFAULT_HUB_CONFIG, { owner: 'a', repo: 'b', branch: 'main' })).rejects.toMatchObject({ kind: 'rate-limit', message: expect.stringMatching(/in 2 minutes/) });
    server.use(http.get('https://api.github.com/repos/a/c/git/trees/main', () => HttpResponse.json({ message: 'Repository access blocked' }, { status: 451 })));
    await expect(fetchTree(DEFAULT_HUB_CONFIG, { owner: 'a', repo: 'c', branch: 'main' })).rejects.toMatchObject({ message: 'GitHub refused the files of a/c@main (HTTP 451: Repository access blocked).' });
    expect(rateLimitWords(undefined)).toMatch(/Try again within the hour/);
  });
});
