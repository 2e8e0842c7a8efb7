import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceDeploymentStatus } from '../../api/types';
import { ApiError } from '../../api/errors';
import { probeUrl, waitForExposed, type ProbeAnswer, type ReadinessProgress } from './readiness';

const ready: ServiceDeploymentStatus = { state: 'ready', active_instances: 1, reason: 'Deployment is ready.' };
const pending: ServiceDeploymentStatus = { state: 'pending', active_instances: 1, reason: 'Deployment is initializing.' };
const stopped: ServiceDeploymentStatus = { state: 'stopped', active_instances: 0, reason: 'Deployment is stopped.' };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function run(deployments: (ServiceDeploymentStatus | Error)[], answers: ProbeAnswer[], opts: { timeoutMs?: number } = {}) {
  const progress: ReadinessProgress[] = [];
  const probed: string[] = [];
  const controller = new AbortController();
  const deployment = vi.fn(() => {
    const d = deployments.length > 1 ? deployments.shift()! : deployments[0]!;
    return d instanceof Error ? Promise.reject(d) : Promise.resolve(d);
  });
  const probe = vi.fn((url: string) => {
    probed.push(url);
    return Promise.resolve(answers.length > 1 ? answers.shift()! : answers[0]!);
  });
  const outcome = waitForExposed({
    deps: { deployment, probe },
    healthUrl: 'https://h/system/services/n/exposed/health',
    signal: controller.signal,
    onProgress: (p) => progress.push(p),
    intervalMs: 2000,
    now: () => Date.now(),
    ...opts,
  });
  return { outcome, progress, probed, controller, deployment, probe };
}

describe('waitForExposed', () => {
  it('waits for the deployment, then for the health URL, polling every interval', async () => {
    const r = run([pending, pending, ready], [{ kind: 'status', status: 503 }, { kind: 'status', status: 200 }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.progress).toEqual([{ phase: 'deployment', attempt: 1, last: 'Deployment pending: Deployment is initializing. (1 running)' }]);
    expect(r.probe).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1999);
    expect(r.deployment).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.deployment).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.progress.at(-1)).toEqual({ phase: 'service', attempt: 3, last: 'The service answered HTTP 503' });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(r.outcome).resolves.toEqual({ kind: 'ready', last: 'The service answered HTTP 200' });
    expect(r.probed).toEqual(['https://h/system/services/n/exposed/health', 'https://h/system/services/n/exposed/health']);
  });

  it('counts a login prompt (401) or an unreadable cross-origin answer as up', async () => {
    await expect(run([ready], [{ kind: 'status', status: 401 }]).outcome).resolves.toMatchObject({ kind: 'ready' });
    await expect(run([ready], [{ kind: 'opaque' }]).outcome).resolves.toMatchObject({ kind: 'ready' });
  });

  it('stops at once for a stopped deployment or one with no pods', async () => {
    const r = run([stopped], [{ kind: 'status', status: 200 }]);
    await expect(r.outcome).resolves.toEqual({ kind: 'stopped', last: 'Deployment stopped: Deployment is stopped. (0 running)' });
    expect(r.probe).not.toHaveBeenCalled();
    await expect(run([{ state: 'ready', active_instances: 0 }], []).outcome).resolves.toMatchObject({ kind: 'stopped' });
  });

  it("gives up on the server's own 4xx words, keeps trying through 5xx and network failures", async () => {
    const forbidden = run([new ApiError(403, 'User is not allowed to access this service')], []);
    await expect(forbidden.outcome).resolves.toEqual({ kind: 'failed', last: 'Could not read the deployment: User is not allowed to access this service' });
    const flaky = run([new ApiError(502, 'Bad gateway'), ready], [{ kind: 'network', message: 'Failed to fetch' }, { kind: 'status', status: 204 }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(flaky.progress.at(-1)?.last).toBe('Could not read the deployment: Bad gateway');
    await vi.advanceTimersByTimeAsync(2000);
    expect(flaky.progress.at(-1)?.last).toBe('No answer from the service: Failed to fetch');
    await vi.advanceTimersByTimeAsync(2000);
    await expect(flaky.outcome).resolves.toMatchObject({ kind: 'ready' });
  });

  it('times out with the last answer, and a cancel ends the wait at once', async () => {
    const slow = run([pending], [], { timeoutMs: 5000 });
    await vi.advanceTimersByTimeAsync(4000);
    await expect(slow.outcome).resolves.toEqual({ kind: 'timeout', last: 'Deployment pending: Deployment is initializing. (1 running)' });
    // Asked at 0, 2 s and 4 s: one more wait would pass the 5 s limit.
    expect(slow.deployment).toHaveBeenCalledTimes(3);

    const cancelled = run([pending], []);
    await vi.advanceTimersByTimeAsync(500);
    cancelled.controller.abort();
    await expect(cancelled.outcome).resolves.toEqual({ kind: 'cancelled' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(cancelled.deployment).toHaveBeenCalledTimes(1);
  });
});

describe('probeUrl', () => {
  const signal = new AbortController().signal;
  it('sends HEAD without credentials, falling back to GET where HEAD is refused', async () => {
    const calls: RequestInit[] = [];
    const fetchFn = vi.fn((_url: string | URL | Request, init?: RequestInit) => {
      calls.push(init!);
      return Promise.resolve(new Response(null, { status: init?.method === 'HEAD' ? 405 : 200 }));
    }) as unknown as typeof fetch;
    await expect(probeUrl('https://h/x', signal, fetchFn)).resolves.toEqual({ kind: 'status', status: 200 });
    expect(calls.map((c) => [c.method, c.credentials])).toEqual([['HEAD', 'omit'], ['GET', 'omit']]);
  });
  it('tries a no-cors request when the answer cannot be read, and reports no answer at all', async () => {
    const modes: (string | undefined)[] = [];
    const corsBlocked = vi.fn((_u: unknown, init?: RequestInit) => {
      modes.push(init?.mode);
      return init?.mode === 'no-cors' ? Promise.resolve(new Response(null, { status: 200 })) : Promise.reject(new TypeError('Failed to fetch'));
    }) as unknown as typeof fetch;
    await expect(probeUrl('https://h/x', signal, corsBlocked)).resolves.toEqual({ kind: 'opaque' });
    expect(modes).toEqual([undefined, 'no-cors']);
    const down = vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    await expect(probeUrl('https://h/x', signal, down)).resolves.toEqual({ kind: 'network', message: 'Failed to fetch' });
  });
});
