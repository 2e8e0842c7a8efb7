import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadZipOf } from '../../../lib/s3/zip';
import { fakeLayout } from '../../../test/layout';
import { newBatch, type BatchState } from '../lib/engine';
import { BatchBoard, type BatchActions } from './batch-board';

vi.mock('../../../lib/s3/zip', () => ({ downloadZipOf: vi.fn(async () => true), fetchPresigned: vi.fn() }));

function batch(status: BatchState['status']): BatchState {
  const s = newBatch({ service: 'grayify', bucket: 'data', prefix: 'in/', suffixes: ['.jpg'], cap: null, now: Date.now() - 60_000 });
  s.status = status;
  s.listing = null;
  s.inputs = [
    { key: 'in/a.jpg', size: 1, state: 'succeeded', attempts: 1, job: 'grayify-aaaaa', sentAt: Date.now() - 30_000, startedAt: Date.now() - 25_000, finishedAt: Date.now() - 5000, outputs: ['data/out/a.png'] },
    { key: 'in/b.jpg', size: 1, state: 'failed', attempts: 1, job: 'grayify-bbbbb', finishedAt: Date.now() - 1000, error: 'The job failed: its log says why.' },
    { key: 'in/c.jpg', size: 1, state: 'running', attempts: 1, job: 'grayify-ccccc', sentAt: Date.now() - 10_000 },
    { key: 'in/d.jpg', size: 1, state: 'queued', attempts: 0 },
  ];
  return s;
}

function renderBoard(state: BatchState, onNew = vi.fn()) {
  const actions: BatchActions = { pause: vi.fn(), resume: vi.fn(), cancel: vi.fn(), retryFailed: vi.fn(), setCap: vi.fn() };
  const router = createMemoryRouter([{ path: '/services/:name/batch', element: <BatchBoard state={state} actions={actions} onNew={onNew} /> }], {
    initialEntries: ['/services/grayify/batch'],
  });
  render(<RouterProvider router={router} />);
  return { actions, router };
}

describe('the batch board', () => {
  beforeEach(() => fakeLayout({ width: 1400 }));

  it('shows the counts and every input with its job, status and outputs', () => {
    renderBoard(batch('running'));
    const counts = screen.getByTestId('batch-counts');
    expect(within(counts).getByText('Inputs').nextSibling).toHaveTextContent('4');
    expect(within(counts).getByText('Succeeded').nextSibling).toHaveTextContent('1');
    expect(within(counts).getByText('Failed').nextSibling).toHaveTextContent('1');
    const table = screen.getByRole('table', { name: 'Batch inputs' });
    expect(within(table).getByRole('link', { name: 'grayify-aaaaa' })).toHaveAttribute('href', '/jobs/grayify/grayify-aaaaa');
    expect(within(table).getByRole('link', { name: 'data/out/a.png' })).toBeInTheDocument();
    expect(within(table).getByText('The job failed: its log says why.')).toBeInTheDocument();
  });

  it('shows each input\'s duration: fixed once it finished, counting while its job runs, none before it is sent', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      renderBoard(batch('running'));
      const table = screen.getByRole('table', { name: 'Batch inputs' });
      const durationOf = (key: string) => within(table).getByText(key).closest('tr')!.querySelectorAll('td')[3]!.textContent;
      expect(durationOf('in/a.jpg')).toBe('20 s');
      expect(durationOf('in/c.jpg')).toBe('10 s');
      expect(durationOf('in/d.jpg')).toBe('—');
      act(() => vi.advanceTimersByTime(5000));
      expect(durationOf('in/c.jpg')).toBe('15 s');
      expect(durationOf('in/a.jpg')).toBe('20 s');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says why the batch paused itself, with Resume, and names what an empty batch looked for', async () => {
    const user = userEvent.setup();
    const paused = { ...batch('paused'), pausedBecause: 'OSCAR refused to start a job (401): invalid token. The batch is paused; nothing more is sent until you resume.', problem: 'old words' };
    const { actions } = renderBoard(paused);
    expect(screen.getByRole('alert')).toHaveTextContent('The batch paused itself. OSCAR refused to start a job (401): invalid token.');
    expect(screen.queryByText('old words')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(actions.resume).toHaveBeenCalled();
  });

  it('says an empty batch found nothing, naming the bucket, prefix and suffixes', () => {
    renderBoard({ ...batch('done'), inputs: [] });
    expect(screen.getByText('No object in data under in/ ends with .jpg: nothing was sent. Start a new batch with another prefix or other suffixes.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New batch' })).toBeInTheDocument();
  });

  it('filters by status in the URL and drives the batch from its buttons, by keyboard too', async () => {
    const user = userEvent.setup();
    const { actions, router } = renderBoard(batch('running'));
    await user.click(screen.getByRole('button', { name: 'Failed' }));
    expect(router.state.location.search).toBe('?show=failed');
    const table = screen.getByRole('table', { name: 'Batch inputs' });
    expect(within(table).getByText('in/b.jpg')).toBeInTheDocument();
    expect(within(table).queryByText('in/a.jpg')).toBeNull();
    screen.getByRole('button', { name: 'Pause' }).focus();
    await user.keyboard('{Enter}');
    expect(actions.pause).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Retry 1 failed' }));
    expect(actions.retryFailed).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Cancel this batch?' })).getByRole('button', { name: 'Cancel the batch' }));
    expect(actions.cancel).toHaveBeenCalledWith(false);
    await user.type(screen.getByLabelText('At most this many jobs at once'), '3{Enter}');
    expect(actions.setCap).toHaveBeenCalledWith(3);
  });

  it('cancels from a dialog, by keyboard, also deleting the jobs still waiting to start when ticked', async () => {
    const user = userEvent.setup();
    const s = batch('running');
    s.inputs.push(
      { key: 'in/e.jpg', size: 1, state: 'pending', attempts: 1, job: 'grayify-eeeee' },
      { key: 'in/f.jpg', size: 1, state: 'pending', attempts: 1, job: 'grayify-fffff' },
      { key: 'in/g.jpg', size: 1, state: 'cancelled', attempts: 1, job: 'grayify-ggggg' },
      { key: 'in/h.jpg', size: 1, state: 'pending', attempts: 1, job: 'grayify-hhhhh', error: 'The job could not be deleted: forbidden' },
    );
    const { actions } = renderBoard(s);
    const table = screen.getByRole('table', { name: 'Batch inputs' });
    expect(within(table).getByText('Job deleted')).toBeInTheDocument();
    expect(within(table).getByText('The job could not be deleted: forbidden')).toBeInTheDocument();
    screen.getByRole('button', { name: 'Cancel' }).focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Cancel this batch?' });
    const box = within(dialog).getByRole('checkbox', { name: 'Also delete the jobs still waiting to start (3)' });
    expect(box).not.toBeChecked();
    box.focus();
    await user.keyboard(' ');
    expect(box).toBeChecked();
    within(dialog).getByRole('button', { name: 'Cancel the batch' }).focus();
    await user.keyboard('{Enter}');
    expect(actions.cancel).toHaveBeenCalledWith(true);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('zips every output found, named by its input, and says how many files; disabled when there are none', async () => {
    const user = userEvent.setup();
    const s = batch('done');
    s.inputs[2] = { ...s.inputs[2]!, state: 'succeeded', outputs: ['data/out/c.png', 'results/c.json'] };
    s.inputs.push({ key: 'in/sub/e.jpg', size: 1, state: 'succeeded', attempts: 1, outputs: ['data/out/e.png'] });
    renderBoard(s);
    const button = screen.getByRole('button', { name: 'Download 4 outputs as zip' });
    await user.click(button);
    expect(downloadZipOf).toHaveBeenCalledTimes(1);
    const [name, entries] = vi.mocked(downloadZipOf).mock.calls[0]!;
    expect(name).toMatch(/^batch-grayify-.*-outputs\.zip$/);
    expect(entries).toEqual([
      { bucket: 'data', key: 'out/a.png', name: 'a.jpg/a.png' },
      { bucket: 'data', key: 'out/c.png', name: 'c.jpg/c.png' },
      { bucket: 'results', key: 'c.json', name: 'c.jpg/c.json' },
      { bucket: 'data', key: 'out/e.png', name: 'sub/e.jpg/e.png' },
    ]);
  });

  it('has nothing to zip before any output is found', () => {
    const s = batch('running');
    s.inputs[0] = { ...s.inputs[0]!, outputs: [] };
    renderBoard(s);
    expect(screen.getByRole('button', { name: 'Download 0 outputs as zip' })).toBeDisabled();
  });

  it('offers Resume when paused', () => {
    renderBoard(batch('paused'));
    expect(screen.getByRole('button', { name: 'Resume' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New batch' })).toBeNull();
  });

  it('offers a new batch once done, after saying what is forgotten, and nothing to pause or cancel', async () => {
    const user = userEvent.setup();
    const onNew = vi.fn();
    renderBoard(batch('done'), onNew);
    expect(screen.getByTestId('batch-status')).toHaveTextContent('Done');
    expect(screen.getByRole('button', { name: 'New batch' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'New batch' }));
    const dialog = screen.getByRole('dialog', { name: 'Start a new batch?' });
    expect(dialog).toHaveTextContent('download its manifest first');
    expect(onNew).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Forget this batch' }));
    expect(onNew).toHaveBeenCalled();
  });

  it("shows a dropped file's upload, and its failure with a Retry upload that asks the upload engine", async () => {
    const user = userEvent.setup();
    const s = batch('running');
    s.source = 'dropped';
    s.inputs = [
      { key: 'in/u.jpg', size: 2048, state: 'uploading', attempts: 0 },
      { key: 'in/f.jpg', size: 10, state: 'failed', attempts: 0, uploadFailed: true, error: 'The upload failed: quota exceeded' },
      { key: 'in/r.jpg', size: 10, state: 'failed', attempts: 0, uploadFailed: true, error: 'The upload did not finish: a reload or a closed tab stops uploads in the browser. Drop the file again.' },
    ];
    const uploads = new Map([
      ['in/u.jpg', { id: 'u1', bucket: 'data', key: 'in/u.jpg', size: 2048, loaded: 1024, state: 'uploading' as const }],
      ['in/f.jpg', { id: 'u2', bucket: 'data', key: 'in/f.jpg', size: 10, loaded: 0, state: 'failed' as const, error: { message: 'quota exceeded' } }],
    ]);
    const actions: BatchActions = { pause: vi.fn(), resume: vi.fn(), cancel: vi.fn(), retryFailed: vi.fn(), setCap: vi.fn(), retryUpload: vi.fn() };
    const router = createMemoryRouter([{ path: '/', element: <BatchBoard state={s} actions={actions} onNew={vi.fn()} uploads={uploads} /> }]);
    render(<RouterProvider router={router} />);
    const counts = screen.getByTestId('batch-counts');
    expect(within(counts).getByText('Uploading').nextSibling).toHaveTextContent('1');
    expect(within(counts).getByText('Failed').nextSibling).toHaveTextContent('2');
    const table = screen.getByRole('table', { name: 'Batch inputs' });
    expect(within(table).getByRole('progressbar', { name: 'Upload of in/u.jpg' })).toHaveAttribute('value', '1024');
    expect(within(table).getByText('1.00 KB of 2.00 KB')).toBeInTheDocument();
    expect(within(table).getByText('The upload failed: quota exceeded')).toBeInTheDocument();
    // The file cut by a reload is gone from the tab: no retry, the row says to drop it again.
    expect(within(table).getByText(/Drop the file again/)).toBeInTheDocument();
    expect(within(table).getAllByRole('button', { name: /^Retry the upload/ })).toHaveLength(1);
    await user.click(within(table).getByRole('button', { name: 'Retry the upload of in/f.jpg' }));
    expect(actions.retryUpload).toHaveBeenCalledWith('in/f.jpg');
    // No cap for a dropped batch: each upload starts its job.
    expect(screen.queryByRole('button', { name: 'Set cap' })).toBeNull();
  });
});
