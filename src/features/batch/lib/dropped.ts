// A batch of files dropped now (docs/decisions/012-batch-runs.md, "Dropped files"): the upload engine
// uploads them into the service's input path and each upload starts its job, so the engine never sends
// them. This reads the upload queue's files against the batch's inputs and says what changed.
import type { UploadFileView } from '../../../lib/uploads/requests';
import type { BatchInput, BatchState, UploadChange } from './engine';

export const INTERRUPTED = 'The upload did not finish: a reload or a closed tab stops uploads in the browser. Drop the file again.';

/** The queue's newest file for each key of the bucket. */
export function filesByKey(files: readonly UploadFileView[], bucket: string): Map<string, UploadFileView> {
  const m = new Map<string, UploadFileView>();
  for (const f of files) if (f.bucket === bucket) m.set(f.key, f);
  return m;
}

/** Whether the input's upload can be tried again from the queue (the file is still in this tab). */
export function canRetryUpload(input: BatchInput, file: UploadFileView | undefined): file is UploadFileView {
  return input.state === 'failed' && !!input.uploadFailed && !!file && (file.state === 'failed' || file.state === 'cancelled');
}

/**
 * What the engine must be told so its dropped inputs match the upload queue. An input still uploading
 * whose file is not in the queue was cut by a reload (the queue lives in the tab): it fails, with the
 * reason, and is never sent.
 */
export function uploadChanges(state: BatchState, files: ReadonlyMap<string, UploadFileView>): [string, UploadChange][] {
  if (state.source !== 'dropped') return [];
  const out: [string, UploadChange][] = [];
  for (const i of state.inputs) {
    const failed = i.state === 'failed' && i.uploadFailed;
    const f = files.get(i.key);
    // Its job was linked before the upload's answer came back: only when it was sent is left to say.
    if (i.job && i.sentAt === undefined && f?.state === 'done') out.push([i.key, { state: 'uploaded', at: f.finishedAt ?? Date.now() }]);
    if (i.state !== 'uploading' && !failed) continue;
    if (!f) {
      if (!failed) out.push([i.key, { state: 'failed', error: INTERRUPTED }]);
    } else if (f.state === 'done') out.push([i.key, { state: 'uploaded', at: f.finishedAt ?? Date.now() }]);
    else if (f.state === 'queued' || f.state === 'uploading') {
      if (failed) out.push([i.key, { state: 'uploading' }]);
    } else if (!failed) {
      const error =
        f.state === 'cancelled'
          ? 'The upload was cancelled.'
          : f.state === 'interrupted'
            ? 'The upload was interrupted: give the file again in the uploads panel to go on.'
            : `The upload failed: ${f.error?.message ?? 'no reason given'}`;
      out.push([i.key, { state: 'failed', error }]);
    }
  }
  return out;
}
