import { describe, expect, it } from 'vitest';
import { allowedGroups, voOf, vosFromEntitlements } from './vos';

describe('VOs from entitlements', () => {
  it('reads the VO of EGI-style group entitlements, role and issuer aside', () => {
    expect(voOf('urn:mace:egi.eu:group:vo.ai4eosc.eu:role=member#aai.egi.eu')).toBe('vo.ai4eosc.eu');
    expect(voOf('urn:mace:egi.eu:group:vo.imagine-ai.eu#aai.egi.eu')).toBe('vo.imagine-ai.eu');
    expect(voOf('urn:mace:egi.eu:group:demo.fedcloud.egi.eu:vm_operator:role=member#aai.egi.eu')).toBe('demo.fedcloud.egi.eu');
    expect(voOf('urn:mace:egi.eu:res:some-resource')).toBeNull();
    // A role other than member is no membership.
    expect(voOf('urn:mace:egi.eu:group:vo.ai4eosc.eu:role=vm_operator#aai.egi.eu')).toBeNull();
    expect(voOf('member')).toBeNull();
  });

  it('lists each VO once and keeps the cluster’s groups the user is in', () => {
    const ents = [
      'urn:mace:egi.eu:group:vo.ai4eosc.eu:role=member#aai.egi.eu',
      'urn:mace:egi.eu:group:vo.ai4eosc.eu:role=vm_operator#aai.egi.eu',
      'urn:mace:egi.eu:group:vo.imagine-ai.eu:role=member#aai.egi.eu',
    ];
    expect(vosFromEntitlements(ents)).toEqual(['vo.ai4eosc.eu', 'vo.imagine-ai.eu']);
    expect(allowedGroups(ents, ['vo.imagine-ai.eu', 'vo.other.eu'])).toEqual(['vo.imagine-ai.eu']);
    expect(allowedGroups(undefined, ['vo.other.eu'])).toEqual([]);
  });
});
