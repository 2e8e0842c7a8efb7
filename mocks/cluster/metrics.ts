// Invocations: every live /run and finished job is recorded as an event, after the seeded history (built
// lazily from its spec). ../metrics.ts computes OSCAR's metrics over them for ../handlers/metrics.ts.
import { rules } from './common';

export type InvocationKind = 'sync' | 'async' | 'exposed';

export interface InvocationEvent {
  t: number;
  service: string;
  kind: InvocationKind;
  user?: string;
  country?: string;
  vo?: string;
  cpuSeconds: number;
  gpuSeconds: number;
}

export interface KnownUser {
  sub: string;
  name: string;
  country: string;
  vo: string;
}

export const metricRules = rules({
  userInfo(sub: string | undefined): KnownUser | undefined {
    return sub ? this.users.get(sub) : undefined;
  },

  recordInvocation(service: string, kind: InvocationKind, user: string | undefined, cpuSeconds: number): void {
    const svc = this.services.get(service);
    const info = this.userInfo(user);
    this.events.push({
      t: this.now(),
      service,
      kind,
      ...(user ? { user } : {}),
      ...(info ? { country: info.country, vo: info.vo } : {}),
      cpuSeconds,
      gpuSeconds: svc?.enable_gpu ? cpuSeconds : 0,
    });
    const d = this.deployments.get(service);
    if (!d && kind === 'sync') this.lastSyncCall.set(service, this.now());
    this.changed();
  },

  /** Seeded history and live events, oldest first. */
  allEvents(): InvocationEvent[] {
    if (this.historyFactory) {
      this.history = this.historyFactory();
      this.historyFactory = null;
    }
    return this.events.length ? [...this.history, ...this.events] : this.history;
  },
});

export type MetricRules = typeof metricRules;
