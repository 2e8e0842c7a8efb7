import { describe, expect, it } from 'vitest';
import { afterCreatePath, prefillState, readPrefill } from './prefill';

const value = {
  service: { name: 'juno-abc', image: 'ghcr.io/grycap/juno', script: 'echo' },
  scriptFileName: 'script.sh',
};

describe('service prefill', () => {
  it('reads back what prefillState wrote, and nothing else', () => {
    const state = prefillState({
      value,
      template: value,
      source: { label: 'Notebooks', href: '/apps/notebooks' },
      afterCreate: '/apps/notebooks?created={name}',
      review: true,
    });
    expect(readPrefill(state)).toEqual(state.prefill);
    expect(readPrefill(null)).toBeNull();
    expect(readPrefill({ duplicate: value })).toBeNull();
    expect(
      readPrefill({ prefill: { value: { service: {} }, source: { label: 'x', href: '/' } } }),
    ).toBeNull();
    expect(readPrefill({ prefill: { value, source: { label: 1, href: '/' } } })).toBeNull();
    const loose = readPrefill({
      prefill: { value, template: 'nope', source: { label: 'Hub', href: '/hub' }, review: 'yes' },
    });
    expect(loose).toEqual({ value, source: { label: 'Hub', href: '/hub' } });
  });

  it('goes to the page asked for after creating, with the name encoded, else to the service', () => {
    expect(afterCreatePath({ afterCreate: '/hub/cowsay?deployed={name}' }, 'a b')).toBe(
      '/hub/cowsay?deployed=a%20b',
    );
    expect(afterCreatePath(null, 'cowsay')).toBe('/services/cowsay');
  });
});
