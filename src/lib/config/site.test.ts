// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { communityFor, logoUrl, parseSiteConfig } from './site';

const shipped = {
  communities: [
    { id: 'ai4eosc', name: 'AI4EOSC', logo: 'branding/ai4eosc.svg', url: 'https://ai4eosc.eu', origins: ['https://inference.cloud.ai4eosc.eu'] },
    { id: 'imagine', name: 'iMagine', origins: ['https://inference.cloud.imagine-ai.eu/', 'https://inference-walton.cloud.imagine-ai.eu'] },
  ],
  operator: { name: 'GRyCAP', contact: 'products@grycap.upv.es', jurisdiction: 'ES' },
};

describe('site config', () => {
  it('reads communities with their origins normalised, and the operator', () => {
    const site = parseSiteConfig(shipped);
    expect(site.communities.map((c) => c.id)).toEqual(['ai4eosc', 'imagine']);
    expect(site.communities[1]!.origins).toEqual(['https://inference.cloud.imagine-ai.eu', 'https://inference-walton.cloud.imagine-ai.eu']);
    expect(site.operator).toEqual({ name: 'GRyCAP', contact: 'products@grycap.upv.es', jurisdiction: 'ES' });
  });

  it('drops entries it cannot use instead of failing: no origins, bad URLs, a script URL as site', () => {
    const site = parseSiteConfig({
      communities: [
        { id: 'x', name: 'X', origins: [] },
        { id: 'y', name: 'Y', origins: ['not a url', 'ftp://files.example'] },
        { id: 'z', name: 'Z', url: 'javascript:alert(1)', origins: ['https://z.example'] },
        'nonsense',
      ],
      operator: { name: 'No contact' },
      privacyUrl: 'javascript:alert(1)',
      termsUrl: 'https://legal.example/terms',
    });
    expect(site.communities).toEqual([{ id: 'z', name: 'Z', origins: ['https://z.example'] }]);
    expect(site.operator).toBeNull();
    expect(site.privacyUrl).toBeUndefined();
    expect(site.termsUrl).toBe('https://legal.example/terms');
    expect(parseSiteConfig(null)).toEqual({ communities: [], operator: null });
  });

  it('brands by the page origin first, then by the cluster, matching whole origins only', () => {
    const { communities } = parseSiteConfig(shipped);
    expect(communityFor(communities, ['https://inference.cloud.ai4eosc.eu', null])?.id).toBe('ai4eosc');
    // Hosted Lagoon, working on an iMagine cluster.
    expect(communityFor(communities, ['https://lagoon.example', 'https://inference-walton.cloud.imagine-ai.eu/system'])?.id).toBe('imagine');
    // Both match: the page wins.
    expect(communityFor(communities, ['https://inference.cloud.ai4eosc.eu', 'https://inference.cloud.imagine-ai.eu'])?.id).toBe('ai4eosc');
    // A look-alike host or another port is not the community's.
    expect(communityFor(communities, ['https://inference.cloud.ai4eosc.eu.evil.example', 'https://inference.cloud.ai4eosc.eu:8443'])).toBeNull();
    expect(communityFor(communities, [undefined, ''])).toBeNull();
  });

  it('serves a relative logo from next to index.html and leaves a full URL alone', () => {
    expect(logoUrl('https://cdn.example/logo.svg')).toBe('https://cdn.example/logo.svg');
    expect(logoUrl('branding/ai4eosc.svg')).toBe(new URL('/branding/ai4eosc.svg', location.href).href);
  });
});
