// Who owns what: the owner id OSCAR records for a session's services and buckets (the list filters' "mine").

/**
 * The owner id OSCAR records for this session's services and buckets: the OIDC subject, or, for the
 * cluster's Basic user, OSCAR's "cluster_admin".
 */
export function ownerIdOf(session: { method: 'basic' | 'oidc'; user: { sub?: string } } | null): string {
  if (!session) return '';
  return session.method === 'basic' ? 'cluster_admin' : (session.user.sub ?? '');
}
