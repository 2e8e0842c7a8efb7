import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/button';
import { loadAuthConfig, type OidcProvider } from '../auth-config';

/** One button a configured identity provider; the cluster decides whether it trusts the one chosen. */
/** `preferred`: the provider a link asked for (the OSCAR Dashboard's hand-over, `process=`), listed first. */
export function ProviderList({
  busyId,
  disabled,
  onChoose,
  preferred = null,
}: {
  busyId: string | null;
  disabled: boolean;
  onChoose: (p: OidcProvider) => void;
  preferred?: string | null;
}) {
  const config = useQuery({ queryKey: ['auth', 'config'], queryFn: loadAuthConfig, staleTime: Infinity });
  if (config.isPending) {
    return (
      <p role="status" className="text-sm text-muted">
        Loading identity providers…
      </p>
    );
  }
  const all = config.data?.oidcProviders ?? [];
  const providers = [...all.filter((p) => p.id === preferred), ...all.filter((p) => p.id !== preferred)];
  const problem = config.data?.problem ?? '';
  return (
    <div className="flex flex-col gap-2">
      {providers.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {providers.map((p) => (
            <li key={p.id}>
              <Button
                className="w-full"
                variant={p.id === preferred ? 'primary' : 'secondary'}
                busy={busyId === p.id}
                disabled={disabled}
                onClick={() => onChoose(p)}
              >
                Continue with {p.label}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        !problem && <p className="text-sm text-muted">No identity providers are configured for this dashboard.</p>
      )}
      {problem && <p className="text-sm text-warn">{problem}</p>}
    </div>
  );
}
