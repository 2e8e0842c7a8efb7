// Who the session is, read from its OIDC access token (the claims OSCAR reads): subject, name, e-mail,
// and the VOs in the EGI entitlements ("urn:mace:egi.eu:group:vo.ai4eosc.eu:role=member#aai.egi.eu").
// Only reads the payload; signatures are the cluster's business.

export interface Identity {
  sub?: string;
  name?: string;
  email?: string;
  vos: string[];
  issuer?: string;
  /** ms since the epoch */
  expiresAt?: number;
}

function payload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const json = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The VO of one entitlement (members only, as OSCAR's VO check), or null. */
export function voOf(entitlement: string): string | null {
  const m = /^urn:mace:egi\.eu:group:([^:#]+)(?::[^#]*)?(?:#.*)?$/.exec(entitlement);
  if (!m) return null;
  const roles = /:role=([^#]+)/.exec(entitlement)?.[1];
  return roles && roles !== 'member' ? null : m[1]!;
}

export function identityFromToken(token: string): Identity | null {
  const p = payload(token);
  if (!p) return null;
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  const ent = Array.isArray(p.eduperson_entitlement) ? p.eduperson_entitlement.filter((e): e is string => typeof e === 'string') : [];
  const id: Identity = { vos: [...new Set(ent.map(voOf).filter((v): v is string => !!v))].sort() };
  const sub = str('sub');
  const name = str('name');
  const email = str('email');
  const iss = str('iss');
  if (sub) id.sub = sub;
  if (name) id.name = name;
  if (email) id.email = email;
  if (iss) id.issuer = iss;
  if (typeof p.exp === 'number') id.expiresAt = p.exp * 1000;
  return id;
}
