// Logging in with the cluster's own user (Basic auth): the credentials are tried first, and become the
// session only when the cluster accepts them.
import { setSession, type Session } from '../../lib/session/session';
import { checkCluster } from './check-cluster';
import { rememberCluster } from './recent-clusters';

export async function loginWithPassword(endpoint: string, username: string, password: string): Promise<Session> {
  const credentials = { kind: 'basic', username, password } as const;
  await checkCluster({ endpoint, credentials });
  const session: Session = { endpoint, method: 'basic', user: { name: username }, credentials };
  setSession(session);
  rememberCluster(endpoint, 'basic');
  return session;
}
