// The batch of one service on the session's cluster: read back from IndexedDB (and resumed) when the page
// opens, run by a BatchRunner while the page is open, stopped when it closes.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Service } from '../../../api/types';
import { clusterDeps } from '../api/deps';
import type { Picked } from '../../../lib/uploads/entries';
import { requestUpload, subscribeUploadFiles, uploadFiles, uploadQueueView } from '../../../lib/uploads/requests';
import { canRetryUpload, filesByKey, uploadChanges } from '../lib/dropped';
import { BatchRunner, newBatch, resumed, type BatchState } from '../lib/engine';
import { batchId, idbBatchStore } from '../lib/store';

export interface StartOptions {
  bucket: string;
  prefix: string;
  suffixes: string[];
  cap: number | null;
}

/** A batch of files dropped now: uploaded into the service's input path, each upload starting its job. */
export interface DropOptions {
  bucket: string;
  prefix: string;
  suffixes: string[];
  picked: Picked;
}

export function useBatch(service: Service | undefined, endpoint: string) {
  const id = batchId(endpoint, service?.name ?? '');
  const [state, setState] = useState<BatchState | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [storeProblem, setStoreProblem] = useState<string | null>(null);
  const runner = useRef<BatchRunner | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [dropProblem, setDropProblem] = useState<string | null>(null);
  // The upload queue's files (empty until the upload engine loads in this tab).
  const queueFiles = useSyncExternalStore(subscribeUploadFiles, uploadFiles, uploadFiles);
  const droppedInto = state?.source === 'dropped' ? state.bucket : null;
  const uploads = useMemo(() => (droppedInto === null ? null : filesByKey(queueFiles, droppedInto)), [queueFiles, droppedInto]);

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

  // The uploads go on in the upload engine, on any page; the batch is told what they did.
  useEffect(() => {
    if (!state || !uploads || !runner.current) return;
    for (const [key, change] of uploadChanges(state, uploads)) runner.current.noteUpload(key, change);
  }, [state, uploads]);

  const startDropped = useCallback(
    (o: DropOptions) => {
      if (!service) return;
      const createdAt = Date.now();
      setDropProblem(null);
      setPreparing(true);
      // The upload engine asks about names already taken, then queues the files: the batch follows the
      // objects it reports (a "keep both" renames one).
      requestUpload({
        bucket: o.bucket,
        prefix: o.prefix,
        files: o.picked.files,
        emptyFolders: [],
        onQueued: (files) => {
          setPreparing(false);
          if (!files.length) return setDropProblem('No file was uploaded, so no batch was started.');
          const s: BatchState = {
            ...newBatch({ service: service.name, bucket: o.bucket, prefix: o.prefix, suffixes: o.suffixes, cap: null, now: createdAt }),
            source: 'dropped',
            listing: null,
            inputs: files.map((f) => ({ key: f.key, size: f.size, state: 'uploading', attempts: 0 })),
          };
          void idbBatchStore.save(id, s).catch(() => undefined);
          attach(s);
        },
      });
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
  // The actions keep their identity across the engine's reports (the board's table memoises its columns
  // on them); they read the latest uploads and state through a ref.
  const latest = useRef({ uploads, state });
  useLayoutEffect(() => {
    latest.current = { uploads, state };
  });
  const actions = useMemo(
    () => ({
      pause: () => act((r) => r.pause()),
      resume: () => act((r) => r.resume()),
      cancel: (deletePending: boolean) => act((r) => r.cancel({ deletePending })),
      retryFailed: () =>
        act(async (r) => {
          // Dropped files whose upload failed are uploaded again (their file is still in this tab).
          const queue = uploadQueueView();
          const { uploads } = latest.current;
          for (const i of r.get().inputs) {
            const f = uploads?.get(i.key);
            if (queue && canRetryUpload(i, f)) queue.retry(f.id);
          }
          await r.retryFailed();
        }),
      retryUpload: (key: string) => {
        const { uploads, state } = latest.current;
        const f = uploads?.get(key);
        const input = state?.inputs.find((i) => i.key === key);
        if (f && input && canRetryUpload(input, f)) uploadQueueView()?.retry(f.id);
      },
      setCap: (cap: number | null) => act((r) => r.setCap(cap)),
    }),
    [act],
  );

  return { state, loaded, storeProblem, actions, start, startDropped, preparing, dropProblem, uploads, clear };
}
