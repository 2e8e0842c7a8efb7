import { Button } from '../../../components/button';
import type { DeleteFailure } from '../api/mutations';

/** The services a deletion could not remove, each with the cluster's own explanation. */
export function DeleteFailures({ failures, onDismiss }: { failures: readonly DeleteFailure[]; onDismiss: () => void }) {
  if (failures.length === 0) return null;
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-lg border border-danger/40 bg-danger-soft px-4 py-3 text-sm">
      <div className="flex items-start justify-between gap-3">
        <h2 className="font-semibold text-danger">
          Could not delete {failures.length === 1 ? '1 service' : `${failures.length} services`}
        </h2>
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
      <ul className="flex flex-col gap-1">
        {failures.map((f) => (
          <li key={f.name} className="break-words">
            <span className="font-mono font-medium">{f.name}</span>: {f.message}
            {f.status > 0 && <span className="text-muted"> (HTTP {f.status})</span>}
          </li>
        ))}
      </ul>
      <p className="text-muted">They are still selected, so you can try again.</p>
    </div>
  );
}
