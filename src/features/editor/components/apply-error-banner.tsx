import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { quotaQueries } from '../../../lib/quotas/queries';
import { quotaLine, type QuotaId } from '../../../lib/quotas/quota';
import { useSession } from '../../../lib/session/session';
import type { PlacedError } from '../lib/server-error';

const SHOWN: QuotaId[] = ['buckets', 'cpu', 'memory', 'volumes'];

/**
 * The user's limits beside a quota refusal. Only a Bearer user has a quota of their own to read
 * (GET /system/quotas/user; a Basic login gets 401 there), so the others get the quotas page's link alone.
 */
function YourLimits() {
  const bearer = useSession()?.credentials?.kind === 'bearer';
  const q = useQuery({ ...quotaQueries.own(), enabled: bearer });
  const lines = q.data ? SHOWN.flatMap((id) => quotaLine(q.data!, id) ?? []) : [];
  const link = (
    <Link to="/quotas" className="text-accent underline">
      {bearer ? 'your quotas page' : 'the quotas page'}
    </Link>
  );
  return (
    <>
      {lines.length > 0 && (
        <ul aria-label="Your limits" className="text-sm">
          {lines.map((l) => (
            <li key={l.id}>
              <span className="font-medium">{l.label}:</span> {l.usedText} of {l.maxText} used
              {l.leftText !== undefined ? ` · ${l.leftText} left` : ''}
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm">
        {bearer && q.isError ? 'Your limits could not be read just now; they are on ' : 'Your limits and what uses them are on '}
        {link}. Free some (delete a bucket or a service you no longer need), make this one smaller, or ask the cluster&apos;s administrators
        for a larger quota.
      </p>
    </>
  );
}

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
        {error.quota && <YourLimits />}
        <p className="text-sm text-muted">Your changes are kept here and in your draft; fix them and apply again.</p>
      </div>
      <Button size="sm" variant="ghost" onClick={onDismiss} aria-label="Dismiss the error">
        ×
      </Button>
    </div>
  );
}
