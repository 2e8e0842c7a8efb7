import { Button } from '../../../components/button';
import type { Draft } from '../lib/drafts';

function ago(ms: number): string {
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  if (s < 60) return 'less than a minute ago';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'} ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} hour${h === 1 ? '' : 's'} ago`;
  return new Date(ms).toLocaleString();
}

/** Offers back an unsaved edit found when the editor opened. */
export function DraftBanner({ draft, onRestore, onDiscard }: { draft: Draft; onRestore: () => void; onDiscard: () => void }) {
  return (
    <section aria-labelledby="draft-title" className="flex flex-wrap items-center gap-3 rounded-lg border border-accent/40 bg-accent-soft px-4 py-3">
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <h2 id="draft-title" className="text-sm font-semibold">
          You have an unsaved draft from {ago(draft.savedAt)}
        </h2>
        <p className="text-sm">
          Restore it to carry on where you left off, or discard it to start from {draft.value.service.name ? 'the service as it is now' : 'scratch'}.
          {draft.droppedSecrets.length > 0 && ` Secret values are never kept in drafts: type ${draft.droppedSecrets.join(', ')} again.`}
        </p>
      </div>
      <div className="flex gap-2">
        <Button variant="primary" onClick={onRestore}>
          Restore draft
        </Button>
        <Button onClick={onDiscard}>Discard draft</Button>
      </div>
    </section>
  );
}
