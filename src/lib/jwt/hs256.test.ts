import { describe, expect, it } from 'vitest';
import { fileBrowserClaims, signHs256, verifyHs256 } from './hs256';

describe('HS256 JWT with Web Crypto', () => {
  it('signs the RFC 7515 / jwt.io example exactly', async () => {
    // jwt.io's default token: {"alg":"HS256","typ":"JWT"} . {"sub":"1234567890","name":"John Doe","iat":1516239022}
    const jwt = await signHs256({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }, 'your-256-bit-secret');
    expect(jwt).toBe(
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    );
  });

  it('verifies with the same secret only, and reads the claims back', async () => {
    const jwt = await signHs256(fileBrowserClaims('user', 1_700_000_000), 'service-token');
    expect(await verifyHs256(jwt, 'service-token')).toEqual({ sub: 'user', groups: ['admin'], iat: 1_700_000_000, exp: 1_700_000_300 });
    expect(await verifyHs256(jwt, 'another-token')).toBeNull();
    expect(await verifyHs256('not.a.jwt', 'service-token')).toBeNull();
  });
});
