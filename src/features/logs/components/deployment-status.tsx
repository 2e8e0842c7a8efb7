import { Badge, type BadgeTone } from '../../../components/badge';
import { Button } from '../../../components/button';
import { formatTime } from '../../../lib/jobs/view';
import type { ServiceDeploymentStatus } from '../../../api/types';
import type { DeploymentAction } from '../api/mutations';
import type { Awaiting } from './use-deployment';

function tone(state: string | undefined): BadgeTone {
  if (state === 'ready') return 'ok';
  if (state === 'pending') return 'warn';
  if (state === 'failed' || state === 'error') return 'danger';
  return 'neutral';
}

const WAITING: Record<DeploymentAction, string> = {
  start: 'Starting: waiting for the deployment to be ready…',
  stop: 'Stopping…',
  restart: 'Restarting: waiting for the new pods to be ready…',
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** State, instances, reason and the start/stop/restart buttons (exposed services only). */
export function DeploymentStatus({
  status,
  exposed,
  busy,
  awaiting,
  onAction,
}: {
  status: ServiceDeploymentStatus;
  exposed: boolean;
  busy: DeploymentAction | null;
  awaiting: Awaiting | null;
  onAction: (a: DeploymentAction) => void;
}) {
  const state = status.state ?? 'unknown';
  const stopped = state === 'stopped';
  const last = status.last_transition_time ? Date.parse(status.last_transition_time) : NaN;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="flex items-center gap-2 text-sm">
          <span className="font-medium">State</span>
          <Badge tone={tone(state)} className="text-sm">
            {state}
          </Badge>
          {status.reason && <span className="text-muted">{status.reason}</span>}
        </p>
        {exposed && (
          <div className="flex gap-2">
            <Button size="sm" variant="primary" onClick={() => onAction('start')} disabled={!stopped || busy !== null} busy={busy === 'start'}>
              Start
            </Button>
            <Button size="sm" onClick={() => onAction('restart')} disabled={stopped || busy !== null} busy={busy === 'restart'}>
              Restart
            </Button>
            <Button size="sm" variant="danger" onClick={() => onAction('stop')} disabled={stopped || busy !== null} busy={busy === 'stop'}>
              Stop
            </Button>
          </div>
        )}
      </div>
      <p role="status" className="text-sm text-muted">
        {awaiting ? WAITING[awaiting.action] : ''}
      </p>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[minmax(8rem,14rem)_1fr]">
        <Fact label="Running instances (pods)">{status.active_instances ?? 0}</Fact>
        <Fact label="Instances changing">{status.affected_instances ?? 0}</Fact>
        <Fact label="Kind">{status.resource_kind ?? '—'}</Fact>
        <Fact label="Namespace">{status.namespace ?? '—'}</Fact>
        <Fact label="Last change">{Number.isFinite(last) ? <time dateTime={status.last_transition_time}>{formatTime(last)}</time> : '—'}</Fact>
      </dl>
    </div>
  );
}
