// The OIDC refresh token of this session, when the provider gave one: the terminal app hands it to
// oscar-cli inside the service (PARITY A3), as the OSCAR Dashboard does. oidc-client-ts keeps the user in
// sessionStorage (features/auth/oidc.ts, userStore) under "oidc.user:<authority>:<client>"; the entry
// whose access token is the session's is this session's.
import { getSession } from './session';

export function sessionRefreshToken(storage: Storage = sessionStorage): string | undefined {
  const s = getSession();
  if (s?.method !== 'oidc' || s.credentials.kind !== 'bearer') return undefined;
  const access = s.credentials.token;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith('oidc.user:')) continue;
    try {
      const user = JSON.parse(storage.getItem(key) ?? '') as { access_token?: unknown; refresh_token?: unknown };
      if (user.access_token === access && typeof user.refresh_token === 'string' && user.refresh_token) return user.refresh_token;
    } catch {
      // Not a user entry.
    }
  }
  return undefined;
}
