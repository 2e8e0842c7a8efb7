import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { focusManager } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import type { StatusInfo } from '../../../api/types';
import { serveDuringTests } from '../../../test/msw';
import { renderWithQueryClient } from '../../../test/render';
import { TEST_ENDPOINT as BASE, signIn } from '../../../test/session';
import { STATUS_REFRESH_MS } from '../api/queries';
import { Component as StatusRoute } from './status-route';

const GiB = 1024 ** 3;
let status: StatusInfo;
let calls = 0;
let failWith: Response | null = null;
let executions: () => Response = () => HttpResponse.json({ logs: [] });
serveDuringTests(
  http.get(`${BASE}/system/status`, () => {
    calls++;
    return failWith ?? HttpResponse.json(status);
  }),
  // OSCAR's log of calls to services: JSON, unlike the spec's text (NOTES.md).
  http.get(`${BASE}/system/logs/`, () => executions()),
);

const logged = (minutesAgo: number, path: string, status: number, latency: string) => ({
  timestamp: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  status,
  latency,
  client_ip: '10.42.0.1',
  method: 'POST',
  path,
  user: 'oscar',
  raw: `[GIN-EXECUTIONS-LOGGER] ${status} | ${latency} | POST ${path}`,
});

function sample(): StatusInfo {
  return {
    cluster: {
      nodes_count: 2,
      metrics: {
        cpu: {
          total_free_cores: 6,
          max_free_on_node_cores: 6,
          total_schedulable_cores: 16,
          total_schedulable_on_node_cores: 16,
        },
        memory: {
          total_free_bytes: 40 * GiB,
          max_free_on_node_bytes: 40 * GiB,
          total_schedulable_bytes: 64 * GiB,
          max_schedulable_on_node_bytes: 64 * GiB,
        },
        gpu: { total_gpu: 5 },
      },
      nodes: [
        {
          name: 'wn-01',
          status: 'Ready',
          gpu: 1,
          cpu: { capacity_cores: 16, request_cores: 10, usage_cores: 7 },
          memory: { capacity_bytes: 64 * GiB, request_bytes: 24 * GiB, usage_bytes: 20 * GiB },
          conditions: [
            { type: 'Ready', status: true },
            { type: 'MemoryPressure', status: true },
          ],
        },
        {
          name: 'vega-vk',
          status: 'Ready',
          is_interlink: true,
          gpu: 4,
          cpu: { capacity_cores: 128, request_cores: 0 },
          memory: { capacity_bytes: 256 * GiB, request_bytes: 0 },
        },
        {
          name: 'wn-02',
          status: 'NotReady',
          cpu: { capacity_cores: 0 },
          conditions: [{ type: 'Ready', status: false }],
        },
      ],
    },
    oscar: {
      deployment_name: 'oscar',
      ready: true,
      jobs_count: 12,
      pods: { total: 14, states: { Succeeded: 9, Running: 3, Failed: 2 } },
      deployment: {
        replicas: 2,
        ready_replicas: 1,
        available_replicas: 1,
        strategy: 'RollingUpdate',
        creation_timestamp: '2025-01-02T00:00:00Z',
      },
      oidc: { enabled: true, issuers: ['https://aai.egi.eu/auth/realms/egi'], groups: ['vo.ai4eosc.eu'] },
    },
    minio: { buckets_count: 7, total_objects: 1234 },
  };
}

beforeEach(() => {
  status = sample();
  executions = () => HttpResponse.json({ logs: [] });
  calls = 0;
  failWith = null;
  signIn();
});
afterEach(() => {
  vi.useRealTimers();
  focusManager.setFocused(undefined);
});

function renderStatus() {
  renderWithQueryClient(<StatusRoute />);
}

describe('calls to services (the administrator’s usage chart)', () => {
  it('counts the calls OSCAR logged, failures apart, and per service with their latencies', async () => {
    executions = () =>
      HttpResponse.json({
        logs: [
          logged(50, '/run/cowsay', 200, '12ms'),
          logged(40, '/run/cowsay', 200, '30ms'),
          logged(30, '/run/cowsay', 500, '1.5s'),
          logged(20, '/job/fish-detector', 201, '850µs'),
          { timestamp: 'not a time', status: 200 },
        ],
      });
    renderStatus();
    const panel = await screen.findByRole('region', { name: 'Calls to services' });
    expect(await within(panel).findByTestId('executions-summary')).toHaveTextContent(
      /^4 calls since .+, 1 failed \(1 log entries without a readable time left out\)\.$/,
    );
    expect(within(panel).getByRole('figure', { name: 'Calls per period' })).toBeInTheDocument();
    const cowsay = within(panel).getByRole('row', { name: /^cowsay/ });
    expect(within(cowsay).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '1', '30 ms', '1.50 s']);
    const fish = within(panel).getByRole('row', { name: /^fish-detector/ });
    expect(within(fish).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '850 µs', '850 µs']);
  });

  it('tells a user who is not the administrator why there is no chart, instead of an error', async () => {
    executions = () => new HttpResponse('OIDC tokens are not allowed for system logs', { status: 403 });
    renderStatus();
    const panel = await screen.findByRole('region', { name: 'Calls to services' });
    expect(await within(panel).findByText(/Only the cluster’s administrator/)).toBeInTheDocument();
    expect(within(panel).queryByRole('alert')).toBeNull();
  });

  it('shows the server’s words when the log cannot be read for another reason', async () => {
    executions = () => new HttpResponse('the manager is restarting', { status: 503 });
    renderStatus();
    const panel = await screen.findByRole('region', { name: 'Calls to services' });
    expect(await within(panel).findByRole('alert')).toHaveTextContent('the manager is restarting');
  });
});

describe('the cluster status page', () => {
  it('shows each node’s CPU and memory as bars with the figures in words', async () => {
    renderStatus();
    const node = await screen.findByRole('listitem', { name: 'wn-01' });
    const cpu = within(node).getByRole('meter', { name: 'CPU requested' });
    expect(cpu).toHaveAttribute('aria-valuenow', '63');
    expect(cpu).toHaveAttribute('aria-valuetext', '10 cores of 16 cores requested (63%), 7 cores in use');
    expect(node).toHaveTextContent('24 GiB of 64 GiB requested (38%), 20 GiB in use');
    expect(node).toHaveTextContent('1 on this node (use not reported)');
    // Conditions say yes/no in words; a pressure that is on is marked as a problem.
    expect(within(node).getByText(/MemoryPressure: yes/)).toHaveTextContent('!');
    expect(within(node).getByText(/Ready: yes/)).toHaveTextContent('✓');
  });

  it('marks interLink nodes and nodes that are not ready', async () => {
    renderStatus();
    const vk = await screen.findByRole('listitem', { name: 'vega-vk' });
    expect(vk).toHaveTextContent('interLink virtual node');
    expect(vk).toHaveTextContent('4 on this node');
    const down = screen.getByRole('listitem', { name: 'wn-02' });
    expect(down).toHaveTextContent('NotReady');
    expect(within(down).getByRole('meter', { name: 'Memory requested' })).toHaveAttribute(
      'aria-valuetext',
      'Memory: capacity not reported',
    );
    expect(
      within(screen.getByRole('list', { name: 'Nodes' })).getAllByRole('listitem', { name: /./ }),
    ).toHaveLength(3);
  });

  it('shows the cluster totals, OSCAR and MinIO', async () => {
    renderStatus();
    const cluster = await screen.findByRole('region', { name: 'Cluster' });
    expect(within(cluster).getByRole('meter', { name: 'CPU requested' })).toHaveAttribute(
      'aria-valuetext',
      '10 cores of 16 cores requested (63%)',
    );
    expect(cluster).toHaveTextContent('6 cores free; at most 6 cores free on one node.');
    expect(cluster).toHaveTextContent('GPUs: 5 in the cluster');
    const oscar = screen.getByRole('region', { name: 'OSCAR' });
    expect(oscar).toHaveTextContent('Ready');
    expect(oscar).toHaveTextContent('Replicas1 ready, 1 available, of 2');
    expect(oscar).toHaveTextContent('OIDC issuershttps://aai.egi.eu/auth/realms/egi');
    expect(within(oscar).getByRole('list', { name: 'Pods by state' }).textContent).toBe(
      'Running3Succeeded9Failed2',
    );
    const minio = screen.getByRole('region', { name: 'MinIO storage' });
    expect(minio).toHaveTextContent('Buckets7');
    expect(minio).toHaveTextContent('Objects1,234');
  });

  it('shows the server’s words when the status cannot be read', async () => {
    failWith = new HttpResponse('could not list nodes: forbidden', { status: 500 });
    renderStatus();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the cluster status (HTTP 500)');
    expect(alert).toHaveTextContent('could not list nodes: forbidden');
  });

  it('copes with a cluster that reports nothing', async () => {
    status = {};
    renderStatus();
    expect(await screen.findByText('No nodes reported')).toBeInTheDocument();
    expect(screen.getByText('The cluster did not report OSCAR’s state.')).toBeInTheDocument();
  });

  it('refreshes while the tab is visible and pauses while it is hidden', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderStatus();
    await screen.findByRole('listitem', { name: 'wn-01' });
    expect(calls).toBe(1);
    status.cluster!.nodes![0]!.cpu!.request_cores = 12;
    await act(() => vi.advanceTimersByTimeAsync(STATUS_REFRESH_MS + 100));
    // The refresh is due: wait for its request to reach the cluster (a few awaits in MSW).
    await waitFor(() => expect(calls).toBe(2));
    expect(await screen.findByText(/12 cores of 16 cores requested/)).toBeInTheDocument();
    act(() => focusManager.setFocused(false));
    await act(() => vi.advanceTimersByTimeAsync(3 * STATUS_REFRESH_MS));
    expect(calls).toBe(2);
  });
});
