import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/button';
import { knownUsersQuery } from '../api/queries';

/** The admin names a user (their OIDC subject, e.g. an EGI UID); the cluster's owners are offered as suggestions. */
export function UserLookup({ value, onLookup }: { value: string; onLookup: (id: string) => void }) {
  const [text, setText] = useState(value);
  const known = useQuery(knownUsersQuery());
  return (
    <form
      role="search"
      aria-label="Look up a user's quota"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onLookup(text.trim());
      }}
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1 sm:max-w-lg">
        <label htmlFor="quota-user" className="text-sm font-medium">
          User ID
        </label>
        <input
          id="quota-user"
          value={text}
          onChange={(e) => setText(e.target.value)}
          list="quota-known-users"
          placeholder="e.g. 0f3e…@egi.eu"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="quota-user-hint"
          className="rounded-md border border-line bg-canvas px-2 py-1.5 font-mono text-sm"
        />
        <span id="quota-user-hint" className="text-xs text-muted">
          The user&apos;s OIDC subject, as services and buckets show it in Owner.
        </span>
      </div>
      <datalist id="quota-known-users">
        {(known.data ?? []).map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      <Button type="submit" variant="primary" disabled={!text.trim()} className="mb-5">
        Look up
      </Button>
    </form>
  );
}
