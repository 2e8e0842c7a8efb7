// Logging in to the embedded demo cluster as one of its seeded OIDC users (Ana, Marco), without an
// identity provider: the token is an unsigned JWT from the demo issuer, which only the demo cluster
// accepts (it checks `iss` and `exp`, not signatures: mocks/auth.ts). The session is an OIDC Bearer
// session like a real one, so the demo answers Basic-only and Bearer-only routes as OSCAR does.
import { DEMO_ENDPOINT, DEMO_OIDC_ISSUER, type DemoOidcUser } from '../../api/demo';
import { setSession, type Session } from '../../lib/session/session';
import { checkCluster } from './check-cluster';

/** A demo login lasts a working day; after that the demo answers 401 and the login screen comes back. */
export const DEMO_TOKEN_LIFETIME_MS = 12 * 3600_000;

function base64Url(s: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The demo user's access token: an unsigned JWT (alg "none") with the claims OSCAR reads. */
export function demoUserToken(user: DemoOidcUser, now = Date.now()): string {
  const claims = {
    iss: DEMO_OIDC_ISSUER,
    sub: user.sub,
    name: user.name,
    email: user.email,
    eduperson_entitlement: [...user.eduperson_entitlement],
    iat: Math.floor(now / 1000),
    exp: Math.floor((now + DEMO_TOKEN_LIFETIME_MS) / 1000),
  };
  return `${base64Url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64Url(JSON.stringify(claims))}.`;
}

export async function loginAsDemoUser(user: DemoOidcUser, endpoint = DEMO_ENDPOINT, now = Date.now()): Promise<Session> {
  const credentials = { kind: 'bearer', token: demoUserToken(user, now) } as const;
  await checkCluster({ endpoint, credentials });
  const session: Session = {
    endpoint,
    method: 'oidc',
    user: { name: user.name, email: user.email, sub: user.sub, entitlements: [...user.eduperson_entitlement] },
    credentials,
    expiresAt: now + DEMO_TOKEN_LIFETIME_MS,
  };
  setSession(session);
  return session;
}
