// A signed-in session for tests. The endpoint is not the demo's, so the app does not try to start the
// demo's service worker (jsdom has none); tests answer it with MSW.
import { DEMO_PASSWORD, DEMO_USERNAME } from '../api/demo';
import { setSession, type Session } from '../lib/session/session';

export const TEST_ENDPOINT = 'https://oscar.test';

export interface BasicSessionOptions {
  endpoint?: string;
  username?: string;
  /** The demo cluster's handlers check it; plain MSW handlers in a test do not. */
  password?: string;
}

/** A Basic-auth session, as the login screen makes it. */
export function basicSession({
  endpoint = TEST_ENDPOINT,
  username = DEMO_USERNAME,
  password = DEMO_PASSWORD,
}: BasicSessionOptions = {}): Session {
  return { endpoint, method: 'basic', user: { name: username }, credentials: { kind: 'basic', username, password } };
}

/** Signs in with a Basic-auth session (which also sets the API client's connection). */
export function signIn(options: BasicSessionOptions = {}): Session {
  const session = basicSession(options);
  setSession(session);
  return session;
}
