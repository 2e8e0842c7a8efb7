import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fault } from '../../../../mocks/node';
import type { StoredJob } from '../../../../mocks/cluster';
import { renderRoutes, servePages } from '../test/helpers';

const demo = servePages();

/** Uploads a file into grayify's input path, which starts a job (as MinIO's webhook does in OSCAR). */
function upload(key = 'in/field-photo.jpg'): StoredJob {
  demo.cluster.putObject('grayify', { key, size: 2048, contentType: 'image/jpeg' });
  const jobs = [...demo.cluster.jobsOf('grayify').values()].filter((j) => j.input?.key === key);
  const job = jobs[jobs.length - 1];
  if (!job) throw new Error('no job started');
  job.outcome = 'Succeeded';
  return job;
}

/** Moves the cluster's clock and lets the page's polling timers fire. */
async function later(ms: number, pollMs = 3100) {
  demo.cluster.advance(ms);
  await act(() => vi.advanceTimersByTimeAsync(pollMs));
}

const logRegion = () => screen.getByRole('region', { name: /^Log of job/ });

describe('the job page', () => {
  it('follows a job from Pending to Succeeded, its log growing, with the file it read and the file it wrote', async () => {
    const job = upload();
    renderRoutes(`/jobs/grayify/${job.name}`);
    expect(await screen.findByRole('heading', { name: job.name })).toBeInTheDocument();
    expect((await screen.findAllByText('Pending')).length).toBeGreaterThan(0);
    expect(await screen.findByText(/waiting to start/)).toBeInTheDocument();

    await later(3000 + (job.log[2]?.at ?? 0) + 1);
    await waitFor(() => expect(logRegion()).toHaveTextContent("Downloading item from bucket 'grayify' with key 'in/field-photo.jpg'"));
    expect(screen.getAllByText('Running').length).toBeGreaterThan(0);
    const shown = logRegion().querySelectorAll('[data-line]').length;
    expect(shown).toBeGreaterThanOrEqual(3);
    // The input comes from the supervisor's own line.
    expect(within(screen.getByRole('list', { name: 'Input file' })).getByText('field-photo.jpg')).toBeInTheDocument();

    await later(job.finishAt - job.startAt);
    await waitFor(() => expect(logRegion()).toHaveTextContent('Script execution finished successfully'));
    await waitFor(() => expect(screen.getAllByText('Succeeded').length).toBeGreaterThan(0));
    // Appended, not replaced: line 1 is still the first line, and every line is there once.
    expect(logRegion().querySelectorAll('[data-line="1"]')).toHaveLength(1);
    expect(screen.getByText(new RegExp(`^${job.log.length} lines`))).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Output files' })).getByText('field-photo.png')).toBeInTheDocument());
  });

  it('keeps what was shown when the job is deleted while viewed', async () => {
    const job = upload();
    demo.cluster.advance(3000 + (job.log[3]?.at ?? 0) + 1);
    renderRoutes(`/jobs/grayify/${job.name}`);
    await waitFor(() => expect(logRegion()).toHaveTextContent('Executing user script'));
    demo.cluster.jobsOf('grayify').delete(job.name);
    await later(100);
    expect(await screen.findByText('This job no longer exists.')).toBeInTheDocument();
    expect(logRegion()).toHaveTextContent('Executing user script');
    expect(screen.getByRole('button', { name: 'Delete job' })).toBeDisabled();
  });

  it('shows a failing poll inertly, keeps the lines, and picks up again when the cluster recovers', async () => {
    const job = upload();
    demo.cluster.advance(3000 + (job.log[1]?.at ?? 0) + 1);
    renderRoutes(`/jobs/grayify/${job.name}`);
    await waitFor(() => expect(logRegion()).toHaveTextContent("Reading 'STORAGE_AUTH'"));
    const stop = fault({ method: 'GET', path: `/system/logs/grayify/${job.name}`, status: 500, body: 'etcdserver: request timed out' });
    await later(3000);
    const alert = await screen.findByText(/Could not refresh the log \(HTTP 500\)/);
    expect(alert.closest('[role="alert"]')).toHaveTextContent('etcdserver: request timed out');
    expect(alert.closest('[role="alert"]')).toHaveTextContent(/Trying again in about \d+ s/);
    expect(logRegion()).toHaveTextContent("Reading 'STORAGE_AUTH'");
    stop();
    await later(5000, 9000);
    await waitFor(() => expect(screen.queryByText(/Could not refresh the log/)).toBeNull());
    expect(logRegion()).toHaveTextContent('Executing user script');
  });

  it('says so when the log got shorter because the job restarted, and offers the previous log', async () => {
    const job = upload();
    demo.cluster.advance(3000 + (job.log[5]?.at ?? 0) + 1);
    renderRoutes(`/jobs/grayify/${job.name}`);
    await waitFor(() => expect(logRegion().querySelectorAll('[data-line]').length).toBeGreaterThanOrEqual(5));
    // The pod ran again: its log starts over.
    job.startAt = demo.cluster.now() - (job.log[0]?.at ?? 0) - 1;
    job.finishAt = job.startAt + 60_000;
    await later(0);
    expect(await screen.findByText(/The log got shorter: the job was restarted/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download the previous log' })).toBeInTheDocument();
    expect(screen.getByText(/^1 lines?/)).toBeInTheDocument();
  });

  it('finds a job on a later page of its service and deletes it after confirmation', async () => {
    const names = [...demo.cluster.jobsOf('fish-detector').keys()].sort();
    const last = names[names.length - 1] ?? '';
    const { router } = renderRoutes(`/jobs/fish-detector/${last}`);
    expect(await screen.findByRole('heading', { name: last })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Loading status…')).toBeNull());
    const user = (await import('@testing-library/user-event')).default.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'Delete job' }));
    const dialog = screen.getByRole('dialog', { name: `Delete job ${last}?` });
    expect(dialog).toHaveTextContent('fish-detector');
    await user.click(within(dialog).getByRole('button', { name: 'Delete job' }));
    await waitFor(() => expect(router.state.location.pathname + router.state.location.search).toBe('/jobs?service=fish-detector'));
    expect(demo.cluster.jobsOf('fish-detector').has(last)).toBe(false);
  });
});
