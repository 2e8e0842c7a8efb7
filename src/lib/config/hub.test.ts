import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_CONFIG, parseHubConfig, parseSourceSpec } from './hub';

describe('the hub section of config.json', () => {
  it('reads owner/repo[@branch], main by default, and refuses anything else', () => {
    expect(parseSourceSpec('grycap/oscar-hub')).toEqual({ owner: 'grycap', repo: 'oscar-hub', branch: 'main' });
    expect(parseSourceSpec(' me/my-crates@devel ')).toEqual({ owner: 'me', repo: 'my-crates', branch: 'devel' });
    expect(parseSourceSpec('me/crates.git@feature/x')).toEqual({ owner: 'me', repo: 'crates', branch: 'feature/x' });
    for (const bad of ['', 'grycap', 'a/b/c', 'https://github.com/a/b', '../x', 'a/b@', 'a/b@../x', 'a b/c', '<script>/x']) {
      expect(parseSourceSpec(bad), bad).toBeNull();
    }
  });

  it('takes the sources and a mirror from config.json, and falls back to GitHub and grycap/oscar-hub', () => {
    expect(parseHubConfig(null)).toEqual(DEFAULT_HUB_CONFIG);
    expect(parseHubConfig({ hub: 'nope' })).toEqual(DEFAULT_HUB_CONFIG);
    expect(
      parseHubConfig({
        hub: {
          apiBase: 'https://git.example.org/api/v3/',
          rawBase: 'javascript:alert(1)',
          sources: ['grycap/oscar-hub@devel', 'not a source', 7],
        },
      }),
    ).toEqual({
      apiBase: 'https://git.example.org/api/v3',
      rawBase: 'https://raw.githubusercontent.com',
      sources: [{ owner: 'grycap', repo: 'oscar-hub', branch: 'devel' }],
    });
  });
});
