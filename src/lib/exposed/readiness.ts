// Waiting for an exposed service to answer before opening it, as the OSCAR Dashboard's
// exposedServiceIsAlive does: first the deployment's state from the API, then a HEAD (or GET) of the
// service's health URL through the ingress. Pure logic over two injected calls, so it runs under fake timers.
import type { ServiceDeploymentStatus } from '../../api/types';
import { ApiError, errorMessage } from '../../api/errors';

/** What the health URL answered: an HTTP status, an answer the browser may not read (another origin), or nothing. */
export type ProbeAnswer = { kind: 'status'; status: number } | { kind: 'opaque' } | { kind: 'network'; message: string };

export interface ReadinessDeps {
  deployment: (signal: AbortSignal) => Promise<ServiceDeploymentStatus>;
  probe: (url: string, signal: AbortSignal) => Promise<ProbeAnswer>;
}

export interface ReadinessProgress {
  /** Waiting for the deployment to be ready, or for the service to answer. */
  phase: 'deployment' | 'service';
  attempt: number;
  /** The last answer, in words. */
  last: string;
}

export type ReadinessOutcome =
  | { kind: 'ready'; last: string }
  | { kind: 'stopped'; last: string }
  | { kind: 'failed'; last: string }
  | { kind: 'timeout'; last: string }
  | { kind: 'cancelled' };

export const READINESS_INTERVAL_MS = 2_000;
export const READINESS_TIMEOUT_MS = 180_000;

/** Up, as far as a browser can tell: it answered, maybe asking for a login (set_auth, ForwardAuth). */
export function isAlive(status: number): boolean {
  return (status >= 200 && status < 400) || status === 401 || status === 403;
}

/** A deployment with no pods that is not on its way up: opening it would only wait. */
export function isStopped(d: ServiceDeploymentStatus | undefined | null): boolean {
  if (!d) return false;
  return d.state === 'stopped' || (d.state === 'ready' && (d.active_instances ?? 1) === 0);
}

function deploymentWords(d: ServiceDeploymentStatus): string {
  const state = d.state ?? 'unknown';
  return `Deployment ${state}${d.reason ? `: ${d.reason}` : ''} (${d.active_instances ?? 0} running)`;
}

function answerWords(a: ProbeAnswer): string {
  if (a.kind === 'status') return `The service answered HTTP ${a.status}`;
  if (a.kind === 'opaque') return 'The service answered (its address is on another origin, so the browser hides the status)';
  return `No answer from the service: ${a.message}`;
}

/** A 4xx from OSCAR (other than a timeout or rate limit) will not change by asking again. */
function fatal(e: unknown): boolean {
  return e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Polls until the service answers, is found stopped, fails for good, times out or `signal` is aborted. */
export async function waitForExposed({
  deps,
  healthUrl,
  signal,
  onProgress,
  intervalMs = READINESS_INTERVAL_MS,
  timeoutMs = READINESS_TIMEOUT_MS,
  now = () => Date.now(),
}: {
  deps: ReadinessDeps;
  healthUrl: string;
  signal: AbortSignal;
  onProgress?: (p: ReadinessProgress) => void;
  intervalMs?: number;
  timeoutMs?: number;
  now?: () => number;
}): Promise<ReadinessOutcome> {
  const started = now();
  let last = 'Not asked yet';
  for (let attempt = 1; ; attempt++) {
    if (signal.aborted) return { kind: 'cancelled' };
    let phase: ReadinessProgress['phase'] = 'deployment';
    try {
      const d = await deps.deployment(signal);
      last = deploymentWords(d);
      if (isStopped(d)) return { kind: 'stopped', last };
      if (d.state === 'ready') {
        phase = 'service';
        const answer = await deps.probe(healthUrl, signal);
        last = answerWords(answer);
        if (answer.kind === 'opaque' || (answer.kind === 'status' && isAlive(answer.status))) return { kind: 'ready', last };
      }
    } catch (e) {
      if (signal.aborted) return { kind: 'cancelled' };
      last = `Could not read the deployment: ${errorMessage(e)}`;
      if (fatal(e)) return { kind: 'failed', last };
    }
    onProgress?.({ phase, attempt, last });
    if (now() - started + intervalMs > timeoutMs) return { kind: 'timeout', last };
    await sleep(intervalMs, signal);
  }
}

/**
 * The browser's probe: HEAD without credentials (a GET where HEAD is not allowed). When the answer cannot be
 * read because the service sends no CORS headers, a no-cors GET still tells whether anything answered.
 */
export async function probeUrl(url: string, signal: AbortSignal, fetchFn: typeof fetch = fetch): Promise<ProbeAnswer> {
  const init: RequestInit = { credentials: 'omit', cache: 'no-store', redirect: 'manual', signal };
  try {
    let res = await fetchFn(url, { ...init, method: 'HEAD' });
    if (res.status === 405 || res.status === 501) res = await fetchFn(url, { ...init, method: 'GET' });
    if (res.type === 'opaqueredirect') return { kind: 'opaque' };
    return { kind: 'status', status: res.status };
  } catch (e) {
    if (signal.aborted) throw e;
    try {
      await fetchFn(url, { credentials: 'omit', cache: 'no-store', mode: 'no-cors', signal });
      return { kind: 'opaque' };
    } catch (e2) {
      if (signal.aborted) throw e2;
      return { kind: 'network', message: e2 instanceof Error ? e2.message : String(e2) };
    }
  }
}
