import { describe, expect, it } from 'vitest';
import { appById, isAppService, type AppDef } from './apps';
import { fillTemplate, type AppChoices } from './fill';
import { readTemplate } from './template';
import { appTemplateFile } from '../../../../mocks/handlers/catalog-apps';
import { validateService } from '../../../lib/fdl/service-schema';

// The copies the demo serves (mocks/catalog/apps), as the raw GitHub files.
const copy = (folder: string, fdl: string) =>
  readTemplate(appTemplateFile(`oscar-${folder}`, fdl)!, appTemplateFile(`oscar-${folder}`, 'script.sh')!, `https://x/${fdl}`);
const app = (id: string) => appById(id) as AppDef;
const base: AppChoices = { name: 'my-app', cpu: '2', memory: '4Gi', vo: 'vo.ai4eosc.eu', storage: { kind: 'bucket', bucket: 'my-home' } };

describe('fillTemplate, over the published templates', () => {
  it('JUNO: label, image flavour, the exposed base URL, the token as a variable (not the template’s secret), the bucket mounted', () => {
    const template = copy('juno', 'juno.yaml');
    expect(template.service.environment?.secrets?.JUPYTER_TOKEN).toBe('junoroot');
    const { service: s, scriptFileName } = fillTemplate(app('notebooks'), template, { ...base, flavour: 'full', jupyterToken: 'T'.repeat(128), endpoint: 'https://oscar.example.org' });
    expect(scriptFileName).toBe('script.sh');
    expect(s).toMatchObject({ name: 'my-app', cpu: '2', memory: '4Gi', vo: 'vo.ai4eosc.eu', image: 'ghcr.io/grycap/juno:full', labels: { jupyter_notebook: 'true' } });
    expect(s.environment?.variables).toMatchObject({
      JHUB_BASE_URL: '/system/services/my-app/exposed',
      JUPYTER_DIRECTORY: '/mnt/my-home',
      OSCAR_ENDPOINT: 'https://oscar.example.org',
      JUPYTER_TOKEN: 'T'.repeat(128),
    });
    expect(s.environment?.secrets).toBeUndefined();
    expect(s.mount).toEqual({ storage_provider: 'minio.default', path: 'my-home' });
    expect(s.expose?.api_port).toEqual([8888]);
    expect(s.script).toContain('jupyter lab');
    expect(isAppService(app('notebooks'), s)).toBe(true);
    expect(validateService(s)).toEqual([]);
    // The template given is left as published, for the review's left side.
    expect(template.service.name).toBe('juno');
  });

  it('Flows: the admin password and credentials secret as secrets, Node-RED under the exposed path', () => {
    const { service: s } = fillTemplate(app('flows'), copy('flows', 'flows.yaml'), { ...base, adminPassword: 'correct horse', credentialSecret: 'c'.repeat(32) });
    expect(s.labels).toEqual({ node_red: 'true' });
    expect(s.environment?.secrets).toEqual({ PASSWORD: 'correct horse', SECRET: 'c'.repeat(32) });
    expect(s.environment?.variables).toMatchObject({ NODE_RED_BASE_URL: '/system/services/my-app/exposed', NODE_RED_DIRECTORY: '/mnt/my-home' });
    expect(validateService(s)).toEqual([]);
  });

  it('Terminal: the refresh token when there is one, and none of the template’s "change-me" when there is not', () => {
    const template = copy('terminal', 'fdl.yml');
    const withToken = fillTemplate(app('terminals'), template, { ...base, refreshToken: 'rt-123' }).service;
    expect(withToken.environment?.secrets).toEqual({ OSCAR_OIDC_REFRESH_TOKEN: 'rt-123' });
    expect(withToken.environment?.variables).toMatchObject({ SERVICE_NAME: 'my-app', BASE_PATH: '/system/services/my-app/exposed', WORKSPACE_DIR: '/mnt/my-home' });
    expect(withToken.expose?.health_path).toBe('/healthz');
    const without = fillTemplate(app('terminals'), template, base).service;
    expect(without.environment?.secrets).toBeUndefined();
    expect(without.labels).toEqual({ terminal: 'true' });
  });

  it('File browser: a volume instead of a bucket, the source path following it, the template’s placeholder volume gone', () => {
    const template = copy('filebrowser', 'fdl.yml');
    expect(template.service.volume?.name).toBe('your-volume-name');
    const { service: s } = fillTemplate(app('file-browsers'), template, { ...base, storage: { kind: 'volume', volume: 'shared-datasets' } });
    expect(s.volume).toEqual({ name: 'shared-datasets', mount_path: '/mnt/volumes/shared-datasets' });
    expect(s.mount).toBeUndefined();
    expect(s.environment?.variables).toMatchObject({ FILEBROWSER_SOURCE_PATH: '/mnt/volumes/shared-datasets', FILEBROWSER_JWT_SUB: 'user' });
    expect(s.labels).toEqual({ filebrowser: 'true' });
    // A bucket instead: mounted, and no volume left over.
    const bucket = fillTemplate(app('file-browsers'), template, base).service;
    expect(bucket.volume).toBeUndefined();
    expect(bucket.mount?.path).toBe('my-home');
    expect(validateService(bucket)).toEqual([]);
  });
});
