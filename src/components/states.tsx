import type { ReactNode } from 'react';
import { errorMessage, isApiError } from '../api/errors';
import { Button } from './button';
import { Name } from './name';

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-line bg-surface px-6 py-12 text-center">
      <h2 className="text-base font-semibold">
        <Name value={title} />
      </h2>
      {children && <div className="max-w-prose text-sm text-muted">{children}</div>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}

export function ErrorState({ error, title = 'Something went wrong', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const status = isApiError(error) && error.status ? ` (HTTP ${error.status})` : '';
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-lg border border-danger/40 bg-danger-soft px-5 py-4">
      <h2 className="font-semibold text-danger">
        <Name value={title} />
        {status}
      </h2>
      <p className="text-sm break-words whitespace-pre-wrap">
        <Name value={errorMessage(error)} />
      </p>
      {onRetry && (
        <div>
          <Button size="sm" onClick={onRetry}>
            Try again
          </Button>
        </div>
      )}
    </div>
  );
}

export function Skeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div aria-hidden="true" className="flex flex-col gap-2">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-8 animate-pulse rounded bg-raised" />
      ))}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="flex flex-col gap-3" aria-busy="true">
      <p role="status" className="sr-only">
        {label}
      </p>
      <Skeleton />
    </div>
  );
}
