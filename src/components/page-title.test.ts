// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ENDPOINT } from '../api/demo';
import { setSession } from '../lib/session/session';
import { basicSession } from '../test/session';
import { clusterLabel, pageTitle, usePageTitle } from './page-title';

describe('page titles', () => {
  afterEach(() => setSession(null));

  it('name the page, the cluster and OSCAR', () => {
    expect(pageTitle('Services', 'https://oscar.example.org')).toBe('Services · oscar.example.org · OSCAR');
    expect(pageTitle('Buckets', 'https://oscar.example.org:8443/')).toBe('Buckets · oscar.example.org:8443 · OSCAR');
    expect(pageTitle('Services', DEMO_ENDPOINT)).toBe('Services · demo · OSCAR');
    expect(pageTitle('Log in')).toBe('Log in · OSCAR');
    expect(pageTitle('', 'https://oscar.example.org')).toBe('oscar.example.org · OSCAR');
  });

  it('show a dev-proxy path as it is', () => {
    expect(clusterLabel('/oscar-proxy')).toBe('dev proxy');
  });

  it('follow the session the hook reads', () => {
    setSession(basicSession({ endpoint: 'https://oscar.example.org' }));
    const { rerender } = renderHook(({ t }) => usePageTitle(t), { initialProps: { t: 'Volumes' } });
    expect(document.title).toBe('Volumes · oscar.example.org · OSCAR');
    rerender({ t: 'Quotas' });
    expect(document.title).toBe('Quotas · oscar.example.org · OSCAR');
    setSession(basicSession({ endpoint: 'https://other.example.org' }));
    rerender({ t: 'Quotas' });
    expect(document.title).toBe('Quotas · other.example.org · OSCAR');
  });
});
