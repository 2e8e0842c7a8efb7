import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { Toaster } from '../../components/toast';
import { connectionIdentity } from '../../lib/s3/oscar';
import { pendingUploadRequests, requestUpload, settleUploadRequest } from '../../lib/uploads/requests';
import { renderWithQueryClient } from '../../test/render';
import { setUpBucketTests } from '../../test/buckets';
import { uploadQueue } from './lib/session';
import { idbUploadStore } from './lib/store';
import { UploadHost } from './upload-host';

setUpBucketTests();
afterEach(async () => {
  uploadQueue.cancelAll();
  uploadQueue.clear({ failed: true });
  for (const r of pendingUploadRequests()) settleUploadRequest(r.id);
  for (const r of await idbUploadStore.list(connectionIdentity())) await idbUploadStore.remove(r.id);
});

/** Holds requestIdleCallback's task so the test says when the page is idle. */
function idleByHand() {
  const tasks: IdleRequestCallback[] = [];
  vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => tasks.push(cb));
  vi.stubGlobal('cancelIdleCallback', () => {});
  return () => act(() => tasks.splice(0).forEach((t) => t({ didTimeout: false, timeRemaining: () => 50 })));
}

const panel = () => screen.queryByRole('region', { name: 'Uploads' });

describe('the upload manager in the shell', () => {
  it('loads when the bucket view asks for an upload, and uploads the file', async () => {
    idleByHand();
    renderWithQueryClient(<UploadHost />, { extra: <Toaster /> });
    expect(panel()).toBeNull();
    const file = new File([new Uint8Array(2000).fill(7)], 'host.txt', { lastModified: 1_700_000_000_000 });
    act(() => requestUpload({ bucket: 'shared-models', prefix: '', files: [{ file, relativePath: file.name }], emptyFolders: [] }));
    await waitFor(() => expect(within(panel()!).getAllByRole('status')[0]).toHaveTextContent(/^All done: 1 uploaded/));
    expect(pendingUploadRequests()).toEqual([]);
  });

  it('once the page is idle, offers the uploads a closed tab interrupted', async () => {
    const idle = idleByHand();
    await idbUploadStore.save({
      id: 'rec-host',
      scope: connectionIdentity(),
      bucket: 'shared-models',
      key: 'runs/weights.bin',
      uploadId: 'gone',
      partSize: 8 * 1024 * 1024,
      contentType: 'application/octet-stream',
      fileName: 'weights.bin',
      fileSize: 32 * 1024 * 1024,
      lastModified: 1_700_000_000_000,
      relativePath: 'runs/weights.bin',
      createdAt: 1_700_000_000_000,
    });
    renderWithQueryClient(<UploadHost />, { extra: <Toaster /> });
    expect(panel()).toBeNull();
    idle();
    await waitFor(() => expect(panel()).not.toBeNull());
    expect(await within(panel()!).findByText('Interrupted')).toBeInTheDocument();
  });

  it('with nothing interrupted and nothing asked, stays unloaded after the idle check', async () => {
    const idle = idleByHand();
    const list = vi.spyOn(idbUploadStore, 'list');
    renderWithQueryClient(<UploadHost />, { extra: <Toaster /> });
    idle();
    await waitFor(() => expect(list).toHaveBeenCalledWith(connectionIdentity()));
    await act(() => list.mock.results[0]!.value as Promise<unknown>);
    expect(panel()).toBeNull();
  });
});
