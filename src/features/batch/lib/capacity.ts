// How many jobs of a service the cluster can start now, from `GET /system/status`, and how many a batch
// keeps going at once (docs/decisions/012-batch-runs.md). Jobs cannot span nodes, so the fit is worked
// out node by node: on each ready node that is not an InterLink virtual node,
// min(⌊free CPU / service cpu⌋, ⌊free memory / service memory⌋), free = capacity − requests.
import type { Service, StatusInfo } from '../../../api/types';
import { cpuToCores, memoryToBytes } from '../../../lib/units/quantity';

export interface Capacity {
  /** How many more jobs of the service fit on the cluster now. */
  fits: number;
  freeCores: number;
  freeBytes: number;
  /** What one job asks for. */
  cpu: number;
  memory: number;
  nodes: number;
}

export function jobNeeds(service: Pick<Service, 'cpu' | 'memory'>): { cpu: number; memory: number } {
  const cpu = cpuToCores(service.cpu ?? '') ?? 0;
  const memory = memoryToBytes(service.memory ?? '') ?? 0;
  // OSCAR's defaults when a service sets none (0.2 CPU, 256 MiB).
  return { cpu: cpu > 0 ? cpu : 0.2, memory: memory > 0 ? memory : 256 * 1024 ** 2 };
}

export function capacityFrom(status: StatusInfo, service: Pick<Service, 'cpu' | 'memory'>): Capacity {
  const { cpu, memory } = jobNeeds(service);
  const nodes = (status.cluster?.nodes ?? []).filter(
    (n) => !n.is_interlink && (n.status ?? 'Ready') === 'Ready',
  );
  let fits = 0;
  let freeCores = 0;
  let freeBytes = 0;
  if (nodes.length > 0) {
    for (const n of nodes) {
      const c = Math.max(0, (n.cpu?.capacity_cores ?? 0) - (n.cpu?.request_cores ?? 0));
      const m = Math.max(0, (n.memory?.capacity_bytes ?? 0) - (n.memory?.request_bytes ?? 0));
      freeCores += c;
      freeBytes += m;
      fits += Math.min(Math.floor(c / cpu + 1e-9), Math.floor(m / memory));
    }
  } else {
    // No node list (a restricted view): the totals are all there is.
    freeCores = status.cluster?.metrics?.cpu?.total_free_cores ?? 0;
    freeBytes = status.cluster?.metrics?.memory?.total_free_bytes ?? 0;
    fits = Math.min(Math.floor(freeCores / cpu + 1e-9), Math.floor(freeBytes / memory));
  }
  return { fits, freeCores, freeBytes, cpu, memory, nodes: nodes.length };
}

/**
 * How many of the batch's jobs may be submitted and unfinished at once: what it had going when the
 * cluster's room was read plus what still fitted then, within the user's cap, and never less than one
 * (the batch always moves).
 */
export function parallelism(capacity: Capacity | null, active: number, cap: number | null): number {
  const fromCluster = capacity ? active + capacity.fits : Number.POSITIVE_INFINITY;
  const limit = Math.min(fromCluster, cap && cap > 0 ? cap : Number.POSITIVE_INFINITY);
  return Number.isFinite(limit) ? Math.max(1, limit) : 4;
}
