// The New dialog's fields, checked before the template is fetched: every problem at its field, in words.
import { cpuProblem, memoryProblem, serviceNameProblem } from '../../../lib/fdl/service-schema';
import type { AppDef } from './apps';
import type { AppChoices, Storage } from './fill';

export interface AppForm {
  name: string;
  cpu: string;
  memoryAmount: string;
  memoryUnit: 'Mi' | 'Gi';
  vo: string;
  storageKind: 'bucket' | 'volume';
  bucket: string;
  volume: string;
  flavour: 'minimal' | 'full';
  adminPassword: string;
  credentialSecret: string;
  useRefreshToken: boolean;
}

export type FormField = 'name' | 'cpu' | 'memory' | 'vo' | 'storage' | 'adminPassword';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Problems by field (empty when the form can go on), and the choices for fillTemplate when it can. */
export function checkForm(
  app: AppDef,
  f: AppForm,
  extra: { voRequired: boolean; jupyterToken: string; credentialSecret: string; refreshToken?: string | undefined; endpoint: string },
): { errors: Partial<Record<FormField, string>>; choices?: AppChoices } {
  const errors: Partial<Record<FormField, string>> = {};
  const name = serviceNameProblem(f.name);
  if (name) errors.name = cap(name) + '.';
  const cpu = f.cpu.trim() === '' ? 'Give the number of CPU cores, such as 1 or 0.5.' : cpuProblem(f.cpu.trim(), 'CPU');
  if (cpu) errors.cpu = cpu.endsWith('.') ? cpu : cap(cpu) + '.';
  const memory = `${f.memoryAmount.trim()}${f.memoryUnit}`;
  const mem = f.memoryAmount.trim() === '' ? 'Give the memory, such as 2 Gi.' : memoryProblem(memory, 'Memory');
  if (mem) errors.memory = mem.endsWith('.') ? mem : cap(mem) + '.';
  if (extra.voRequired && !f.vo) errors.vo = 'Choose the VO the service is created for.';
  let storage: Storage | undefined;
  if (f.storageKind === 'bucket') {
    const b = f.bucket.trim().replace(/^\/+|\/+$/g, '');
    if (!b) errors.storage = 'Name the bucket to keep the files in (a new one is created).';
    else if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(b.split('/')[0] ?? '')) errors.storage = `Bucket "${b}" is not a valid bucket name: 3 to 63 lowercase letters, digits, dots and hyphens.`;
    else storage = { kind: 'bucket', bucket: b };
  } else if (!f.volume) errors.storage = 'Choose a volume.';
  else storage = { kind: 'volume', volume: f.volume };
  if (app.id === 'flows' && f.adminPassword.length < 8) errors.adminPassword = 'Choose an admin password of at least 8 characters: Node-RED asks for it.';
  if (Object.keys(errors).length || !storage) return { errors };
  const choices: AppChoices = { name: f.name, cpu: f.cpu.trim(), memory, storage, ...(f.vo ? { vo: f.vo } : {}) };
  if (app.id === 'notebooks') Object.assign(choices, { flavour: f.flavour, jupyterToken: extra.jupyterToken, endpoint: extra.endpoint });
  if (app.id === 'flows') Object.assign(choices, { adminPassword: f.adminPassword, credentialSecret: f.credentialSecret || extra.credentialSecret });
  if (app.id === 'terminals' && f.useRefreshToken && extra.refreshToken) choices.refreshToken = extra.refreshToken;
  return { errors, choices };
}
