import { Button } from '../../../components/button';
import type { PlacedError } from '../lib/server-error';

/** A failed apply, in the server's own words; the edit is kept. */
export function ApplyErrorBanner({ error, onDismiss }: { error: PlacedError; onDismiss: () => void }) {
  return (
    <div role="alert" className="flex items-start gap-3 rounded-lg border border-danger/40 bg-danger-soft px-4 py-3">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <h2 className="font-semibold text-danger">
          {error.title}
          {error.status > 0 ? ` (HTTP ${error.status})` : ''}
        </h2>
        <p className="text-sm break-words whitespace-pre-wrap">{error.message}</p>
        <p className="text-sm text-muted">Your changes are kept here and in your draft; fix them and apply again.</p>
      </div>
      <Button size="sm" variant="ghost" onClick={onDismiss} aria-label="Dismiss the error">
        ×
      </Button>
    </div>
  );
}
