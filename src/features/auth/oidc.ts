// OpenID Connect login: authorization code flow with PKCE through oidc-client-ts, one UserManager per
// provider in config.json. Tokens and login state live in sessionStorage only (userStore and stateStore),
// like the session itself: see docs/decisions/001-session-storage.md.
import { ErrorResponse, OidcClient, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { z } from 'zod';
import { getSession, setSession, type Session } from '../../lib/session/session';
import { loadAuthConfig, type OidcProvider } from './auth-config';
import { checkCluster, LoginError } from './check-cluster';
import { rememberCluster } from './recent-clusters';
import { setRenewal } from './renewal-status';
import { oidcRedirectUri, postLogoutUri } from '../../lib/deploy/mode';

export const CALLBACK_PATH = '/auth/callback';
export const LOGIN_PATH = '/login';

/** What travels through the provider in `state`: where to log in and where to go afterwards. */
const loginStateSchema = z.object({
  endpoint: z.string().min(1),
  next: z.string().default('/services'),
  providerId: z.string().optional(),
});
export type LoginState = z.infer<typeof loginStateSchema>;

const managers = new Map<string, UserManager>();

function storage(): WebStorageStateStore {
  return new WebStorageStateStore({ store: sessionStorage });
}

export function managerSettings(p: OidcProvider) {
  return {
    authority: p.authority,
    client_id: p.clientId,
    scope: p.scope,
    // `${origin}${CALLBACK_PATH}` hosted; embedded, the app's folder (<origin>/ui/), see lib/deploy/mode.ts.
    redirect_uri: oidcRedirectUri(),
    // Used only when the provider gives no refresh token: renewal then loads the callback in an iframe.
    silent_redirect_uri: oidcRedirectUri(),
    post_logout_redirect_uri: postLogoutUri(),
    response_type: 'code',
    automaticSilentRenew: true,
    // Claims come from the ID token; the access token may be meant for the cluster, not for userinfo.
    loadUserInfo: false,
    monitorSession: false,
    userStore: storage(),
    stateStore: storage(),
  };
}

/** The one UserManager for a provider, created on first use; its events keep the session's token current. */
export function userManagerFor(p: OidcProvider): UserManager {
  const existing = managers.get(p.id);
  if (existing) return existing;
  const um = new UserManager(managerSettings(p));
  um.events.addUserLoaded((user) => {
    const s = getSession();
    if (s?.method !== 'oidc' || s.providerId !== p.id) return;
    setSession({ ...s, credentials: { kind: 'bearer', token: user.access_token }, ...expiry(user) });
    setRenewal('ok');
  });
  um.events.addSilentRenewError((e) => {
    if (getSession()?.providerId !== p.id) return;
    setRenewal({ failed: describeRenewError(e, p) });
  });
  um.events.addAccessTokenExpired(() => {
    if (getSession()?.providerId !== p.id) return;
    setRenewal({ expired: true });
  });
  managers.set(p.id, um);
  return um;
}

function expiry(user: User): Pick<Session, 'expiresAt'> {
  return user.expires_at ? { expiresAt: user.expires_at * 1000 } : {};
}

function describeRenewError(e: unknown, p: OidcProvider): string {
  if (e instanceof ErrorResponse && (e.error === 'invalid_grant' || e.error === 'login_required')) {
    return `${p.label} no longer accepts this login.`;
  }
  if (e instanceof TypeError || (e instanceof Error && /fetch|network/i.test(e.message))) {
    return `${p.label} could not be reached to renew your login.`;
  }
  return `${p.label} did not renew your login${e instanceof Error && e.message ? ` (${e.message})` : ''}.`;
}

/**
 * After a reload the UserManager is gone: recreate it for the session's provider so automatic renewal
 * carries on. Says so when the session can no longer be renewed.
 */
export async function resumeOidc(session: Session): Promise<void> {
  const config = await loadAuthConfig();
  const provider = config.oidcProviders.find((p) => p.id === session.providerId);
  if (!provider) {
    setRenewal({ failed: 'The identity provider of this session is no longer configured, so the login cannot be renewed.' });
    return;
  }
  const um = userManagerFor(provider);
  let user = await um.getUser();
  if (user?.expired) {
    // The tab slept past the expiry, so the renewal timer never fired: renew now, while a refresh
    // token (or the provider's session) may still allow it.
    user = await um.signinSilent().catch(() => null);
  }
  if (!user || user.expired) {
    setRenewal({ failed: `The ${provider.label} login cannot be renewed in this tab.` });
    return;
  }
  if (user.access_token !== (session.credentials.kind === 'bearer' ? session.credentials.token : '')) {
    setSession({ ...session, credentials: { kind: 'bearer', token: user.access_token }, ...expiry(user) });
  }
}

/** Renews now, for the "Renew" button of the warning. */
export async function renewNow(session: Session): Promise<void> {
  const config = await loadAuthConfig();
  const provider = config.oidcProviders.find((p) => p.id === session.providerId);
  if (!provider) throw new Error('The identity provider of this session is no longer configured.');
  try {
    await userManagerFor(provider).signinSilent();
  } catch (e) {
    setRenewal({ failed: describeRenewError(e, provider) });
    throw e;
  }
}

// ---- login ----

export async function startOidcLogin(p: OidcProvider, state: { endpoint: string; next: string }): Promise<void> {
  const um = userManagerFor(p);
  await um.clearStaleState().catch(() => undefined);
  try {
    await um.signinRedirect({ state: { ...state, providerId: p.id } satisfies LoginState });
  } catch (e) {
    throw new LoginError(
      `Cannot reach ${p.label} at ${p.authority}. Check your connection, or try again later${e instanceof Error && e.message ? ` (${e.message})` : ''}.`,
      'form',
    );
  }
}

/** A login that came back without a session: what to say, and where the user was going. */
export class CallbackError extends Error {
  readonly endpoint: string | undefined;
  readonly next: string | undefined;

  constructor(message: string, state?: Partial<LoginState>) {
    super(message);
    this.name = 'CallbackError';
    this.endpoint = state?.endpoint;
    this.next = state?.next;
  }
}

export type CallbackResult = { kind: 'session'; session: Session; next: string } | { kind: 'silent' };

/**
 * Finishes a login on the callback URL: finds which provider it came from (from the stored login
 * state), exchanges the code, checks the token on the cluster, and makes the session.
 */
export async function finishOidcLogin(url: string): Promise<CallbackResult> {
  const params = new URL(url).searchParams;
  const stored = await readStoredState(url);
  if (!stored) {
    const error = params.get('error');
    throw new CallbackError(
      error
        ? `The identity provider refused the login: ${params.get('error_description') || error}.`
        : 'This login response does not match a login started in this tab. It may have expired, or been opened in another tab. Please log in again.',
    );
  }
  const config = await loadAuthConfig();
  const data = loginStateSchema.safeParse(stored.data);
  const state = data.success ? data.data : undefined;
  const provider =
    config.oidcProviders.find((p) => state?.providerId && p.id === state.providerId) ??
    config.oidcProviders.find((p) => p.authority === stored.authority && p.clientId === stored.client_id);
  if (!provider) throw new CallbackError('The identity provider of this login is not configured any more. Please log in again.', state);

  const um = userManagerFor(provider);
  let user: User | undefined;
  try {
    user = await um.signinCallback(url);
  } catch (e) {
    throw new CallbackError(describeCallbackError(e, provider), state);
  }
  if (!user) return { kind: 'silent' };
  if (!state) {
    await um.removeUser();
    throw new CallbackError('The login came back without the cluster it was for. Please log in again.');
  }

  try {
    await checkCluster({ endpoint: state.endpoint, credentials: { kind: 'bearer', token: user.access_token } }, { providerLabel: provider.label });
  } catch (e) {
    await um.removeUser();
    throw new CallbackError(e instanceof Error ? e.message : String(e), state);
  }

  const profile = user.profile;
  const name = str(profile.name) ?? str(profile.preferred_username) ?? str(profile.email) ?? profile.sub;
  const email = str(profile.email);
  const entitlements = strings(profile.eduperson_entitlement);
  const session: Session = {
    endpoint: state.endpoint,
    method: 'oidc',
    user: { name, sub: profile.sub, ...(email ? { email } : {}), ...(entitlements.length ? { entitlements } : {}) },
    credentials: { kind: 'bearer', token: user.access_token },
    providerId: provider.id,
    ...expiry(user),
  };
  setSession(session);
  setRenewal('ok');
  rememberCluster(state.endpoint, 'oidc', provider.id);
  return { kind: 'session', session, next: state.next };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

/** A claim that may be one string or a list of them. */
function strings(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
}

async function readStoredState(url: string): Promise<{ authority: string; client_id: string; data: unknown } | null> {
  // Any OidcClient reads the stored state; the settings only matter for later steps.
  const reader = new OidcClient({ authority: 'https://reader.invalid', client_id: 'reader', redirect_uri: url, stateStore: storage() });
  try {
    const { state } = await reader.readSigninResponseState(url);
    return { authority: state.authority, client_id: state.client_id, data: state.data };
  } catch {
    return null;
  }
}

export function describeCallbackError(e: unknown, p: OidcProvider): string {
  if (e instanceof ErrorResponse) {
    const detail = e.error_description ? ` (${e.error_description})` : '';
    switch (e.error) {
      case 'access_denied':
        return `The login at ${p.label} was cancelled or refused${detail}. You can try again, or log in with the cluster's password.`;
      case 'login_required':
      case 'interaction_required':
      case 'consent_required':
        return `${p.label} needs you to log in again${detail}.`;
      case 'temporarily_unavailable':
      case 'server_error':
        return `${p.label} is not available right now${detail}. Try again in a moment.`;
      case 'invalid_scope':
        return `${p.label} refused the requested permissions (${p.scope})${detail}.`;
      default:
        return `${p.label} refused the login: ${e.error_description || e.error}.`;
    }
  }
  if (e instanceof TypeError) return `Could not reach ${p.label} to finish the login. Check your connection and try again.`;
  const message = e instanceof Error ? e.message : String(e);
  return `The login with ${p.label} could not be completed: ${message}. Please try again.`;
}

// ---- logout ----

/** Ends the session at the provider too: the browser goes there and comes back to /login. */
export async function signoutAtProvider(providerId: string | undefined): Promise<void> {
  const config = await loadAuthConfig();
  const provider = config.oidcProviders.find((p) => p.id === providerId);
  if (!provider) throw new Error('The identity provider of this session is no longer configured.');
  const um = userManagerFor(provider);
  // Resolves only if the redirect fails to start; otherwise the page is on its way to the provider.
  await um.signoutRedirect({ post_logout_redirect_uri: postLogoutUri() });
}

/** Drops the provider's tokens from this tab without asking the provider (switching cluster, a 401). */
export async function forgetOidcUser(providerId: string | undefined): Promise<void> {
  setRenewal('ok');
  const config = await loadAuthConfig();
  const provider = config.oidcProviders.find((p) => p.id === providerId);
  if (provider) await userManagerFor(provider).removeUser();
}
