import { useEffect, useState, useSyncExternalStore } from 'react';
import { errorMessage } from '../../../api/errors';
import { toast } from '../../../components/toast';
import { existingKeys } from '../../../lib/s3/oscar';
import { uploadQueue } from '../lib/session';
import { pendingUploadRequests, settleUploadRequest, subscribeUploadRequests, type UploadRequest } from '../../../lib/uploads/requests';
import type { AddRequest } from '../lib/queue';
import { commonFolder, plannedFiles, resolve, type CollisionChoice, type PlannedFile } from '../lib/plan-request';

interface Asking {
  request: UploadRequest;
  planned: PlannedFile[];
  existing: Set<string>;
  conflicts: string[];
  choices: Map<string, CollisionChoice>;
}

/** Queues the files and tells the requester which objects they become. */
function queue(request: UploadRequest, files: AddRequest[]): void {
  uploadQueue.add(files);
  request.onQueued?.(files.map((f) => ({ key: f.key, size: f.file.size })));
}

/**
 * Takes upload requests one at a time: looks up which names exist, asks about each collision (or once for
 * all), then queues the files. A file matching an interrupted upload continues it and is not a collision.
 */
export function useUploadRequests() {
  const pending = useSyncExternalStore(subscribeUploadRequests, pendingUploadRequests, pendingUploadRequests);
  const current = pending[0];
  const [asking, setAsking] = useState<Asking | null>(null);

  useEffect(() => {
    if (!current) return;
    let cancelled = false;
    const planned = plannedFiles(current);
    const interrupted = new Set(
      uploadQueue
        .getSnapshot()
        .items.filter((i) => i.state === 'interrupted' && i.bucket === current.bucket)
        .map((i) => i.key),
    );
    existingKeys(current.bucket, commonFolder(planned.map((p) => p.key)))
      .catch((e: unknown) => {
        toast(`Could not check for existing names in ${current.bucket}: ${errorMessage(e)}. Files with the same name will be replaced.`, 'warning');
        return new Set<string>();
      })
      .then((existing) => {
        if (cancelled) return;
        const conflicts = planned.map((p) => p.key).filter((k) => existing.has(k) && !interrupted.has(k));
        if (!conflicts.length) {
          queue(current, resolve(planned, current.bucket, new Set(), new Map()));
          settleUploadRequest(current.id);
          return;
        }
        setAsking({ request: current, planned, existing, conflicts, choices: new Map() });
      });
    return () => {
      cancelled = true;
    };
  }, [current]);

  const question = asking ? asking.conflicts.find((k) => !asking.choices.has(k)) : undefined;

  function choose(choice: CollisionChoice, forAll: boolean) {
    if (!asking || !question) return;
    const choices = new Map(asking.choices);
    for (const k of forAll ? asking.conflicts.filter((k) => !choices.has(k)) : [question]) choices.set(k, choice);
    if (asking.conflicts.every((k) => choices.has(k))) {
      queue(asking.request, resolve(asking.planned, asking.request.bucket, asking.existing, choices));
      settleUploadRequest(asking.request.id);
      setAsking(null);
    } else setAsking({ ...asking, choices });
  }

  function cancel() {
    if (asking) {
      asking.request.onQueued?.([]);
      settleUploadRequest(asking.request.id);
    }
    setAsking(null);
  }

  return {
    question: asking && question ? { bucket: asking.request.bucket, key: question, remaining: asking.conflicts.filter((k) => !asking.choices.has(k)).length - 1 } : null,
    choose,
    cancel,
  };
}
