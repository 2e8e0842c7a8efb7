import { useState } from 'react';
import { clsx } from 'clsx';
import { errorMessage } from '../../../api/errors';
import type { QuotaResponse } from '../../../api/types';
import { Button } from '../../../components/button';
import { toast } from '../../../components/toast';
import { useUpdateQuota } from '../api/mutations';
import { changes, EDIT_FIELDS, fieldProblem, updateBody, valuesFrom, type Change, type EditKey, type EditValues } from '../lib/quota-edit';

/** The admin edits a user's limits, reviews the change (before → after), then sends only what changed. */
export function QuotaEditor({ userId, quota }: { userId: string; quota: QuotaResponse }) {
  const current = valuesFrom(quota);
  const [values, setValues] = useState<EditValues>(current);
  const [shown, setShown] = useState(false);
  const [review, setReview] = useState<Change[] | null>(null);
  const update = useUpdateQuota(userId);
  const problems = Object.fromEntries(EDIT_FIELDS.map((f) => [f.key, fieldProblem(f, values[f.key])])) as Record<EditKey, string | null>;
  const pending = changes(current, values);

  function toReview() {
    setShown(true);
    if (EDIT_FIELDS.some((f) => problems[f.key] && values[f.key] !== current[f.key])) return;
    setReview(pending);
  }
  function apply(list: Change[]) {
    update.mutate(updateBody(list), {
      onSuccess: (q) => {
        toast(`Updated the quota of ${userId}`, 'success');
        setValues(valuesFrom(q));
        setReview(null);
        setShown(false);
      },
    });
  }

  if (review) {
    return (
      <section aria-labelledby="quota-review" className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4">
        <h3 id="quota-review" className="font-semibold">
          Review the change for <span className="font-mono">{userId}</span>
        </h3>
        {review.length === 0 ? (
          <p className="text-muted">Nothing changed: every limit is as it was.</p>
        ) : (
          <table className="w-full max-w-xl text-sm">
            <caption className="sr-only">Limits that will change</caption>
            <thead className="text-left text-muted">
              <tr>
                <th scope="col" className="py-1 font-medium">Limit</th>
                <th scope="col" className="py-1 font-medium">Now</th>
                <th scope="col" className="py-1 font-medium">After</th>
              </tr>
            </thead>
            <tbody>
              {review.map((c) => (
                <tr key={c.key} className="border-t border-line">
                  <th scope="row" className="py-1.5 text-left font-medium">{c.label}</th>
                  <td className="py-1.5 font-mono text-muted line-through decoration-1">{c.before}</td>
                  <td className="py-1.5 font-mono font-semibold">{c.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {update.isError && (
          <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-danger">
            The cluster refused the change: {errorMessage(update.error)}
          </p>
        )}
        <div className="flex gap-2">
          <Button variant="primary" busy={update.isPending} disabled={review.length === 0} onClick={() => apply(review)}>
            {review.length === 1 ? 'Apply 1 change' : `Apply ${review.length} changes`}
          </Button>
          <Button
            onClick={() => {
              update.reset();
              setReview(null);
            }}
          >
            Back to editing
          </Button>
        </div>
      </section>
    );
  }

  return (
    <form
      noValidate
      aria-labelledby="quota-edit"
      className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4"
      onSubmit={(e) => {
        e.preventDefault();
        toReview();
      }}
    >
      <h3 id="quota-edit" className="font-semibold">
        Change the limits of <span className="font-mono">{userId}</span>
      </h3>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {EDIT_FIELDS.map((f) => {
          const problem = shown && values[f.key] !== current[f.key] ? problems[f.key] : null;
          const id = `quota-${f.key}`;
          return (
            <div key={f.key} className="flex flex-col gap-1">
              <label htmlFor={id} className="text-sm font-medium">
                {f.label}
              </label>
              <input
                id={id}
                value={values[f.key]}
                onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={!!problem || undefined}
                aria-describedby={`${id}-hint`}
                className={clsx('rounded-md border bg-canvas px-2 py-1.5 font-mono text-sm', problem ? 'border-danger' : 'border-line')}
              />
              <span id={`${id}-hint`} className={clsx('text-xs', problem ? 'text-danger' : 'text-muted')}>
                {problem ?? f.hint}
              </span>
            </div>
          );
        })}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary">
          Review changes
        </Button>
        <span className="text-sm text-muted" aria-live="polite">
          {pending.length === 0 ? 'No changes yet' : pending.length === 1 ? '1 limit changed' : `${pending.length} limits changed`}
        </span>
      </div>
    </form>
  );
}
