import { describe, expect, it } from 'vitest';
import { voChoice } from './vo-choice';

const ANA = ['urn:mace:egi.eu:group:vo.ai4eosc.eu:role=member#aai.egi.eu', 'urn:mace:egi.eu:group:vo.imagine-ai.eu:role=member#aai.egi.eu'];
const CLUSTER = ['vo.ai4eosc.eu', 'vo.imagine-ai.eu', 'dev.intertwin.eu'];

describe('voChoice', () => {
  it('offers an OIDC user the cluster groups their entitlements allow, in the cluster order', () => {
    const c = voChoice({ method: 'oidc', entitlements: [...ANA].reverse(), clusterGroups: CLUSTER });
    expect(c).toMatchObject({ kind: 'select', options: ['vo.ai4eosc.eu', 'vo.imagine-ai.eu'] });
    expect(c).not.toHaveProperty('warning');
  });

  it('warns when the service carries a VO the user is not a member of, and keeps it', () => {
    const c = voChoice({ method: 'oidc', entitlements: ANA, clusterGroups: CLUSTER, current: 'dev.intertwin.eu' });
    expect(c.kind).toBe('select');
    expect(c.kind === 'select' && c.warning).toMatch(/not make you a member of dev\.intertwin\.eu.*vo\.ai4eosc\.eu, vo\.imagine-ai\.eu/);
  });

  it('lets the user type when none of their VOs is accepted, saying why', () => {
    const c = voChoice({ method: 'oidc', entitlements: ['urn:mace:egi.eu:group:vo.other.eu:role=member#aai.egi.eu'], clusterGroups: CLUSTER });
    expect(c).toMatchObject({ kind: 'text', suggestions: CLUSTER });
    expect(c.hint).toMatch(/None of this cluster’s VOs .* is among yours \(vo\.other\.eu\)/);
    expect(voChoice({ method: 'oidc', entitlements: [], clusterGroups: CLUSTER }).hint).toMatch(/gave no VO membership/);
    expect(voChoice({ method: 'oidc', entitlements: ANA, clusterGroups: [] }).hint).toMatch(/lists no VOs/);
  });

  it('a role other than member gives no VO', () => {
    const c = voChoice({ method: 'oidc', entitlements: ['urn:mace:egi.eu:group:vo.ai4eosc.eu:role=vm_operator#aai.egi.eu'], clusterGroups: CLUSTER });
    expect(c.kind).toBe('text');
  });

  it('the Basic admin types, with the cluster groups suggested', () => {
    expect(voChoice({ method: 'basic', clusterGroups: CLUSTER })).toMatchObject({ kind: 'text', suggestions: CLUSTER });
  });

  it('types while the cluster configuration is unknown', () => {
    expect(voChoice({ method: 'oidc', entitlements: ANA })).toMatchObject({ kind: 'text', suggestions: [] });
  });
});
