import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { diffWindow, LogBuffer, type WindowEntry } from '../lib/append';
import { pollDelay } from '../../../lib/jobs/polling';
import { logQueries, type PollStats } from '../api/queries';
import { SETTLED, type DeploymentAction } from '../../../lib/deployments/lifecycle';

const STATUS_EVERY_MS = 10_000;
const CHANGING_EVERY_MS = 1_000;
const LOG_EVERY_MS = 3_000;
/** How long to keep polling fast for an action's effect before settling back to the slow pace. */
const ACTION_PATIENCE_MS = 60_000;

export interface Awaiting {
  action: DeploymentAction;
  from: string | undefined;
  since: number;
  /** A restart passes through another state and back: seen that yet? */
  moved: boolean;
}

/**
 * An exposed service's deployment: its status (polled fast while it is changing or an action is
 * awaiting its effect) and its log, merged window by window into a buffer.
 */
export function useDeployment(name: string) {
  const [statusStats] = useState<PollStats>(() => ({ failures: 0, durationMs: 0 }));
  const [logStats] = useState<PollStats>(() => ({ failures: 0, durationMs: 0 }));
  const [awaiting, setAwaiting] = useState<Awaiting | null>(null);
  const service = useQuery(logQueries.service(name));
  const status = useQuery({
    ...logQueries.deployment(name, statusStats),
    refetchInterval: (q) => {
      const changing = awaiting !== null || q.state.data?.state === 'pending';
      return pollDelay({ base: changing ? CHANGING_EVERY_MS : STATUS_EVERY_MS, failures: statusStats.failures, lastDurationMs: statusStats.durationMs, max: 30_000 });
    },
  });
  const state = status.data?.state;

  // Watch the action's effect: done when the state settles where the action leads (a restart must leave "ready" first).
  const [seen, setSeen] = useState<{ at: number; state: string | undefined }>({ at: 0, state: undefined });
  if (awaiting && status.dataUpdatedAt !== seen.at) {
    setSeen({ at: status.dataUpdatedAt, state });
    const moved = awaiting.moved || state !== awaiting.from;
    const settled = state === SETTLED[awaiting.action] && (awaiting.action !== 'restart' || moved);
    if (settled || status.dataUpdatedAt - awaiting.since > ACTION_PATIENCE_MS) setAwaiting(null);
    else if (moved !== awaiting.moved) setAwaiting({ ...awaiting, moved });
  }

  const [buffer] = useState(() => new LogBuffer());
  const log = useQuery({
    ...logQueries.deploymentLog(name, logStats),
    refetchInterval: () => pollDelay({ base: LOG_EVERY_MS, failures: logStats.failures, lastDurationMs: logStats.durationMs }),
  });
  useEffect(() => {
    const entries = log.data?.entries;
    if (!entries) return;
    const known: WindowEntry[] = [];
    for (let i = Math.max(0, buffer.lines.length - 8); i < buffer.lines.length; i++) known.push({ text: buffer.lines[i] ?? '', stamp: buffer.stamps[i] });
    const incoming = entries.map((e) => ({ text: e.message ?? '', stamp: e.timestamp }));
    const d = diffWindow(known, incoming);
    if (d.kind === 'append') buffer.appendEntries(d.entries, { gap: d.gap });
    else if (d.kind === 'reset') buffer.appendEntries(d.entries, { reset: true });
  }, [log.data, log.dataUpdatedAt, buffer]);

  return {
    service,
    status,
    log,
    buffer,
    awaiting,
    startAwaiting: (action: DeploymentAction) => setAwaiting({ action, from: state, since: Date.now(), moved: false }),
    nextLogPollMs: pollDelay({ base: LOG_EVERY_MS, failures: logStats.failures, lastDurationMs: logStats.durationMs }),
  };
}
