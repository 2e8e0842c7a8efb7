// Filling an app's template with the user's choices, as the OSCAR Dashboard's forms do (PARITY A1–A4):
// name, resources, VO, the app's label, storage (a bucket mounted, or a volume), the paths the app must
// know its exposed address by, and the app's own secrets. Pure: the New dialog calls it, the editor
// then shows the result beside the template for review.
import type { Service } from '../../../api/types';
import type { PrefillValue } from '../../../lib/service-prefill/prefill';
import type { AppDef } from './apps';

export type Storage = { kind: 'bucket'; bucket: string } | { kind: 'volume'; volume: string; size?: string };

export interface AppChoices {
  name: string;
  cpu: string;
  /** With its unit, "2Gi". */
  memory: string;
  vo?: string;
  storage: Storage;
  /** The OSCAR endpoint the app's tools talk to (JUNO's OSCAR_ENDPOINT). */
  endpoint?: string;
  /** JUNO */
  flavour?: 'minimal' | 'full';
  jupyterToken?: string;
  /** Flows */
  adminPassword?: string;
  /** Flows' credentials secret (the dashboard's SECRET), random when the user leaves it. */
  credentialSecret?: string;
  /** Terminal */
  refreshToken?: string;
}

export const JUNO_IMAGES = {
  minimal: 'Minimal: JupyterLab with the OSCAR tutorial notebooks',
  full: 'Full: with Elyra and ApricotLab',
} as const;

const exposedPath = (name: string) => `/system/services/${name}/exposed`;

/** Where the storage appears inside the container. */
export function storagePath(storage: Storage): string {
  return storage.kind === 'volume' ? `/mnt/volumes/${storage.volume}` : `/mnt/${storage.bucket}`;
}

function withStorage(svc: Service, storage: Storage): Service {
  const { mount: _mount, volume: _volume, ...rest } = svc;
  if (storage.kind === 'bucket') {
    return { ...rest, mount: { storage_provider: svc.mount?.storage_provider ?? 'minio.default', path: storage.bucket } };
  }
  return { ...rest, volume: { name: storage.volume, mount_path: storagePath(storage), ...(storage.size ? { size: storage.size } : {}) } };
}

/** The template with the user's choices applied; the template itself is not changed. */
export function fillTemplate(app: AppDef, template: PrefillValue, c: AppChoices): PrefillValue {
  const t = structuredClone(template.service);
  const variables: Record<string, string> = { ...(t.environment?.variables ?? {}) };
  const secrets: Record<string, string> = { ...(t.environment?.secrets ?? {}) } as Record<string, string>;
  let svc: Service = {
    ...t,
    name: c.name,
    cpu: c.cpu,
    memory: c.memory,
    labels: { ...(t.labels ?? {}), [app.label]: 'true' },
  };
  if (c.vo) svc.vo = c.vo;
  else delete svc.vo;
  svc = withStorage(svc, c.storage);
  const workdir = storagePath(c.storage);

  switch (app.id) {
    case 'notebooks': {
      if (c.flavour) svc.image = `${(t.image ?? 'ghcr.io/grycap/juno').split(':')[0]}:${c.flavour}`;
      variables.JHUB_BASE_URL = exposedPath(c.name);
      variables.JUPYTER_DIRECTORY = workdir;
      if (c.endpoint) variables.OSCAR_ENDPOINT = c.endpoint;
      // A variable, not a secret, as the dashboard does: OSCAR blanks secrets when it answers, and
      // opening the notebook needs the token back. The template's placeholder secret goes.
      if (c.jupyterToken) variables.JUPYTER_TOKEN = c.jupyterToken;
      delete secrets.JUPYTER_TOKEN;
      break;
    }
    case 'flows':
      variables.NODE_RED_BASE_URL = exposedPath(c.name);
      variables.NODE_RED_DIRECTORY = workdir;
      if (c.adminPassword !== undefined) secrets.PASSWORD = c.adminPassword;
      if (c.credentialSecret) secrets.SECRET = c.credentialSecret;
      break;
    case 'terminals':
      variables.SERVICE_NAME = c.name;
      variables.BASE_PATH = exposedPath(c.name);
      variables.WORKSPACE_DIR = workdir;
      if (c.refreshToken) secrets.OSCAR_OIDC_REFRESH_TOKEN = c.refreshToken;
      else delete secrets.OSCAR_OIDC_REFRESH_TOKEN;
      break;
    case 'file-browsers':
      variables.FILEBROWSER_SOURCE_PATH = workdir;
      variables.FILEBROWSER_JWT_SUB ||= 'user';
      break;
  }
  svc.environment = {
    ...(t.environment ?? {}),
    variables,
    ...(Object.keys(secrets).length ? { secrets } : {}),
  };
  if (!Object.keys(secrets).length) delete (svc.environment as { secrets?: unknown }).secrets;
  return { service: svc, scriptFileName: template.scriptFileName };
}
