// Who is calling: OSCAR's auth rules for the demo cluster (../shared/oscar-api/NOTES.md, "Auth").
// /system/* takes Basic (the admin) or an OIDC Bearer token; /run and /job take Bearer only (the
// service's own token or an OIDC token). The demo does not check JWT signatures, only `exp` and that
// `iss` is one of the cluster's trusted issuers, which is what a dashboard's behaviour depends on.
import { DEMO_PASSWORD, DEMO_USERNAME } from '../src/api/demo';

export const ADMIN_OWNER = 'cluster_admin';

export type Principal =
  | { kind: 'admin'; username: string }
  | { kind: 'oidc'; sub: string; name?: string; email?: string; entitlements: string[]; iss: string }
  | { kind: 'service-token'; service: string };

export interface OidcClaims {
  sub: string;
  iss: string;
  exp?: number;
  iat?: number;
  name?: string;
  email?: string;
  eduperson_entitlement?: string[];
  [claim: string]: unknown;
}

export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

/** The owner OSCAR stores for what a principal creates: the EGI UID, or cluster_admin for Basic. */
export function ownerId(p: Principal): string {
  if (p.kind === 'oidc') return p.sub;
  if (p.kind === 'admin') return ADMIN_OWNER;
  return `service:${p.service}`;
}

export function isAdmin(p: Principal): p is Extract<Principal, { kind: 'admin' }> {
  return p.kind === 'admin';
}

function base64UrlDecode(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function base64UrlEncode(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The payload of a JWT, or null when the string is not one. */
export function decodeJwt(token: string): OidcClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload = JSON.parse(base64UrlDecode(parts[1])) as unknown;
    if (!payload || typeof payload !== 'object') return null;
    const claims = payload as Record<string, unknown>;
    if (typeof claims.sub !== 'string' || typeof claims.iss !== 'string') return null;
    return claims as OidcClaims;
  } catch {
    return null;
  }
}

/**
 * An unsigned JWT (alg "none") with the given claims, for tests and for trying the demo by hand.
 * `exp` defaults to an hour from `now`.
 */
export function makeJwt(claims: Partial<OidcClaims> & { sub: string; iss: string }, now = Date.now()): string {
  const payload = { iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + 3600, ...claims };
  return `${base64UrlEncode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64UrlEncode(JSON.stringify(payload))}.`;
}

export interface AuthContext {
  now: () => number;
  isTrustedIssuer: (iss: string) => boolean;
  /** The service whose token is this string, for /run and /job. */
  serviceForToken?: (token: string) => string | undefined;
  adminUser?: string;
  adminPassword?: string;
}

function principalFromJwt(token: string, ctx: AuthContext): Principal {
  const claims = decodeJwt(token);
  if (!claims) throw new AuthError('Invalid token');
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= ctx.now()) throw new AuthError('Token expired');
  if (!ctx.isTrustedIssuer(claims.iss)) throw new AuthError(`Issuer ${claims.iss} is not trusted by this cluster`);
  const entitlements = Array.isArray(claims.eduperson_entitlement)
    ? claims.eduperson_entitlement.filter((e): e is string => typeof e === 'string')
    : [];
  const p: Principal = { kind: 'oidc', sub: claims.sub, iss: claims.iss, entitlements };
  if (typeof claims.name === 'string') p.name = claims.name;
  if (typeof claims.email === 'string') p.email = claims.email;
  return p;
}

/** The caller of a /system/* route. Throws AuthError (→ 401) when absent or invalid. */
export function authenticateSystem(header: string | null, ctx: AuthContext): Principal {
  if (!header) throw new AuthError('Unauthorized');
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (/^basic$/i.test(scheme ?? '')) {
    let decoded = '';
    try {
      decoded = new TextDecoder().decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
    } catch {
      throw new AuthError('Invalid credentials');
    }
    const i = decoded.indexOf(':');
    const user = decoded.slice(0, i);
    const pass = decoded.slice(i + 1);
    if (i < 0 || user !== (ctx.adminUser ?? DEMO_USERNAME) || pass !== (ctx.adminPassword ?? DEMO_PASSWORD)) {
      throw new AuthError('Invalid credentials');
    }
    return { kind: 'admin', username: user };
  }
  if (/^bearer$/i.test(scheme ?? '')) {
    if (!value) throw new AuthError('Unauthorized');
    return principalFromJwt(value, ctx);
  }
  throw new AuthError('Unauthorized');
}

/** The caller of /run or /job: Bearer only, the service's token or an OIDC token. */
export function authenticateInvocation(header: string | null, ctx: AuthContext): Principal {
  if (!header) throw new AuthError('Unauthorized');
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (!/^bearer$/i.test(scheme ?? '') || !value) {
    throw new AuthError('Unauthorized: this endpoint only accepts a Bearer token');
  }
  const service = ctx.serviceForToken?.(value);
  if (service) return { kind: 'service-token', service };
  return principalFromJwt(value, ctx);
}
