import type { ReactNode } from 'react';
import type { SeriesProblems } from '../lib/metrics/series';

/**
 * Why a chart is incomplete, in words, next to it: periods that failed to load (with the server's
 * words), values that were not usable numbers, periods whose sources were degraded, and loading
 * progress. A failure is an alert; the rest is information.
 */
export function ChartProblems({
  problems,
  total,
  loading,
  message,
}: {
  problems: SeriesProblems;
  total: number;
  loading: boolean;
  message?: ReactNode;
}) {
  const invalid =
    problems.invalid > 0
      ? `${problems.invalid} ${problems.invalid === 1 ? 'value was' : 'values were'} not a usable number (negative or not a number) and ${problems.invalid === 1 ? 'is' : 'are'} left out.`
      : null;
  return (
    <>
      {(message || problems.failed > 0) && (
        <div role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm">
          {message && <div>{message}</div>}
          {problems.failed > 0 && (
            <p>
              {problems.failed} of {total} periods could not be loaded and are left blank
              {problems.firstError ? `: ${problems.firstError}` : '.'}
            </p>
          )}
        </div>
      )}
      {invalid && (
        <p className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm">{invalid}</p>
      )}
      {problems.partial > 0 && (
        <p className="text-xs text-muted">
          {problems.partial} of {total} periods may be incomplete: a source of these figures was not ok (see
          Sources).
        </p>
      )}
      {loading && problems.pending > 0 && (
        <p role="status" className="text-xs text-muted">
          Loading {problems.pending} of {total} periods…
        </p>
      )}
    </>
  );
}
