import { clsx } from 'clsx';
import { Button } from '../../../components/button';
import { useClock } from '../../../components/use-clock';
import { formatAgo } from '../../../lib/jobs/view';
import type { AutoRefresh } from './use-auto-refresh';

function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`;
}

/** Where auto-refresh stands, with Pause/Resume and Refresh now. */
export function RefreshStatus({ refresh, updatedAt }: { refresh: AutoRefresh; updatedAt: number }) {
  const now = useClock(1000);
  let text: string;
  if (refresh.refreshing) text = 'Refreshing…';
  else if (refresh.paused) text = 'Auto-refresh paused';
  else if (refresh.reading) text = 'Auto-refresh waits while you read the table';
  else if (refresh.nextAt === null) text = '';
  else if (refresh.reason === 'failing') text = `The cluster is not answering; trying again in ${seconds(refresh.nextAt - now)}`;
  else if (refresh.reason === 'slow') text = `The cluster is slow; next refresh in ${seconds(refresh.nextAt - now)}`;
  else text = `Next refresh in ${seconds(refresh.nextAt - now)}`;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <p className={clsx('text-muted', refresh.reason === 'failing' && !refresh.refreshing && 'text-danger')}>
        {updatedAt > 0 && <span>Updated {formatAgo(updatedAt, now)}</span>}
        {updatedAt > 0 && text && <span aria-hidden="true"> · </span>}
        <span>{text}</span>
      </p>
      <Button size="sm" variant="ghost" aria-pressed={refresh.paused} onClick={() => refresh.setPaused(!refresh.paused)}>
        {refresh.paused ? 'Resume auto-refresh' : 'Pause auto-refresh'}
      </Button>
      <Button size="sm" onClick={refresh.refreshNow} disabled={refresh.refreshing}>
        Refresh now
      </Button>
    </div>
  );
}
