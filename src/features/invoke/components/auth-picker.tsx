import { useId, type ReactNode } from 'react';
import { SecretValue } from '../../../components/secret-value';
import type { CallAuth } from '../lib/history';

export interface TokenSources {
  /** The service's own token: a string, '' when the cluster does not show it, undefined while loading. */
  serviceToken: string | undefined;
  serviceTokenError: string | null;
  /** The session's OIDC access token, when signed in with OIDC. */
  oidcToken: string | null;
}

/** The Bearer token for a call, or null when the chosen source has none. */
export function tokenFor(auth: CallAuth, sources: TokenSources, pasted: string): string | null {
  if (auth === 'service') return sources.serviceToken || null;
  if (auth === 'oidc') return sources.oidcToken;
  return pasted.trim() || null;
}

/** Which token to send: /run and /job take the service's token or an OIDC token, never a password. */
export function AuthPicker({
  service,
  auth,
  onAuth,
  pasted,
  onPasted,
  sources,
}: {
  service: string;
  auth: CallAuth;
  onAuth: (a: CallAuth) => void;
  pasted: string;
  onPasted: (t: string) => void;
  sources: TokenSources;
}) {
  const name = useId();
  const serviceNote =
    sources.serviceTokenError ??
    (sources.serviceToken === undefined
      ? 'Loading the token…'
      : sources.serviceToken === ''
        ? 'The cluster does not show this service’s token to you.'
        : null);
  const option = (value: CallAuth, label: string, disabled: boolean, extra: ReactNode) => (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="radio"
          name={name}
          value={value}
          checked={auth === value}
          disabled={disabled}
          onChange={() => onAuth(value)}
          className="accent-accent"
        />
        <span className={disabled ? 'text-muted' : undefined}>{label}</span>
      </label>
      {auth === value && extra && <div className="pl-6 text-sm">{extra}</div>}
    </div>
  );
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-sm font-medium">Token</legend>
      {option(
        'service',
        `The token of ${service}`,
        false,
        serviceNote ? (
          <span className="text-muted">{serviceNote}</span>
        ) : (
          <SecretValue value={sources.serviceToken ?? ''} label={`token of ${service}`} />
        ),
      )}
      {option('oidc', 'My OIDC token', !sources.oidcToken, null)}
      {!sources.oidcToken && (
        <p className="pl-6 text-xs text-muted">Signed in with a password: there is no OIDC token to send.</p>
      )}
      {option(
        'pasted',
        'A token I paste',
        false,
        <label className="flex flex-col gap-1">
          <span className="sr-only">Pasted token</span>
          <input
            type="password"
            value={pasted}
            onChange={(e) => onPasted(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="Service token or OIDC access token"
            className="w-full rounded-md border border-line bg-canvas px-2 py-1.5 font-mono text-sm"
          />
        </label>,
      )}
      <p className="text-xs text-muted">Tokens are never stored in the history nor shown in snippets.</p>
    </fieldset>
  );
}
