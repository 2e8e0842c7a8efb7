import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { demoS3 } from '../../../../mocks/s3';
import { Toaster } from '../../../components/toast';
import { MiB } from '../lib/plan';
import { uploadQueue } from '../lib/session';
import { pendingUploadRequests, requestUpload, settleUploadRequest, uploadFiles, uploadQueueView } from '../../../lib/uploads/requests';
import { renderWithQueryClient } from '../../../test/render';
import { BASE, setUpBucketTests } from '../../../test/buckets';
import { UploadManager } from './upload-manager';

// The buckets' setup: a fresh demo cluster, a signed-in session, Node's Blob and File, a fake layout.
const demo = setUpBucketTests();
afterEach(() => {
  // The queue lives for the page, like the app's: empty it for the next test.
  uploadQueue.cancelAll();
  uploadQueue.clear({ failed: true });
  for (const r of pendingUploadRequests()) settleUploadRequest(r.id);
});

function fileOf(name: string, size: number, fill = 1): File {
  return new File([new Uint8Array(size).fill(fill)], name, { lastModified: 1_700_000_000_000 });
}

function upload(bucket: string, files: File[], prefix = '') {
  act(() => requestUpload({ bucket, prefix, files: files.map((file) => ({ file, relativePath: file.name })), emptyFolders: [] }));
}

/**
 * Holds the storage's answers to uploads (whole files, or only parts) until release(); settled() waits until
 * every request held has been answered by the demo's S3 after the release.
 */
function holdUploads(only: 'all' | 'parts' = 'all') {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const held = new Set<string>();
  demo.server.use(
    http.put(`${BASE}/s3/*`, async ({ request, requestId }) => {
      if (only === 'parts' && !new URL(request.url).searchParams.has('partNumber')) return;
      held.add(requestId);
      await gate;
      // Nothing returned: the demo's own S3 handler answers next.
    }),
  );
  function settled(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (held.size) return;
        demo.server.events.removeListener('request:end', onEnd);
        resolve();
      };
      const onEnd = ({ requestId }: { requestId: string }) => {
        held.delete(requestId);
        done();
      };
      demo.server.events.on('request:end', onEnd);
      done();
    });
  }
  return { release: () => release(), settled };
}

const panel = () => screen.getByRole('region', { name: 'Uploads' });
const summary = () => within(panel()).getAllByRole('status')[0]!;
const row = (key: string) => panel().querySelector<HTMLElement>(`[data-upload-key="${key}"]`)!;

function renderManager() {
  return renderWithQueryClient(<UploadManager />, { extra: <Toaster /> });
}

describe('the upload panel', () => {
  it('shows each file uploading with the batch total, then what was done, folding a clean batch away', async () => {
    const user = userEvent.setup();
    const hold = holdUploads();
    renderManager();
    upload('shared-models', [fileOf('a.txt', 3000), fileOf('b.txt', 5000)], 'notes/');
    await waitFor(() => expect(summary()).toHaveTextContent(/^Uploading 2 files · .* of 7\.81 KB/));
    expect(within(row('notes/a.txt')).getByText('Uploading')).toBeInTheDocument();
    expect(within(row('notes/b.txt')).getByText('Uploading')).toBeInTheDocument();
    expect(within(panel()).getByRole('progressbar', { name: 'Upload of a.txt' })).toHaveAttribute('aria-valuenow', '0');
    expect(within(panel()).getByRole('button', { name: 'Cancel all' })).toBeInTheDocument();

    hold.release();
    await waitFor(() => expect(summary()).toHaveTextContent(/^All done: 2 uploaded \(7\.81 KB\) in \d+ s$/));
    expect(demo.cluster.getObject('shared-models', 'notes/a.txt')?.size).toBe(3000);
    expect(demo.cluster.getObject('shared-models', 'notes/b.txt')?.size).toBe(5000);
    // The list folds away after a batch that went well; it is one click away.
    expect(row('notes/a.txt')).toBeNull();
    await user.click(within(panel()).getByRole('button', { name: 'Show' }));
    expect(within(row('notes/a.txt')).getByText('Done')).toBeInTheDocument();
    expect(within(panel()).getByRole('progressbar', { name: 'Upload of b.txt' })).toHaveAttribute('aria-valuenow', '100');
    await user.click(within(panel()).getByRole('button', { name: 'Clear finished' }));
    expect(screen.queryByRole('region', { name: 'Uploads' })).not.toBeInTheDocument();
  });

  it('cancels a file in flight: the multipart upload is aborted on the server and nothing is stored', async () => {
    const user = userEvent.setup();
    const hold = holdUploads('parts');
    renderManager();
    upload('shared-models', [fileOf('big.bin', 17 * MiB)]);
    const s3 = demoS3(demo.cluster);
    await waitFor(() => expect(s3.uploads.size).toBe(1));
    await waitFor(() => expect(within(row('big.bin')).getByText('Uploading')).toBeInTheDocument());
    await user.click(within(panel()).getByRole('button', { name: 'Cancel big.bin' }));
    expect(summary()).toHaveTextContent(/^Cancelled: 1 file$/);
    await waitFor(() => expect(s3.uploads.size).toBe(0));
    hold.release();
    // The parts held in flight are answered now, after the cancel: none of them may complete the file.
    await hold.settled();
    expect(demo.cluster.getObject('shared-models', 'big.bin')).toBeUndefined();
    await user.click(within(panel()).getByRole('button', { name: 'Show' }));
    expect(within(row('big.bin')).getByText('Cancelled')).toBeInTheDocument();
    // A cancelled file can be sent again, from the start.
    await user.click(within(panel()).getByRole('button', { name: 'Retry big.bin' }));
    // 17 MB through the demo's S3 takes seconds on a loaded machine: wait for the queue, not a deadline.
    await act(() => uploadQueue.idle());
    await waitFor(() => expect(summary()).toHaveTextContent(/^All done: 1 uploaded \(17\.0 MB\)/));
    expect(demo.cluster.getObject('shared-models', 'big.bin')?.size).toBe(17 * MiB);
  });

  it('says Finished, not All done, when some files went up and the user cancelled the rest', async () => {
    const user = userEvent.setup();
    const hold = holdUploads('parts');
    renderManager();
    upload('shared-models', [fileOf('small.txt', 100), fileOf('big.bin', 17 * MiB)]);
    await waitFor(() => expect(within(row('small.txt')).getByText('Done')).toBeInTheDocument());
    await waitFor(() => expect(within(row('big.bin')).getByText('Uploading')).toBeInTheDocument());
    await user.click(within(panel()).getByRole('button', { name: 'Cancel big.bin' }));
    expect(summary()).toHaveTextContent(/^Finished: 1 uploaded \(100 B\) in \d+ s · 1 cancelled$/);
    hold.release();
    await user.click(within(panel()).getByRole('button', { name: 'Show' }));
    expect(within(row('small.txt')).getByText('Done')).toBeInTheDocument();
    expect(within(row('big.bin')).getByText('Cancelled')).toBeInTheDocument();
    expect(demo.cluster.getObject('shared-models', 'small.txt')?.size).toBe(100);
  });

  it('fails a file on its own with the server’s words and a hint; Retry sends it again once the cause is gone', async () => {
    const user = userEvent.setup();
    const b = demo.cluster.buckets.get('ana-datasets')!;
    const used = [...b.objects.values()].reduce((n, o) => n + o.size, 0);
    const roomy = demo.cluster.quotaFor(b.owner);
    demo.cluster.quotas.set(b.owner, { ...roomy, storagePerBucket: String(used + 1000) });
    renderManager();
    upload('ana-datasets', [fileOf('small.txt', 100), fileOf('large.tif', 5000)]);
    await waitFor(() => expect(summary()).toHaveTextContent(/^Finished: 1 uploaded \(100 B\) in \d+ s · 1 failed$/));
    const failed = row('large.tif');
    expect(within(failed).getByText('Failed')).toBeInTheDocument();
    expect(failed).toHaveTextContent(/Bucket quota exceeded.*The bucket is full/);
    expect(within(panel()).getByRole('button', { name: 'Retry failed' })).toBeInTheDocument();

    demo.cluster.quotas.set(b.owner, roomy);
    await user.click(within(panel()).getByRole('button', { name: 'Retry large.tif' }));
    await waitFor(() => expect(summary()).toHaveTextContent(/^All done: 2 uploaded \(4\.98 KB\)/));
    expect(demo.cluster.getObject('ana-datasets', 'large.tif')?.size).toBe(5000);
  });
});

describe('limits and interrupted uploads', () => {
  it('keeps to the files-at-once limit set in the panel: the rest wait as Queued', async () => {
    const user = userEvent.setup();
    const hold = holdUploads();
    renderManager();
    upload('shared-models', [fileOf('one.txt', 10)]);
    await screen.findByRole('region', { name: 'Uploads' });
    await user.click(within(panel()).getByRole('button', { name: 'Limits' }));
    const files = within(panel()).getByRole('spinbutton', { name: 'Files at once' });
    await user.clear(files);
    await user.type(files, '1');
    const parts = within(panel()).getByRole('spinbutton', { name: 'Parts at once (all files)' });
    await user.clear(parts);
    await user.type(parts, '40');
    await user.click(within(panel()).getByRole('button', { name: 'Save' }));
    expect(JSON.parse(localStorage.getItem('lagoon.uploads.limits')!)).toEqual({ files: 1, parts: 16 });
    upload('shared-models', [fileOf('two.txt', 20), fileOf('three.txt', 30)]);
    await waitFor(() => expect(within(row('two.txt')).getByText('Queued')).toBeInTheDocument());
    expect(within(row('three.txt')).getByText('Queued')).toBeInTheDocument();
    expect(within(row('one.txt')).getByText('Uploading')).toBeInTheDocument();
    hold.release();
    await waitFor(() => expect(summary()).toHaveTextContent(/^All done: 3 uploaded/));
    act(() => uploadQueue.setLimits({ files: 3, parts: 6 }));
  });

  it('offers an upload a closed tab interrupted, refuses another file for it, and can discard it', async () => {
    const user = userEvent.setup();
    const { idbUploadStore } = await import('../lib/store');
    const { connectionIdentity } = await import('../../../lib/s3/oscar');
    await idbUploadStore.save({
      id: 'rec-1',
      scope: connectionIdentity(),
      bucket: 'shared-models',
      key: 'runs/model.h5',
      uploadId: 'gone',
      partSize: 8 * MiB,
      contentType: 'application/x-hdf5',
      fileName: 'model.h5',
      fileSize: 40 * MiB,
      lastModified: 1_700_000_000_000,
      relativePath: 'runs/model.h5',
      createdAt: 1_700_000_000_000,
    });
    renderManager();
    await waitFor(() => expect(within(row('runs/model.h5')).getByText('Interrupted')).toBeInTheDocument());
    expect(row('runs/model.h5')).toHaveTextContent('Select model.h5 (40.0 MB) again to continue where it stopped.');
    expect(summary()).toHaveTextContent(/1 waiting for their file/);
    await user.upload(within(panel()).getByLabelText('File to continue runs/model.h5'), fileOf('model.h5', 1000));
    expect(await screen.findByText('model.h5 is not the file that was being uploaded (name, size or date differ).')).toBeInTheDocument();
    expect(within(row('runs/model.h5')).getByText('Interrupted')).toBeInTheDocument();
    await user.click(within(panel()).getByRole('button', { name: 'Discard runs/model.h5' }));
    expect(summary()).toHaveTextContent(/^Cancelled: 1 file$/);
    await waitFor(async () => expect(await idbUploadStore.list(connectionIdentity())).toEqual([]));
  });
});

describe('names that already exist', () => {
  it('asks once for all of them: keep both gives the new files a number and leaves the old ones', async () => {
    const user = userEvent.setup();
    const before = demo.cluster.getObject('ana-datasets', 'labels/train.csv')!.size;
    renderManager();
    upload('ana-datasets', [fileOf('train.csv', 10), fileOf('test.csv', 20), fileOf('new.csv', 30)], 'labels/');
    const dialog = await screen.findByRole('dialog', { name: 'A file with this name already exists' });
    expect(dialog).toHaveTextContent('labels/train.csv is already in ana-datasets');
    expect(within(dialog).getByRole('checkbox', { name: 'Do the same for the other 1 name that exist' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Keep both' }));
    await waitFor(() => expect(summary()).toHaveTextContent(/^All done: 3 uploaded/));
    expect(demo.cluster.getObject('ana-datasets', 'labels/train (1).csv')?.size).toBe(10);
    expect(demo.cluster.getObject('ana-datasets', 'labels/test (1).csv')?.size).toBe(20);
    expect(demo.cluster.getObject('ana-datasets', 'labels/new.csv')?.size).toBe(30);
    expect(demo.cluster.getObject('ana-datasets', 'labels/train.csv')?.size).toBe(before);
  });

  it('asks name by name when told to: replace one, skip the other; cancel queues nothing', async () => {
    const user = userEvent.setup();
    renderManager();
    upload('ana-datasets', [fileOf('train.csv', 11), fileOf('test.csv', 22)], 'labels/');
    let dialog = await screen.findByRole('dialog', { name: 'A file with this name already exists' });
    await user.click(within(dialog).getByRole('checkbox', { name: /Do the same for the other 1 name/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Replace' }));
    dialog = await screen.findByRole('dialog', { name: 'A file with this name already exists' });
    expect(dialog).toHaveTextContent('labels/test.csv is already in ana-datasets');
    await user.click(within(dialog).getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(summary()).toHaveTextContent(/^All done: 1 uploaded \(11 B\)/));
    expect(demo.cluster.getObject('ana-datasets', 'labels/train.csv')?.size).toBe(11);
    expect(demo.cluster.getObject('ana-datasets', 'labels/test.csv')?.size).toBe(96_220);

    upload('ana-datasets', [fileOf('README.md', 5)]);
    dialog = await screen.findByRole('dialog', { name: 'A file with this name already exists' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel upload' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(uploadQueue.getSnapshot().items.map((i) => i.key)).toEqual(['labels/train.csv']);
    expect(demo.cluster.getObject('ana-datasets', 'README.md')?.size).toBe(1834);
  });

  it('tells the requester which objects it queued (a kept-both name renamed, [] on cancel), and shows them to other features', async () => {
    const user = userEvent.setup();
    renderManager();
    const onQueued = vi.fn();
    const files = [fileOf('train.csv', 10), fileOf('fresh.csv', 30)];
    act(() => requestUpload({ bucket: 'ana-datasets', prefix: 'labels/', files: files.map((file) => ({ file, relativePath: file.name })), emptyFolders: [], onQueued }));
    let dialog = await screen.findByRole('dialog', { name: 'A file with this name already exists' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep both' }));
    await waitFor(() => expect(onQueued).toHaveBeenCalledTimes(1));
    expect(onQueued).toHaveBeenCalledWith([
      { key: 'labels/train (1).csv', size: 10 },
      { key: 'labels/fresh.csv', size: 30 },
    ]);
    // Other features watch these files through src/lib/uploads (the batch board of dropped files).
    expect(uploadQueueView()).toBe(uploadQueue);
    await waitFor(() => expect(uploadFiles().filter((f) => f.state === 'done').map((f) => f.key)).toEqual(['labels/train (1).csv', 'labels/fresh.csv']));

    const cancelled = vi.fn();
    act(() => requestUpload({ bucket: 'ana-datasets', prefix: '', files: [{ file: fileOf('README.md', 5), relativePath: 'README.md' }], emptyFolders: [], onQueued: cancelled }));
    dialog = await screen.findByRole('dialog', { name: 'A file with this name already exists' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel upload' }));
    await waitFor(() => expect(cancelled).toHaveBeenCalledWith([]));
  });
});
