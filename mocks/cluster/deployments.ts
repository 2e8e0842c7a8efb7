// Deployments of exposed services (and the status of KServe and Knative ones): stopped, starting or
// ready on the clock, started, stopped and restarted by their managers, with a container log that grows
// as they start. Served by ../handlers/deployment.ts.
import type { Service, ServiceDeploymentStatus } from '../../src/api/types';
import type { Principal } from '../auth';
import type { Cluster } from '../cluster';
import { createRng, hashString, type Rng } from '../prng';
import { ClusterError, iso, rules } from './common';
import type { LogLine } from './jobs';

export interface DeploymentRecord {
  stopped: boolean;
  replicas: number;
  /** While now < readyAt the deployment is starting (pending). */
  readyAt: number;
  lastTransition: number;
  log: LogLine[];
}

export const deploymentRules = rules({
  deploymentStatus(svc: Service): ServiceDeploymentStatus {
    const now = this.now();
    const base = { service_name: svc.name, namespace: svc.namespace ?? 'oscar-svc' };
    const d = this.deployments.get(svc.name);
    if (d) {
      if (d.stopped) {
        return {
          ...base,
          state: 'stopped',
          reason: 'Deployment is stopped.',
          last_transition_time: iso(d.lastTransition),
          active_instances: 0,
          affected_instances: 0,
          resource_kind: 'exposed_service',
        };
      }
      if (now < d.readyAt) {
        return {
          ...base,
          state: 'pending',
          reason: 'Deployment is initializing.',
          last_transition_time: iso(d.lastTransition),
          active_instances: d.replicas,
          affected_instances: d.replicas,
          resource_kind: 'exposed_service',
        };
      }
      return {
        ...base,
        state: 'ready',
        reason: 'Deployment is ready.',
        last_transition_time: iso(Math.max(d.lastTransition, d.readyAt)),
        active_instances: d.replicas,
        affected_instances: 0,
        resource_kind: 'exposed_service',
      };
    }
    if (svc.kserve) {
      return {
        ...base,
        state: 'ready',
        reason: 'InferenceService is ready.',
        last_transition_time: iso(this.serviceCreatedAt.get(svc.name) ?? now),
        active_instances: Math.max(1, svc.kserve.min_scale ?? 1),
        affected_instances: 0,
        resource_kind: 'kserve_service',
      };
    }
    const last = this.lastSyncCall.get(svc.name);
    const warm = last !== undefined && now - last < 60_000;
    return {
      ...base,
      state: 'ready',
      reason: 'Runtime service is ready.',
      last_transition_time: iso(this.serviceCreatedAt.get(svc.name) ?? now),
      active_instances: warm ? 1 : 0,
      affected_instances: 0,
      resource_kind: 'knative_service',
    };
  },

  stopService(p: Principal, name: string): ServiceDeploymentStatus {
    const { svc, d } = exposedDeployment(this, p, name);
    if (!d.stopped) {
      d.stopped = true;
      d.lastTransition = this.now();
      d.log.push({ at: this.now(), text: 'Received SIGTERM, shutting down gracefully' });
    }
    this.changed();
    return this.deploymentStatus(svc);
  },

  startService(p: Principal, name: string): ServiceDeploymentStatus {
    const { svc, d } = exposedDeployment(this, p, name);
    if (d.stopped) {
      d.stopped = false;
      d.lastTransition = this.now();
      d.readyAt = this.now() + 5000;
      d.replicas = Math.max(1, svc.expose?.min_scale ?? 1);
    }
    this.changed();
    return this.deploymentStatus(svc);
  },

  restartService(p: Principal, name: string): ServiceDeploymentStatus {
    const { svc, d } = exposedDeployment(this, p, name);
    d.stopped = false;
    d.lastTransition = this.now();
    d.readyAt = this.now() + 4000;
    d.log.push({ at: this.now(), text: 'Restart requested: rolling the deployment pods' });
    this.changed();
    return this.deploymentStatus(svc);
  },

  deploymentLog(svc: Service, tailLines = 200): { timestamp: string; message: string }[] {
    const d = this.deployments.get(svc.name);
    const now = this.now();
    const createdAt = this.serviceCreatedAt.get(svc.name) ?? now;
    if (d) {
      if (d.stopped) return [];
      const start = d.lastTransition;
      const lines = exposedStartupLog(svc, createRng(hashString(svc.name + start)));
      const visible = lines.filter((l) => start + l.at <= now).map((l) => ({ at: start + l.at, text: l.text }));
      const entries = [...d.log.filter((l) => l.at >= start), ...visible].sort((a, b) => a.at - b.at);
      return entries.slice(-tailLines).map((l) => ({ timestamp: iso(l.at), message: l.text }));
    }
    const last = this.lastSyncCall.get(svc.name);
    if (last === undefined || now - last > 60_000) return [];
    const lines = [
      { at: last, text: `Starting ${svc.name} (knative revision ${svc.name}-00001)` },
      { at: last + 800, text: 'faas-supervisor ready, waiting for requests' },
      { at: last + 1200, text: 'POST / 200' },
    ].filter((l) => l.at <= now && l.at >= createdAt);
    return lines.slice(-tailLines).map((l) => ({ timestamp: iso(l.at), message: l.text }));
  },
});

export type DeploymentRules = typeof deploymentRules;

/** A new exposed service's deployment: starting, ready five seconds after `at`. */
export function newDeployment(svc: Service, at: number): DeploymentRecord {
  return { stopped: false, replicas: Math.max(1, svc.expose?.min_scale ?? 1), readyAt: at + 5000, lastTransition: at, log: [] };
}

function exposedDeployment(c: Cluster, p: Principal, name: string): { svc: Service; d: DeploymentRecord } {
  const svc = c.manageableService(p, name);
  const d = c.deployments.get(name);
  if (!d) throw new ClusterError(400, `service "${name}" is not exposed`);
  return { svc, d };
}

function exposedStartupLog(svc: Service, r: Rng): LogLine[] {
  const port = svc.expose?.api_port?.[0] ?? 8080;
  const n = svc.name + ' ' + svc.image;
  let lines: string[];
  if (/jupyter/.test(n)) {
    lines = ['[I ServerApp] Package jupyterlab took 0.0s to import', `[I ServerApp] Serving notebooks from local directory: /mnt`, `[I ServerApp] Jupyter Server is running at: http://0.0.0.0:${port}/system/services/${svc.name}/exposed/lab`, '[I ServerApp] Use Control-C to stop this server'];
  } else if (/nginx/.test(n)) {
    lines = ['/docker-entrypoint.sh: Configuration complete; ready for start up', 'nginx/1.27.3: start worker processes', ...Array.from({ length: 6 }, () => `10.42.0.${r.int(2, 250)} - - "GET / HTTP/1.1" 200 615 "-" "Mozilla/5.0"`)];
  } else if (/vllm|deepseek/.test(n)) {
    lines = ['INFO: Initializing an LLM engine (v0.6.3) with config: model=deepseek-coder-1.3b', 'INFO: Loading model weights took 2.51 GB', `INFO: Uvicorn running on http://0.0.0.0:${port}`, 'INFO: "GET /health HTTP/1.1" 200 OK'];
  } else {
    lines = ['Starting application', `Listening on 0.0.0.0:${port}`, 'GET / 200', 'GET /health 200'];
  }
  return lines.map((text, i) => ({ at: 600 + i * 700, text }));
}
