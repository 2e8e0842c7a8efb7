import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fault } from '../../../../mocks/node';
import { serveDemoCluster } from '../../../test/demo';
import { fakeLayout } from '../../../test/layout';
import { signIn } from '../../../test/session';
import { renderJobs } from '../test/helpers';

const demo = serveDemoCluster();
const { server } = demo;

beforeEach(() => {
  signIn();
  fakeLayout({ width: 1400 });
});
afterEach(() => vi.useRealTimers());

const statuses = (service: string) => [...demo.cluster.jobsOf(service).values()].map((j) => demo.cluster.jobStatus(j));
const count = (service: string, status?: string) => statuses(service).filter((s) => !status || s === status).length;
const totalJobs = () => [...demo.cluster.jobs.values()].reduce((n, m) => n + m.size, 0);
const table = () => screen.getByRole('table', { name: 'Jobs' });
const location = () => screen.getByTestId('location').textContent ?? '';

describe('the jobs list', () => {
  it('lists the jobs of every service, walking each one’s pages', async () => {
    renderJobs('/jobs');
    const total = totalJobs();
    expect(count('fish-detector')).toBeGreaterThan(140); // three pages of 70
    expect(await screen.findByText(`${total} jobs`)).toBeInTheDocument();
    expect(table()).toHaveAttribute('aria-rowcount', String(total + 1));
    const first = within(table()).getAllByRole('row')[1]!;
    const link = within(first).getAllByRole('link')[0]!;
    expect(link.getAttribute('href')).toMatch(/^\/jobs\/[a-z0-9-]+\/[a-z0-9-]+$/);
    expect(within(first).getByRole('link', { name: /^Jobs of / })).toHaveAttribute('href', expect.stringMatching(/^\/jobs\?service=/));
  });

  it('shows one service’s jobs, filtered by status and text, with the filters in the URL', async () => {
    const user = userEvent.setup();
    renderJobs('/jobs?service=grayify');
    expect(await screen.findByRole('heading', { name: 'Jobs of grayify' })).toBeInTheDocument();
    expect(await screen.findByText(`${count('grayify')} jobs`)).toBeInTheDocument();
    const failed = count('grayify', 'Failed');
    await user.click(screen.getByRole('button', { name: `Failed ${failed}` }));
    expect(location()).toBe('/jobs?service=grayify&status=Failed');
    expect(screen.getByText(`${failed} of ${count('grayify')} jobs`)).toBeInTheDocument();
    for (const row of within(table()).getAllByRole('row').slice(1)) expect(row).toHaveTextContent('Failed');
    const name = [...demo.cluster.jobsOf('grayify').values()].find((j) => demo.cluster.jobStatus(j) === 'Failed')!.name;
    await user.click(screen.getByRole('searchbox', { name: 'Filter jobs' }));
    await user.paste(name);
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(2));
    expect(location()).toContain(`q=${name}`);
  });

  it('sorts by a column and keeps the sort in the URL', async () => {
    const user = userEvent.setup();
    renderJobs('/jobs?service=grayify');
    await screen.findByText(`${count('grayify')} jobs`);
    await user.click(screen.getByRole('button', { name: 'Job' }));
    expect(location()).toContain('sort=name&dir=asc');
    const names = within(table()).getAllByRole('row').slice(1, 6).map((r) => within(r).getAllByRole('link')[0]!.textContent);
    expect(names).toEqual([...names].sort());
    expect(screen.getByRole('columnheader', { name: /Job/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('deletes the completed jobs of a service after a confirmation naming it and the count', async () => {
    const user = userEvent.setup();
    renderJobs('/jobs?service=grayify');
    await screen.findByText(`${count('grayify')} jobs`);
    const succeeded = count('grayify', 'Succeeded');
    const before = count('grayify');
    await user.click(screen.getByRole('button', { name: 'Delete completed jobs' }));
    const dialog = screen.getByRole('dialog', { name: `Delete ${succeeded} completed jobs of grayify?` });
    expect(dialog).toHaveTextContent('Failed, pending and running jobs stay');
    await user.click(within(dialog).getByRole('button', { name: 'Delete completed jobs' }));
    expect(await screen.findByText(`${before - succeeded} jobs`)).toBeInTheDocument();
    expect(count('grayify', 'Succeeded')).toBe(0);
    expect(count('grayify')).toBe(before - succeeded);
    expect(await screen.findByText(`Deleted ${succeeded} completed jobs of grayify`)).toBeInTheDocument();
  });

  it('deletes all jobs of a service only once its name is typed', async () => {
    const user = userEvent.setup();
    renderJobs('/jobs?service=simple-test');
    const n = count('simple-test');
    await screen.findByText(`${n} jobs`);
    await user.click(screen.getByRole('button', { name: 'Delete all jobs' }));
    const dialog = screen.getByRole('dialog', { name: `Delete ${n} jobs of simple-test?` });
    const confirm = within(dialog).getByRole('button', { name: 'Delete all jobs' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), 'simple-test');
    await user.click(confirm);
    expect(await screen.findByText('simple-test has no jobs')).toBeInTheDocument();
    expect(count('simple-test')).toBe(0);
  });

  it('deletes one job from its row', async () => {
    const user = userEvent.setup();
    renderJobs('/jobs?service=simple-test&sort=name&dir=asc');
    const n = count('simple-test');
    await screen.findByText(`${n} jobs`);
    const first = [...demo.cluster.jobsOf('simple-test').keys()].sort()[0]!;
    await user.click(screen.getByRole('button', { name: `Delete job ${first}` }));
    await user.click(within(screen.getByRole('dialog', { name: `Delete job ${first}?` })).getByRole('button', { name: 'Delete job' }));
    expect(await screen.findByText(`${n - 1} jobs`)).toBeInTheDocument();
    expect(demo.cluster.jobsOf('simple-test').has(first)).toBe(false);
  });

  it('keeps the other services’ jobs when one service fails, naming it with the server’s words', async () => {
    fault({ method: 'GET', path: '/system/logs/fish-detector', status: 500, body: 'kube-apiserver: connection refused' });
    renderJobs('/jobs');
    const alert = await screen.findByText(/Could not load the jobs of fish-detector/);
    expect(alert.closest('[role="alert"]')).toHaveTextContent('kube-apiserver: connection refused (HTTP 500)');
    expect(await screen.findByText(`${totalJobs() - count('fish-detector')} jobs`)).toBeInTheDocument();
  });

  it('says when a service has no jobs', async () => {
    renderJobs('/jobs?service=cowsay');
    expect(await screen.findByText('cowsay has no jobs')).toBeInTheDocument();
  });

  it('says when the service does not exist', async () => {
    renderJobs('/jobs?service=nope');
    expect(await screen.findByText('No service named nope')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Show jobs of all services' })).toHaveAttribute('href', '/jobs');
  });
});

describe('auto-refresh', () => {
  it('picks up new jobs on its own, but not while the reader is in the table or paused', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    renderJobs('/jobs?service=simple-test');
    const n = count('simple-test');
    await screen.findByText(`${n} jobs`);

    demo.cluster.createJob('simple-test', 'cluster_admin');
    const wrapper = table().closest('div[class*="flex-col"]') as HTMLElement;
    fireEvent.pointerEnter(wrapper);
    expect(await screen.findByText(/waits while you read/)).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(12_000));
    expect(screen.getByText(`${n} jobs`)).toBeInTheDocument();

    fireEvent.pointerLeave(wrapper);
    await act(() => vi.advanceTimersByTimeAsync(5_500));
    expect(await screen.findByText(`${n + 1} jobs`)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Pause auto-refresh' }));
    expect(screen.getByText('Auto-refresh paused')).toBeInTheDocument();
    demo.cluster.createJob('simple-test', 'cluster_admin');
    await act(() => vi.advanceTimersByTimeAsync(12_000));
    expect(screen.getByText(`${n + 1} jobs`)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    expect(await screen.findByText(`${n + 2} jobs`)).toBeInTheDocument();
  });

  it('backs off while the cluster fails, and keeps the rows', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    renderJobs('/jobs?service=simple-test');
    const n = count('simple-test');
    await screen.findByText(`${n} jobs`);
    let calls = 0;
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname === '/system/logs/simple-test') calls++;
    });
    fault({ method: 'GET', path: '/system/logs/simple-test', status: 503, body: 'Service Unavailable' });
    await act(() => vi.advanceTimersByTimeAsync(5_500)); // first refresh fails
    expect(await screen.findByText(/not answering; trying again in (9|10) s/)).toBeInTheDocument();
    expect(screen.getByText(`${n} jobs`)).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(10_500)); // second fails: the wait doubles again
    expect(await screen.findByText(/trying again in (19|20) s/)).toBeInTheDocument();
    expect(calls).toBe(2);
    server.events.removeAllListeners();
  });
});
