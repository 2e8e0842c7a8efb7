import type { StatusInfo } from '../../../api/types';
import { Section } from '../../../components/section';
import { cleanValue } from '../../../lib/metrics/series';
import { formatBytes, formatCores, NO_VALUE } from '../../../lib/units/format';
import { ResourceBar } from './resource-bar';

/**
 * What the cluster can still schedule: OSCAR reports free and schedulable totals (interLink nodes
 * excluded) and the largest free share on one node, which is what a big job needs.
 */
export function ClusterTotals({ cluster }: { cluster: NonNullable<StatusInfo['cluster']> }) {
  const cpu = cluster.metrics?.cpu;
  const mem = cluster.metrics?.memory;
  const gpus = cleanValue(cluster.metrics?.gpu?.total_gpu).value;
  const nodes = cleanValue(cluster.nodes_count).value ?? cluster.nodes?.length ?? null;
  return (
    <Section
      title="Cluster"
      description={`${nodes === null ? NO_VALUE : nodes} ${nodes === 1 ? 'node' : 'nodes'}; schedulable capacity excludes interLink nodes.`}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <Capacity
          label="CPU"
          schedulable={cpu?.total_schedulable_cores}
          free={cpu?.total_free_cores}
          maxFreeOnNode={cpu?.max_free_on_node_cores}
          format={formatCores}
        />
        <Capacity
          label="Memory"
          schedulable={mem?.total_schedulable_bytes}
          free={mem?.total_free_bytes}
          maxFreeOnNode={mem?.max_free_on_node_bytes}
          format={formatBytes}
        />
      </div>
      <p className="mt-3 text-sm">
        <span className="font-medium">GPUs:</span>{' '}
        {gpus === null ? 'not reported' : gpus === 0 ? 'none' : `${gpus} in the cluster`}
      </p>
    </Section>
  );
}

/** One resource: what is requested out of the schedulable total, what is free and the most free on one node. */
function Capacity({
  label,
  schedulable,
  free,
  maxFreeOnNode,
  format,
}: {
  label: string;
  schedulable: number | undefined;
  free: number | undefined;
  maxFreeOnNode: number | undefined;
  format: (n: number | undefined) => string;
}) {
  const t = cleanValue(schedulable).value;
  const f = cleanValue(free).value;
  const used = t === null || f === null ? undefined : Math.max(0, t - f);
  return (
    <div className="flex flex-col gap-1">
      <ResourceBar label={label} capacity={schedulable} requested={used} format={format} />
      <p className="text-xs text-muted">
        {format(free)} free; at most {format(maxFreeOnNode)} free on one node.
      </p>
    </div>
  );
}
