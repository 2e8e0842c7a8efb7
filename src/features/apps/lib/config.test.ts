import { describe, expect, it } from 'vitest';
import { APPS } from './apps';
import { defaultSource, parseAppsConfig } from './config';
import shipped from '../../../../public/config.json?raw';

describe('parseAppsConfig', () => {
  it('defaults to the raw GitHub files the OSCAR Dashboard reads', () => {
    const { config, problem } = parseAppsConfig({ oidcProviders: [] });
    expect(problem).toBeUndefined();
    expect(config.notebooks).toEqual({
      fdl: 'https://raw.githubusercontent.com/grycap/oscar-juno/refs/heads/main/juno.yaml',
      script: 'https://raw.githubusercontent.com/grycap/oscar-juno/refs/heads/main/script.sh',
    });
    expect(config['file-browsers'].fdl).toBe('https://raw.githubusercontent.com/grycap/oscar-filebrowser/refs/heads/main/fdl.yml');
    expect(Object.keys(config).sort()).toEqual(APPS.map((a) => a.id).sort());
  });

  it('takes a site’s sources for the apps it names and keeps the defaults for the others', () => {
    const mirror = { fdl: 'https://git.example.org/juno/juno.yaml', script: 'https://git.example.org/juno/script.sh' };
    const { config, problem } = parseAppsConfig({ apps: { notebooks: mirror } });
    expect(problem).toBeUndefined();
    expect(config.notebooks).toEqual(mirror);
    expect(config.flows.fdl).toContain('grycap/oscar-flows');
  });

  it('says what is wrong with a section it cannot use, and falls back to the defaults', () => {
    const { config, problem } = parseAppsConfig({ apps: { terminals: { fdl: 'not a url', script: 'https://x.org/s.sh' } } });
    expect(problem).toMatch(/^config\.json "apps"\.terminals\.fdl: /);
    expect(config.terminals.fdl).toContain('grycap/oscar-terminal');
    expect(parseAppsConfig({ apps: { flows: { fdl: 'javascript:alert(1)', script: 'https://x.org/s.sh' } } }).problem).toBeDefined();
  });

  it('the shipped config.json names the defaults, so the hosted CSP lets the page reach them', () => {
    const { config, problem } = parseAppsConfig(JSON.parse(shipped));
    expect(problem).toBeUndefined();
    for (const a of APPS) expect(config[a.id]).toEqual(defaultSource(a));
    expect((JSON.parse(shipped) as { apps: object }).apps).toBeDefined();
  });
});
