import { useId } from 'react';

export type Visibility = 'private' | 'restricted' | 'public';

const OPTIONS: { value: Visibility; label: string; hint: string }[] = [
  { value: 'private', label: 'Private', hint: 'Only you (and the cluster administrator).' },
  { value: 'restricted', label: 'Restricted', hint: 'You and the users listed below.' },
  { value: 'public', label: 'Public', hint: 'Anyone on the cluster can read it.' },
];

/** Visibility as radio buttons, and the allowed users (one EGI user ID a line) when restricted. */
export function VisibilityFields({
  visibility,
  users,
  onVisibility,
  onUsers,
}: {
  visibility: Visibility;
  users: string;
  onVisibility: (v: Visibility) => void;
  onUsers: (u: string) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Visibility</legend>
        {OPTIONS.map((o) => (
          <label key={o.value} className="flex items-start gap-2">
            <input
              aria-label={o.label}
              aria-describedby={`${id}-${o.value}-hint`}
              type="radio"
              name={`${id}-visibility`}
              value={o.value}
              checked={visibility === o.value}
              onChange={() => onVisibility(o.value)}
              className="mt-1 accent-accent"
            />
            <span aria-hidden="true" className="font-medium">
              {o.label}
            </span>
            <span id={`${id}-${o.value}-hint`} className="text-muted">
              — {o.hint}
            </span>
          </label>
        ))}
      </fieldset>
      {visibility === 'restricted' && (
        <label className="flex flex-col gap-1">
          <span className="font-medium">Allowed users</span>
          <span className="text-muted">One user ID a line, e.g. 0f3e0c5a…@egi.eu</span>
          <textarea
            value={users}
            onChange={(e) => onUsers(e.target.value)}
            rows={3}
            className="rounded-md border border-line bg-canvas px-2 py-1.5 font-mono text-sm"
          />
        </label>
      )}
    </div>
  );
}

export function parseUsers(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((u) => u.trim()).filter(Boolean))];
}
