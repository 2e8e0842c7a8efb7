import { useState } from 'react';
import { Button } from './button';
import { CopyButton } from './copy-button';

/** OSCAR answers some secrets blanked (empty) or as the word "hidden"; those have nothing to reveal. */
export function isBlankedSecret(value: string | undefined | null): boolean {
  return !value || value === 'hidden';
}

/**
 * A secret shown as dots until the user reveals it, with a copy button that works while masked.
 * The mask has a fixed length so it does not give away the secret's length.
 */
export function SecretValue({
  value,
  label,
  blankText = 'Hidden by the cluster',
}: {
  value: string | undefined | null;
  label: string;
  blankText?: string;
}) {
  const [shown, setShown] = useState(false);
  if (isBlankedSecret(value) || !value) {
    return <span className="text-muted italic">{blankText}</span>;
  }
  return (
    <span className="inline-flex max-w-full flex-wrap items-center gap-1">
      {shown ? (
        <code className="rounded bg-raised px-1.5 py-0.5 font-mono text-sm break-all">{value}</code>
      ) : (
        <span className="rounded bg-raised px-1.5 py-0.5 font-mono text-sm">
          <span aria-hidden="true">••••••••••••</span>
          <span className="sr-only">hidden</span>
        </span>
      )}
      <Button size="sm" variant="ghost" aria-label={`${shown ? 'Hide' : 'Reveal'} ${label}`} onClick={() => setShown((s) => !s)}>
        {shown ? 'Hide' : 'Reveal'}
      </Button>
      <CopyButton value={value} label={label} />
    </span>
  );
}
