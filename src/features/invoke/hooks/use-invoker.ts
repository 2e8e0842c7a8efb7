// One invocation at a time: send, follow its progress, cancel it, store it in the history, and for an
// async call look for the job it started. Used by the invoke page and by replays from the history.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from '../../../components/toast';
import { historyKeys, historyStore, saveCall } from '../api/history';
import { findNewJob, snapshotJobs, type FoundJob } from '../api/find-job';
import { performCall, refusedCall, type CallResult, type PreparedCall } from '../api/send-call';

export type InvokerState =
  | { phase: 'idle' }
  | {
      phase: 'sending';
      service: string;
      mode: PreparedCall['mode'];
      startedAt: number;
      receiving: boolean;
      received: number;
    }
  | { phase: 'done'; result: CallResult; job?: FoundJob | null; lookingForJob?: boolean };

export function useInvoker() {
  const qc = useQueryClient();
  const [state, setState] = useState<InvokerState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const set = useCallback((next: InvokerState | ((s: InvokerState) => InvokerState)) => {
    if (mounted.current) setState(next);
  }, []);

  const store = useCallback(
    async (result: CallResult) => {
      try {
        await saveCall(result.summary, result.body);
      } catch (e) {
        toast(
          `The call could not be saved in the history: ${e instanceof Error ? e.message : String(e)}`,
          'warning',
        );
      }
      await qc.invalidateQueries({ queryKey: historyKeys.list(result.summary.endpoint) });
    },
    [qc],
  );

  const send = useCallback(
    async (call: PreparedCall): Promise<CallResult> => {
      controller.current?.abort();
      const ac = new AbortController();
      controller.current = ac;
      set({
        phase: 'sending',
        service: call.service,
        mode: call.mode,
        startedAt: performance.now(),
        receiving: false,
        received: 0,
      });
      // Job names before the call, to recognise the new one after it (POST /job does not name it).
      const before =
        call.mode === 'async'
          ? await snapshotJobs(call.service, AbortSignal.any([ac.signal, AbortSignal.timeout(3000)]))
          : null;
      const result = await performCall(call, {
        signal: ac.signal,
        onReceiving: () => set((s) => (s.phase === 'sending' ? { ...s, receiving: true } : s)),
        onProgress: (received) => set((s) => (s.phase === 'sending' ? { ...s, received } : s)),
      });
      if (controller.current === ac) controller.current = null;
      await store(result);
      const lookForJob = call.mode === 'async' && result.summary.outcome === 'ok' && before !== null;
      set({ phase: 'done', result, ...(lookForJob ? { lookingForJob: true } : {}) });
      if (lookForJob) {
        const job = await findNewJob(call.service, before);
        if (job) {
          result.summary = { ...result.summary, job: job.name };
          await historyStore()
            .add(result.summary, result.body)
            .catch(() => {});
          await qc.invalidateQueries({ queryKey: historyKeys.list(result.summary.endpoint) });
        }
        set((s) => (s.phase === 'done' && s.result === result ? { ...s, job, lookingForJob: false } : s));
      }
      return result;
    },
    [qc, set, store],
  );

  /** Records a call that was not sent (invalid JSON, an empty file) as a failure. */
  const refuse = useCallback(
    async (call: PreparedCall, reason: string): Promise<CallResult> => {
      const result = refusedCall(call, reason);
      await store(result);
      set({ phase: 'done', result });
      return result;
    },
    [set, store],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => set({ phase: 'idle' }), [set]);

  return { state, send, refuse, cancel, reset };
}
