import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/button';
import { loadAuthConfig, type OidcProvider } from '../auth-config';

/** One button a configured identity provider; the cluster decides whether it trusts the one chosen. */
export function ProviderList({ busyId, disabled, onChoose }: { busyId: string | null; disabled: boolean; onChoose: (p: OidcProvider) => void }) {
  const config = useQuery({ queryKey: ['auth', 'config'], queryFn: loadAuthConfig, staleTime: Infinity });
  if (config.isPending) {
    return (
      <p role="status" className="text-sm text-muted">
        Loading identity providers…
      </p>
    );
  }
  const providers = config.data?.oidcProviders ?? [];
  const problem = config.data?.problem ?? '';
  return (
    <div className="flex flex-col gap-2">
      {providers.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {providers.map((p) => (
            <li key={p.id}>
              <Button className="w-full" busy={busyId === p.id} disabled={disabled} onClick={() => onChoose(p)}>
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
