// How the editor offers the service's VO: as the OSCAR Dashboard does (`getAllowedVOs`), a choice among
// the cluster's `oidc_groups` that the user's entitlements make them a member of; typed only when none
// match (or for the Basic admin, whom OSCAR does not check), with the cluster's groups as suggestions.
import { allowedGroups, vosFromEntitlements } from './vos';

export type VoChoice =
  | { kind: 'select'; options: string[]; hint: string; warning?: string }
  | { kind: 'text'; suggestions: string[]; hint: string };

export interface VoChoiceInput {
  method: 'basic' | 'oidc';
  entitlements?: readonly string[];
  /** The cluster's `oidc_groups`; undefined while /system/config is loading or when it failed. */
  clusterGroups?: readonly string[];
  /** The service's VO now (from the service, an import or a draft). */
  current?: string;
}

const list = (xs: readonly string[]) => xs.join(', ');

export function voChoice({ method, entitlements, clusterGroups, current }: VoChoiceInput): VoChoice {
  if (clusterGroups === undefined) {
    return { kind: 'text', suggestions: [], hint: 'The VO the service is created for (OIDC users in several VOs).' };
  }
  if (method === 'basic') {
    return {
      kind: 'text',
      suggestions: [...clusterGroups],
      hint: clusterGroups.length
        ? `This cluster accepts ${list(clusterGroups)}. OSCAR checks the VO for OIDC users only.`
        : 'This cluster lists no VOs (oidc_groups). OSCAR checks the VO for OIDC users only.',
    };
  }
  const allowed = allowedGroups(entitlements, clusterGroups);
  if (allowed.length > 0) {
    const warning =
      current && !allowed.includes(current)
        ? `Your login does not make you a member of ${current} on this cluster: choose one of ${list(allowed)}, or the cluster will refuse it.`
        : undefined;
    return {
      kind: 'select',
      options: allowed,
      hint: 'The VOs this cluster accepts that your login makes you a member of.',
      ...(warning ? { warning } : {}),
    };
  }
  const mine = vosFromEntitlements(entitlements);
  const why = !clusterGroups.length
    ? 'This cluster lists no VOs (oidc_groups).'
    : mine.length
      ? `None of this cluster’s VOs (${list(clusterGroups)}) is among yours (${list(mine)}).`
      : `Your login gave no VO membership; this cluster accepts ${list(clusterGroups)}.`;
  return { kind: 'text', suggestions: [...clusterGroups], hint: `${why} Type the VO if you know it applies.` };
}
