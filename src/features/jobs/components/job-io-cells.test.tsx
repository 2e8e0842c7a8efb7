import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../mocks/handlers';
import { createTestCluster, fault } from '../../../../mocks/node';
import { objectLink } from '../../../lib/jobs/trace';
import { serveDemoCluster, type TestCluster } from '../../../test/demo';
import { fakeLayout } from '../../../test/layout';
import { TEST_ENDPOINT as BASE, signIn } from '../../../test/session';
import { renderJobs } from '../test/helpers';

const demo = serveDemoCluster(BASE);
const { server } = demo;
let cluster: TestCluster;

/** Answers from `c` instead of this test's seeded cluster. */
function useCluster(c: TestCluster) {
  cluster = c;
  server.resetHandlers(...createHandlers(cluster, BASE));
}

beforeEach(() => {
  cluster = demo.cluster;
  signIn();
  fakeLayout({ width: 1400 });
});
afterEach(() => {
  server.events.removeAllListeners();
});

/** GET requests by path, from now on. */
function countRequests(): Map<string, number> {
  const seen = new Map<string, number>();
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'GET') return;
    const path = decodeURIComponent(new URL(request.url).pathname);
    seen.set(path, (seen.get(path) ?? 0) + 1);
  });
  return seen;
}

const table = () => screen.getByRole('table', { name: 'Jobs' });
const location = () => screen.getByTestId('location').textContent ?? '';
const rowOf = (job: string) => within(table()).getByRole('link', { name: job }).closest('tr') as HTMLElement;
const inputLink = (row: HTMLElement) => within(row).queryByRole('link', { name: /\(likely, matched by upload time\)$/ });
const fileOf = (key: string) => key.slice(key.lastIndexOf('/') + 1);
const jobsOf = (service: string) => [...cluster.jobsOf(service).values()];
const shownJobs = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('link')[0]!.textContent ?? '');

describe('the Input and Outputs columns', () => {
  it('show each job’s input, linked into the bucket browser, from one listing per bucket and no job logs', async () => {
    const user = userEvent.setup();
    const requests = countRequests();
    renderJobs('/jobs?service=grayify');
    await screen.findByText(`${jobsOf('grayify').length} jobs`);
    const names = shownJobs();
    expect(names.length).toBeGreaterThan(10);
    expect(names.length).toBeLessThan(jobsOf('grayify').length); // only the rows on screen are rendered
    for (const name of names) {
      const input = cluster.jobsOf('grayify').get(name)!.input!;
      const link = await waitFor(() => inputLink(rowOf(name)) ?? Promise.reject(new Error(`no input for ${name}`)));
      expect(link).toHaveTextContent(fileOf(input.key));
      expect(link).toHaveAttribute('href', objectLink(input));
    }
    // grayify/in and grayify/out are one bucket: listed once, whatever the number of rows; no job's log read.
    expect(requests.get('/system/buckets/grayify')).toBe(1);
    expect([...requests.keys()].filter((p) => p.startsWith('/system/logs/grayify/'))).toEqual([]);

    const first = names[0]!;
    const input = cluster.jobsOf('grayify').get(first)!.input!;
    await user.click(inputLink(rowOf(first))!);
    expect(location()).toBe(`/buckets/grayify/in/?preview=${encodeURIComponent(fileOf(input.key))}`);
  });

  it('count the files a finished job wrote, its namesake named, linked to the job’s page', async () => {
    renderJobs('/jobs?service=grayify');
    await screen.findByText(`${jobsOf('grayify').length} jobs`);
    const name = shownJobs().find((n) => cluster.jobStatus(cluster.jobsOf('grayify').get(n)!) === 'Succeeded')!;
    const input = cluster.jobsOf('grayify').get(name)!.input!;
    const output = fileOf(input.key).replace(/\.[^.]+$/, '.png');
    expect(cluster.getObject('grayify', `out/${output}`)).toBeDefined();
    const link = await within(rowOf(name)).findByRole('link', { name: new RegExp(`^\\d+ files? likely written by job ${name}, first ${output}$`) });
    expect(link).toHaveAttribute('href', `/jobs/grayify/${name}`);
    expect(link.getAttribute('title')).toContain(output);
  });

  it('say when the input is on storage OSCAR cannot list', async () => {
    renderJobs('/jobs?service=rucio-example');
    await screen.findByText(`${jobsOf('rucio-example').length} jobs`);
    const row = rowOf(shownJobs()[0]!);
    const dash = within(row).getByRole('img', { name: 'Input not known: The input is on Rucio storage, which OSCAR cannot list.' });
    expect(dash).toHaveTextContent('—');
    expect(dash).toHaveAttribute('title', 'The input is on Rucio storage, which OSCAR cannot list.');
    expect(inputLink(row)).toBeNull();
  });

  it('say when no upload matches: the job was started by a call', async () => {
    const job = cluster.createJob('simple-test', 'cluster_admin', { at: cluster.now() + 60_000 });
    renderJobs('/jobs?service=simple-test');
    await screen.findByText(`${jobsOf('simple-test').length} jobs`);
    expect(await within(rowOf(job.name)).findByRole('img', { name: /^Input not known: No file in simple-test\/input\/ was uploaded just before the job was created/ })).toBeInTheDocument();
  });

  it('say when the bucket cannot be listed, in the server’s words, and keep the jobs', async () => {
    fault({ method: 'GET', path: '/system/buckets/grayify', status: 403, body: 'Access Denied.' });
    renderJobs('/jobs?service=grayify');
    await screen.findByText(`${jobsOf('grayify').length} jobs`);
    const row = rowOf(shownJobs()[0]!);
    // Input and outputs both: grayify/in and grayify/out are one bucket.
    expect(await within(row).findByRole('img', { name: 'Input not known: Could not list the bucket grayify: Access Denied.' })).toHaveTextContent('—');
    expect(within(row).getByRole('img', { name: 'No output files shown: Could not list the bucket grayify: Access Denied.' })).toBeInTheDocument();
  });

  it('show a placeholder while the bucket is listed', async () => {
    fault({ method: 'GET', path: '/system/buckets/grayify', latency: 1500 });
    renderJobs('/jobs?service=grayify');
    await screen.findByText(`${jobsOf('grayify').length} jobs`);
    const row = rowOf(shownJobs()[0]!);
    expect(within(row).getByRole('img', { name: 'Looking for the input file…' })).toBeInTheDocument();
    expect(await waitFor(() => inputLink(row) ?? Promise.reject(new Error('not yet')))).toBeInTheDocument();
  });

  it('say when the bucket holds more than the list reads', async () => {
    // A bucket whose pages never end: the listing stops at its cap.
    let pages = 0;
    server.use(
      http.get(`${BASE}/system/buckets/grayify`, () => {
        pages++;
        return HttpResponse.json({ objects: [{ object_name: `zz/${pages}.bin`, size_bytes: 1, last_modified: '2020-01-01T00:00:00Z' }], is_truncated: true, next_page: `p${pages}`, returned_items: 1 });
      }),
    );
    renderJobs('/jobs?service=grayify');
    await screen.findByText(`${jobsOf('grayify').length} jobs`);
    const row = rowOf(shownJobs()[0]!);
    expect(await within(row).findByRole('img', { name: 'Input not known: grayify holds more objects than the list reads; only its first 20 were checked.' })).toBeInTheDocument();
    expect(pages).toBe(20);
  });

  it('let the text filter match an input file name, also of jobs not on screen', async () => {
    const user = userEvent.setup();
    renderJobs('/jobs?service=grayify');
    const total = jobsOf('grayify').length;
    await screen.findByText(`${total} jobs`);
    const shown = new Set(shownJobs());
    const hidden = jobsOf('grayify').find((j) => !shown.has(j.name) && j.input)!;
    const file = fileOf(hidden.input!.key);
    await user.type(screen.getByRole('searchbox', { name: 'Filter jobs' }), file);
    await waitFor(() => expect(shownJobs()).toEqual([hidden.name]));
    expect(screen.getByText(`1 of ${total} jobs`)).toBeInTheDocument();
    expect(inputLink(rowOf(hidden.name))).toHaveTextContent(file);
  });

  it('list the bucket again for a job newer than its listing', async () => {
    const user = userEvent.setup();
    // The cluster's clock is the browser's here: a job created after the listing began is newer than it.
    const start = Date.now();
    useCluster(createTestCluster({ start }));
    const requests = countRequests();
    renderJobs('/jobs?service=grayify');
    await screen.findByText(`${jobsOf('grayify').length} jobs`);
    await waitFor(() => expect(inputLink(rowOf(shownJobs()[0]!))).not.toBeNull());
    expect(requests.get('/system/buckets/grayify')).toBe(1);
    // No auto-refresh from here on: on a slow machine one came before the check below and listed the
    // bucket a third time (the new job stays newer than any listing). "Refresh now" is the one asked for.
    await user.click(screen.getByRole('button', { name: 'Pause auto-refresh' }));

    // Past the browser's present, however long the page took to list the bucket on a slow machine.
    cluster.advance(Date.now() - start + 30_000);
    const key = 'in/new-upload.jpg';
    cluster.putObject('grayify', { key, size: 1000, contentType: 'image/jpeg' }, { trigger: false });
    const job = cluster.createJob('grayify', 'cluster_admin', { input: { bucket: 'grayify', key } });
    await user.click(screen.getByRole('button', { name: 'Refresh now' }));
    const link = await waitFor(() => inputLink(rowOf(job.name)) ?? Promise.reject(new Error('not yet')));
    expect(link).toHaveTextContent('new-upload.jpg');
    expect(requests.get('/system/buckets/grayify')).toBe(2);
  });
});
