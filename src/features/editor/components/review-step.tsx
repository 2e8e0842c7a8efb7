// Before anything is sent: what the service is now and what it will be, both as YAML, and plain
// words about what happens to the secrets.
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { DiffEditor } from '../../../components/diff-editor';
import type { SecretPlan } from '../lib/secrets';

export function ReviewStep({
  mode,
  fromTemplate = null,
  name,
  before,
  after,
  plan,
  applying,
  onBack,
  onApply,
}: {
  mode: 'create' | 'update';
  /** Set when a create starts from a published template: the left side is that template. */
  fromTemplate?: string | null;
  name: string;
  before: string;
  after: string;
  plan: SecretPlan;
  applying: boolean;
  onBack: () => void;
  onApply: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [understood, setUnderstood] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const unchanged = mode === 'update' && before === after;
  const mustConfirm = plan.clearing.length > 0;
  return (
    <section aria-labelledby="review-title" className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 id="review-title" ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
          {mode === 'create' ? `Review the new service ${name}` : `Review the changes to ${name}`}
        </h2>
        <p className="text-sm text-muted">
          {mode === 'create' && fromTemplate
            ? `Lagoon will create this service on the cluster (left: the template of ${fromTemplate} as published, right: the new service with your choices).`
            : mode === 'create'
            ? 'Lagoon will create this service on the cluster (left: nothing yet, right: the new service).'
            : 'Lagoon will send the whole service to the cluster, which replaces it (left: now, right: after).'}
        </p>
      </div>
      <SecretNotes mode={mode} plan={plan} />
      {mustConfirm && (
        <div className="flex items-start gap-2 rounded-md border border-danger/40 bg-danger-soft px-3 py-2">
          <input
            id="confirm-clear"
            type="checkbox"
            className="mt-0.5 size-4 accent-accent"
            checked={understood}
            onChange={(e) => setUnderstood(e.target.checked)}
          />
          <label htmlFor="confirm-clear" className="text-sm">
            I understand that <strong>{plan.clearing.join(', ')}</strong> will be cleared: OSCAR replaces all secrets together
            and Lagoon cannot read their current values. (Go back and replace {plan.clearing.length === 1 ? 'its value' : 'their values'} to keep
            them.)
          </label>
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" busy={applying} disabled={unchanged || (mustConfirm && !understood)} onClick={onApply}>
          {mode === 'create' ? 'Create service' : 'Apply changes'}
        </Button>
        <Button onClick={onBack} disabled={applying}>
          Back to editing
        </Button>
      </div>
      {unchanged ? (
        <p role="status" className="rounded-md border border-line bg-raised px-3 py-2 text-sm">
          Nothing has changed yet: the service on the cluster already looks like this.
        </p>
      ) : (
        <DiffEditor label={`Changes to ${name || 'the new service'}`} original={before} modified={after} />
      )}
    </section>
  );
}

function SecretNotes({ mode, plan }: { mode: 'create' | 'update'; plan: SecretPlan }) {
  if (mode === 'create') return null;
  const notes: string[] = [];
  if (!plan.send && plan.unchanged.length > 0) {
    const one = plan.unchanged.length === 1;
    notes.push(
      `${one ? 'Secret' : 'Secrets'} ${plan.unchanged.join(', ')} ${one ? 'is' : 'are'} not sent, so ${one ? 'it keeps its value' : 'they keep their values'} on the cluster.`,
    );
  }
  if (plan.changed.length) notes.push(`New value for ${plan.changed.join(', ')}.`);
  if (plan.added.length) notes.push(`New secret ${plan.added.join(', ')}.`);
  if (plan.removed.length) notes.push(`Removed: ${plan.removed.join(', ')}.`);
  if (notes.length === 0) return null;
  return (
    <ul className="flex list-disc flex-col gap-0.5 pl-5 text-sm" aria-label="What happens to the secrets">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
