// The VOs (virtual organisations) an OIDC user belongs to, read from their `eduperson_entitlement` claims
// the way OSCAR reads them (`urn:mace:egi.eu:group:<vo>[:role=…][#issuer]`), and which of them a cluster
// accepts (`/system/config` `oidc_groups`). Used by the info page and the editor's VO choice.

/** The VO an entitlement makes the user a member of, or null (another role, or not a group). */
export function voOf(entitlement: string): string | null {
  const e = entitlement.trim();
  const m = /^urn:mace:[^:]+:group:([^:#]+)/.exec(e);
  if (!m) return null;
  // Membership is what counts, as OSCAR checks it: a role other than member gives no VO of its own.
  const role = /:role=([^#:]+)/.exec(e)?.[1];
  return role && role !== 'member' ? null : decodeURIComponent(m[1]!);
}

/** The user's VOs, each once, in the order first seen. */
export function vosFromEntitlements(entitlements: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const e of entitlements ?? []) {
    const vo = voOf(e);
    if (vo && !out.includes(vo)) out.push(vo);
  }
  return out;
}

/** The cluster's groups the user may use: those among their VOs. */
export function allowedGroups(entitlements: readonly string[] | undefined, clusterGroups: readonly string[] | undefined): string[] {
  const mine = new Set(vosFromEntitlements(entitlements));
  return (clusterGroups ?? []).filter((g) => mine.has(g));
}
