import { Fragment } from 'react';
import { splitHidden } from '../lib/text/hidden-chars';

/**
 * A name from the cluster or a user (object, bucket, service, job, file), drawn so it cannot lie:
 * bidi controls and zero-width characters show as a marked [U+202E] instead of acting on the text.
 * Screen readers hear what each one is ("right-to-left override") instead of the marker's code.
 */
export function Name({ value, className }: { value: string; className?: string }) {
  const parts = splitHidden(value);
  if (parts.length === 1 && !parts[0]!.hidden) return className ? <span className={className}>{value}</span> : <>{value}</>;
  return (
    <span className={className}>
      {parts.map((p, i) =>
        p.hidden ? (
          <Fragment key={i}>
            <span
              aria-hidden="true"
              title={`A hidden character in this name: ${p.name}`}
              className="mx-px rounded-sm bg-warn-soft px-0.5 font-mono text-[0.8em] font-medium text-warn ring-1 ring-warn/60"
            >
              {p.marker}
            </span>
            <span className="sr-only">{` (${p.name}) `}</span>
          </Fragment>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </span>
  );
}
