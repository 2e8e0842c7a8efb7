// The batch of one service on the session's cluster: read back from IndexedDB (and resumed) when the page
// opens, run by a BatchRunner while the page is open, stopped when it closes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Service } from '../../../api/types';
import { clusterDeps } from '../api/deps';
import { BatchRunner, newBatch, resumed, type BatchState } from '../lib/engine';
import { batchId, idbBatchStore } from '../lib/store';

export interface StartOptions {
  bucket: string;
  prefix: string;
  suffixes: string[];
  cap: number | null;
}

export function useBatch(service: Service | undefined, endpoint: string) {
  const id = batchId(endpoint, service?.name ?? '');
  const [state, setState] = useState<BatchState | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [storeProblem, setStoreProblem] = useState<string | null>(null);
  const runner = useRef<BatchRunner | null>(null);

  const attach = useCallback(
    (s: BatchState) => {
      if (!service) return;
      runner.current?.stop();
      const save = async (next: BatchState) => {
        try {
          await idbBatchStore.save(id, next);
          setStoreProblem(null);
        } catch (e) {
          setStoreProblem(`This browser could not keep the batch (${e instanceof Error ? e.message : String(e)}): it runs while this page stays open.`);
        }
      };
      const r = new BatchRunner(s, clusterDeps(service, save));
      r.subscribe(setState);
      runner.current = r;
      setState(r.get());
      r.start();
    },
    [id, service],
  );

  useEffect(() => {
    if (!service) return;
    let alive = true;
    idbBatchStore
      .load(id)
      .then((s) => {
        if (alive && s) attach(resumed(s, Date.now()));
      })
      .catch(() => setStoreProblem('This browser could not read its saved batches.'))
      .finally(() => alive && setLoaded(true));
    return () => {
      alive = false;
      runner.current?.stop();
      runner.current = null;
    };
  }, [id, service, attach]);

  const start = useCallback(
    (o: StartOptions) => {
      if (!service) return;
      const s = newBatch({ service: service.name, ...o, now: Date.now() });
      void idbBatchStore.save(id, s).catch(() => undefined);
      attach(s);
    },
    [attach, id, service],
  );

  const clear = useCallback(async () => {
    runner.current?.stop();
    runner.current = null;
    setState(null);
    await idbBatchStore.remove(id).catch(() => undefined);
  }, [id]);

  const act = useCallback((fn: (r: BatchRunner) => Promise<void>) => {
    if (runner.current) void fn(runner.current);
  }, []);
  const actions = {
    pause: () => act((r) => r.pause()),
    resume: () => act((r) => r.resume()),
    cancel: (deletePending: boolean) => act((r) => r.cancel({ deletePending })),
    retryFailed: () => act((r) => r.retryFailed()),
    setCap: (cap: number | null) => act((r) => r.setCap(cap)),
  };

  return { state, loaded, storeProblem, actions, start, clear };
}
