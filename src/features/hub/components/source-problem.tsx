import { ErrorState } from '../../../components/states';
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
  return <ErrorState title={title} error={error} {...(onRetry ? { onRetry } : {})} />;
}
