import type { StatusInfo } from '../../../api/types';
import { Badge } from '../../../components/badge';
import { cleanValue } from '../../../lib/metrics/series';
import { formatBytes, formatCores } from '../../../lib/units/format';
import { ResourceBar } from './resource-bar';

export type NodeDetail = NonNullable<NonNullable<StatusInfo['cluster']>['nodes']>[number];

/** Kubernetes node conditions: "Ready" should be true; the pressure conditions should be false. */
export function conditionOk(type: string | undefined, status: boolean | undefined): boolean {
  return type === 'Ready' ? status === true : status !== true;
}

export function NodeCard({ node }: { node: NodeDetail }) {
  const name = node.name || 'unnamed node';
  const ready = (node.status ?? '').toLowerCase() === 'ready';
  const gpus = cleanValue(node.gpu).value;
  const conditions = node.conditions ?? [];
  return (
    <li aria-label={name} className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-mono text-sm font-semibold">{name}</h3>
        <Badge tone={ready ? 'ok' : 'danger'}>{node.status || 'status unknown'}</Badge>
        {node.is_interlink && <Badge tone="accent">interLink virtual node</Badge>}
      </div>
      {node.is_interlink && (
        <p className="text-xs text-muted">
          Offloads jobs to a remote site (e.g. an HPC centre); its capacity is what the site advertises.
        </p>
      )}
      <ResourceBar
        label="CPU"
        capacity={node.cpu?.capacity_cores}
        requested={node.cpu?.request_cores}
        used={node.cpu?.usage_cores}
        format={formatCores}
      />
      <ResourceBar
        label="Memory"
        capacity={node.memory?.capacity_bytes}
        requested={node.memory?.request_bytes}
        used={node.memory?.usage_bytes}
        format={formatBytes}
      />
      <p className="flex items-baseline justify-between text-sm">
        <span className="font-medium">GPUs</span>
        <span className="text-muted">
          {gpus === null ? 'not reported' : gpus === 0 ? 'none' : `${gpus} on this node (use not reported)`}
        </span>
      </p>
      {conditions.length > 0 && (
        <ul aria-label={`Conditions of ${name}`} className="flex flex-wrap gap-1.5">
          {conditions.map((c, i) => {
            const ok = conditionOk(c.type, c.status);
            return (
              <li key={`${c.type ?? ''}-${i}`}>
                <Badge tone={ok ? 'neutral' : 'danger'}>
                  <span aria-hidden="true" className="mr-1">
                    {ok ? '✓' : '!'}
                  </span>
                  {c.type ?? 'Condition'}: {c.status ? 'yes' : 'no'}
                </Badge>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
