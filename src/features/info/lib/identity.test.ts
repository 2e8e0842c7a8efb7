import { describe, expect, it } from 'vitest';
import { identityFromToken, voOf } from './identity';

const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');

describe('identity from the access token', () => {
  it('reads the subject, name, e-mail and the VOs of the EGI entitlements', () => {
    const token = `${b64({ alg: 'none' })}.${b64({
      sub: 'abc@egi.eu',
      name: 'Ana',
      email: 'ana@example.org',
      iss: 'https://aai.egi.eu/auth/realms/egi',
      exp: 1700000000,
      eduperson_entitlement: [
        'urn:mace:egi.eu:group:vo.imagine-ai.eu:role=member#aai.egi.eu',
        'urn:mace:egi.eu:group:vo.ai4eosc.eu:role=member#aai.egi.eu',
        'urn:mace:egi.eu:group:vo.ai4eosc.eu:admins:role=member#aai.egi.eu',
        'urn:mace:egi.eu:group:vo.other.eu:role=vm_operator#aai.egi.eu',
        'not-an-entitlement',
      ],
    })}.`;
    expect(identityFromToken(token)).toEqual({
      sub: 'abc@egi.eu',
      name: 'Ana',
      email: 'ana@example.org',
      issuer: 'https://aai.egi.eu/auth/realms/egi',
      expiresAt: 1700000000000,
      vos: ['vo.ai4eosc.eu', 'vo.imagine-ai.eu'],
    });
  });

  it('is null for what is not a JWT', () => {
    expect(identityFromToken('opaque-token')).toBeNull();
    expect(voOf('urn:mace:egi.eu:group:vo.x.eu:role=member#aai.egi.eu')).toBe('vo.x.eu');
  });
});
