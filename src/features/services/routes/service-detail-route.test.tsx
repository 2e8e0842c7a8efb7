import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { Service } from '../../../api/types';
import { fish } from '../test/fixtures';
import { serveDuringTests } from '../../../test/msw';
import { TEST_ENDPOINT as BASE, signIn } from '../../../test/session';
import { renderServices } from '../test/helpers';

const TOKEN = 'f3a9c1d2e4b5a6978899aabbccddeeff00112233445566778899aabbccddeeff';

const rich = {
  ...fish,
  token: TOKEN,
  script: '#!/bin/bash\necho "Fish in $INPUT_FILE_PATH"\npython detect.py "$INPUT_FILE_PATH" "$TMP_OUTPUT_DIR"\n',
  enable_gpu: true,
  environment: { variables: { MODEL: 'yolov8', THRESHOLD: '0.4' }, secrets: { HF_TOKEN: '' } },
  storage_providers: {
    minio: { default: { endpoint: 'https://minio.oscar.test', region: 'us-east-1', access_key: 'hidden', secret_key: 'hidden', verify: true } },
    s3: { aws: { access_key: 'AKIAEXAMPLEKEY', secret_key: 'aws-secret-value-123', region: 'eu-west-1' } },
    webdav: { dcache: { hostname: 'dcache.example.org', login: 'scientist', password: 'webdav-pass-456' } },
  },
  mount: { storage_provider: 'webdav.dcache', path: 'shared/models' },
  expose: { api_port: [8080], min_scale: 1, max_scale: 3, cpu_threshold: 80, auth_type: 'basic', health_path: '/health', probe_mode: 'legacy', rewrite_target: false },
  synchronous: { min_scale: 0, max_scale: 5 },
  federation: { delegation: 'static', topology: 'star', members: [{ type: 'oscar', cluster_id: 'oscar-eu', service_name: 'fish-eu', priority: 0 }] },
  clusters: { 'oscar-eu': { endpoint: 'https://eu.oscar.test', auth_user: 'oscar', auth_password: 'cluster-pass-789', ssl_verify: true } },
  labels: { team: 'marine' },
  annotations: { 'example.org/owner': 'lab-7' },
  image_pull_secrets: ['ghcr-login'],
  total_cpu: '4',
  // A field newer than this dashboard: it must still be shown.
  future_field: { alpha: 1 },
} as Service;

serveDuringTests(
  http.get('*/config.json', () => HttpResponse.json({})),
  http.get(`${BASE}/system/services/:name/deployment`, ({ params }) =>
    params.name === rich.name
      ? HttpResponse.json({ service_name: rich.name, state: 'pending', active_instances: 0, resource_kind: 'Deployment', reason: 'Pulling the image' })
      : new HttpResponse('not found', { status: 404 }),
  ),
  http.get(`${BASE}/system/services/:name`, ({ params }) =>
    params.name === rich.name ? HttpResponse.json(rich) : new HttpResponse(`service "${String(params.name)}" not found`, { status: 404 }),
  ),
);
beforeEach(() => signIn());

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('the service detail page', () => {
  it('shows every group of fields, including ones it does not know', async () => {
    renderServices('/services/fish-detector');
    await screen.findByRole('region', { name: 'Basics' });
    expect(screen.getByRole('heading', { level: 1, name: 'fish-detector' })).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Basics',
      'Script',
      'Service token',
      'Environment',
      'Inputs and outputs',
      'Storage providers',
      'Exposed service',
      'Synchronous settings',
      'Federation and replicas',
      'Replica clusters',
      'Labels and annotations',
      'Image pull secrets',
      'Other settings',
    ]);
    expect(screen.getByText(/Not used by this service: KServe, Volume/)).toBeInTheDocument();

    const basics = section('Basics');
    expect(basics).toHaveTextContent('ghcr.io/grycap/fish-detector-zip:1.0.0');
    expect(basics).toHaveTextContent('GPURequested');
    expect(basics).toHaveTextContent('Log levelDEBUG');
    expect(basics).toHaveTextContent('Public: every user');
    expect(basics).toHaveTextContent('CPU for all jobs together4');
    // The state comes from the deployment endpoint, which GET /{name} does not include.
    expect(await within(basics).findByText('pending')).toBeInTheDocument();
    expect(basics).toHaveTextContent('ReasonPulling the image');
    expect(basics).toHaveTextContent('Runs asDeployment');

    expect(section('Environment')).toHaveTextContent('MODELyolov8');
    expect(section('Environment')).toHaveTextContent('HF_TOKEN secretSet (the cluster never shows its value)');
    expect(section('Exposed service')).toHaveTextContent('API port8080');
    expect(section('Federation and replicas')).toHaveTextContent('Cluster IDoscar-eu');
    expect(section('Replica clusters')).toHaveTextContent('oscar-euEndpointhttps://eu.oscar.test');
    expect(section('Labels and annotations')).toHaveTextContent('team = marine');
    expect(section('Image pull secrets')).toHaveTextContent('ghcr-login');
    expect(section('Other settings')).toHaveTextContent('Future field (future_field)Alpha1');
    expect(within(section('Inputs and outputs')).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'RoleStoragePathFiles',
      'Inputminio.defaultfish/inputends with .zip',
      'Outputminio.defaultfish/outputAll files',
      'Mountedwebdav.dcacheshared/modelsAll files',
    ]);
  });

  it('links to the buckets, the jobs, the editor and back to the list', async () => {
    renderServices('/services/fish-detector');
    await screen.findByRole('region', { name: 'Basics' });
    // Only MinIO paths are buckets on the cluster; the WebDAV mount is not.
    expect(within(section('Inputs and outputs')).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual(['/buckets/fish']);
    expect(screen.getByRole('link', { name: 'Jobs' })).toHaveAttribute('href', '/jobs?service=fish-detector');
    expect(screen.getByRole('link', { name: 'Batch run' })).toHaveAttribute('href', '/services/fish-detector/batch');
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/services/fish-detector/edit');
    expect(screen.getByRole('link', { name: 'Invoke' })).toHaveAttribute('href', '/services/fish-detector/invoke');
    // "Upload input" opens the folder of the first MinIO input path, where a new file starts a job.
    expect(screen.getByRole('link', { name: 'Upload input' })).toHaveAttribute('href', '/buckets/fish/input/');
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getByRole('link', { name: 'Services' })).toHaveAttribute('href', '/services');
    // Opening waits for the service to answer (open-exposed-dialog.test.tsx); the address is shown beside it.
    expect(screen.getByRole('button', { name: 'Open the exposed service' })).toBeEnabled();
    expect(screen.getByText(`${BASE}/system/services/fish-detector/exposed/`)).toBeInTheDocument();
  });

  it('shows the script with line numbers that screen readers skip', async () => {
    renderServices('/services/fish-detector');
    const code = await screen.findByRole('region', { name: 'Script source' });
    expect(code).toHaveAttribute('tabindex', '0');
    const lines = code.querySelectorAll('code > span');
    expect(lines).toHaveLength(3);
    expect(lines[1]?.querySelector('[aria-hidden="true"]')?.textContent).toBe('2');
    expect(lines[1]?.textContent).toBe('2echo "Fish in $INPUT_FILE_PATH"');
  });

  it('hides the token until revealed, and copies it', async () => {
    const user = userEvent.setup();
    renderServices('/services/fish-detector');
    const token = await screen.findByRole('region', { name: 'Service token' });
    expect(token).not.toHaveTextContent(TOKEN);
    await user.click(within(token).getByRole('button', { name: 'Reveal service token' }));
    expect(token).toHaveTextContent(TOKEN);
    await user.click(within(token).getByRole('button', { name: 'Hide service token' }));
    expect(token).not.toHaveTextContent(TOKEN);

    await user.click(within(token).getByRole('button', { name: 'Copy service token' }));
    expect(await navigator.clipboard.readText()).toBe(TOKEN);
    expect(within(token).getByRole('status')).toHaveTextContent('service token copied to the clipboard');
  });

  it('masks storage and cluster credentials until revealed', async () => {
    const user = userEvent.setup();
    renderServices('/services/fish-detector');
    const storage = await screen.findByRole('region', { name: 'Storage providers' });
    for (const secret of ['aws-secret-value-123', 'AKIAEXAMPLEKEY', 'webdav-pass-456', 'cluster-pass-789']) {
      expect(document.body).not.toHaveTextContent(secret);
    }
    // The default MinIO keys come back as "hidden": nothing to reveal.
    expect(within(storage).getAllByText('Hidden by the cluster')).toHaveLength(2);
    expect(storage).toHaveTextContent('scientist');
    await user.click(within(storage).getAllByRole('button', { name: 'Reveal Secret key' })[0]!);
    expect(storage).toHaveTextContent('aws-secret-value-123');
    await user.click(within(section('Replica clusters')).getByRole('button', { name: 'Reveal Auth password' }));
    expect(section('Replica clusters')).toHaveTextContent('cluster-pass-789');
  });

  it('says clearly when there is no such service', async () => {
    renderServices('/services/ghost');
    expect(await screen.findByRole('heading', { name: 'No service named ghost' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to services' })).toHaveAttribute('href', '/services');
  });
});
