import { errorMessage, isApiError } from '../../../api/errors';
import { Button } from '../../../components/button';

export interface ServiceFailure {
  service: string;
  error: unknown;
  retry: () => void;
}

/** Services whose jobs could not be (re)loaded, each with the server's words and a retry; the rest still show. */
export function LoadProblems({ failures, stale }: { failures: readonly ServiceFailure[]; stale: boolean }) {
  if (failures.length === 0) return null;
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-lg border border-danger/40 bg-danger-soft px-4 py-3 text-sm">
      <p className="font-semibold text-danger">
        {failures.length === 1 ? `Could not load the jobs of ${failures[0]?.service}` : `Could not load the jobs of ${failures.length} services`}
        {stale && '; showing what was loaded before'}
      </p>
      <ul className="flex flex-col gap-1">
        {failures.slice(0, 8).map((f) => (
          <li key={f.service} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{f.service}:</span>
            <span className="break-words">
              {errorMessage(f.error)}
              {isApiError(f.error) && f.error.status ? ` (HTTP ${f.error.status})` : ''}
            </span>
            <Button size="sm" variant="ghost" onClick={f.retry}>
              Try again
            </Button>
          </li>
        ))}
        {failures.length > 8 && <li>and {failures.length - 8} more</li>}
      </ul>
    </div>
  );
}
