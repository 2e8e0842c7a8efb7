import { Button } from '../../../components/button';
import { Name } from '../../../components/name';
import { isGitHubError } from '../lib/github';
import { sourceKey, type HubSource } from '../lib/sources';

/** Why a source's catalogue is missing (or old), in words, where the crates would be: the rest still show. */
export function SourceProblem({ source, error, stale, onRetry }: { source: HubSource; error: unknown; stale?: boolean; onRetry?: () => void }) {
  const limit = isGitHubError(error) && error.kind === 'rate-limit';
  const title = stale
    ? `${sourceKey(source)}: shown as last loaded, GitHub's hourly limit is spent`
    : limit
      ? `${sourceKey(source)}: GitHub's hourly limit is spent`
      : `${sourceKey(source)} could not be listed`;
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-lg border border-danger/40 bg-danger-soft px-4 py-3 text-sm">
      <h2 className="font-semibold text-danger">
        <Name value={title} />
      </h2>
      <p>
        <Name value={error instanceof Error ? error.message : String(error)} />
      </p>
      {onRetry && (
        <div>
          <Button size="sm" onClick={onRetry}>
            Try again
          </Button>
        </div>
      )}
    </div>
  );
}
