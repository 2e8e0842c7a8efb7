import type { StatusInfo } from '../../../api/types';
import { Section } from '../../../components/section';
import { cleanValue } from '../../../lib/metrics-series';
import { formatBytes, formatCores, NO_VALUE } from '../../../lib/units';
import { ResourceBar } from './resource-bar';

/**
 * What the cluster can still schedule: OSCAR reports free and schedulable totals (interLink nodes
 * excluded) and the largest free share on one node, which is what a big job needs.
 */
export function ClusterTotals({ cluster }: { cluster: NonNullable<StatusInfo['cluster']> }) {
  const cpu = cluster.metrics?.cpu;
  const mem = cluster.metrics?.memory;
  const used = (total: number | undefined, free: number | undefined) => {
    const t = cleanValue(total).value;
    const f = cleanValue(free).value;
    return t === null || f === null ? undefined : Math.max(0, t - f);
  };
  const gpus = cleanValue(cluster.metrics?.gpu?.total_gpu).value;
  const nodes = cleanValue(cluster.nodes_count).value ?? cluster.nodes?.length ?? null;
  return (
    <Section
      title="Cluster"
      description={`${nodes === null ? NO_VALUE : nodes} ${nodes === 1 ? 'node' : 'nodes'}; schedulable capacity excludes interLink nodes.`}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <div className="flex flex-col gap-1">
          <ResourceBar
            label="CPU"
            capacity={cpu?.total_schedulable_cores}
            requested={used(cpu?.total_schedulable_cores, cpu?.total_free_cores)}
            format={formatCores}
          />
          <p className="text-xs text-muted">
            {formatCores(cpu?.total_free_cores)} free; at most {formatCores(cpu?.max_free_on_node_cores)} free
            on one node.
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <ResourceBar
            label="Memory"
            capacity={mem?.total_schedulable_bytes}
            requested={used(mem?.total_schedulable_bytes, mem?.total_free_bytes)}
            format={formatBytes}
          />
          <p className="text-xs text-muted">
            {formatBytes(mem?.total_free_bytes)} free; at most {formatBytes(mem?.max_free_on_node_bytes)} free
            on one node.
          </p>
        </div>
      </div>
      <p className="mt-3 text-sm">
        <span className="font-medium">GPUs:</span>{' '}
        {gpus === null ? 'not reported' : gpus === 0 ? 'none' : `${gpus} in the cluster`}
      </p>
    </Section>
  );
}
