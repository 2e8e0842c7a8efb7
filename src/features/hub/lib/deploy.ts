// Deploying a crate: its FDL and script read with lib/fdl (the one FDL reader), the user's choices
// (name, resources, the KServe model server's resources, secrets, bucket, volume, VO) applied to the
// service, and the result handed to the editor for review (lib/service-prefill) before anything is created.
import type { Service } from '../../../api/types';
import { fdlServiceToApi, formatFdlIssue, parseFdl } from '../../../lib/fdl/fdl';
import { cpuProblem, memoryProblem, serviceNameProblem } from '../../../lib/fdl/service-schema';
import type { PrefillValue } from '../../../lib/service-prefill/prefill';

export interface CrateTemplate {
  /** The service as published (the FDL's first service, its script inlined). */
  value: PrefillValue;
  /** Secret names the FDL declares (their published values are placeholders, never shown). */
  secrets: string[];
  /** The bucket its MinIO input/output paths use, when it has any. */
  bucket: string | null;
  /** The KServe model server's resources as published (`kserve.cpu`, `kserve.memory`, `kserve.enable_gpu`), when the FDL runs one. */
  kserve: KserveResources | null;
}

/** A KServe model server's resources: separate from the OSCAR service's own `cpu` and `memory`. Empty means OSCAR's default. */
export interface KserveResources {
  cpu: string;
  memory: string;
  gpu: boolean;
}

/** What OSCAR gives a KServe model server whose FDL names no amount (types.Kserve in the API). */
export const KSERVE_DEFAULTS = { cpu: '0.2', memory: '256Mi' } as const;

export type TemplateReading = { ok: true; template: CrateTemplate } | { ok: false; reason: string };

export interface DeployChoices {
  name: string;
  cpu: string;
  memory: string;
  secrets: Record<string, string>;
  /** The bucket for the input and output paths (when the FDL has any). */
  bucket?: string;
  /** A managed volume to mount, or none. */
  volume?: { name: string; mountPath: string } | null;
  vo?: string;
  /** The KServe model server's resources (when the crate runs one). */
  kserve?: KserveResources;
}

export type ChoiceField = 'name' | 'cpu' | 'memory' | 'bucket' | 'volume' | 'kserve.cpu' | 'kserve.memory' | `secret:${string}`;

const isMinio = (io: { storage_provider?: string }) => !io.storage_provider || /^minio(\.|$)/.test(io.storage_provider);

function firstSegment(path: string | undefined): string | null {
  const seg = (path ?? '').replace(/^\/+/, '').split('/')[0];
  return seg ? seg : null;
}

/** The crate's service as published, or why the FDL cannot be used. */
export function readTemplate(fdlText: string, scriptText: string | null, scriptPath?: string): TemplateReading {
  const parsed = parseFdl(fdlText);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return { ok: false, reason: `Its FDL cannot be read${first ? `: ${formatFdlIssue(first)}` : ''}.` };
  }
  const entry = parsed.services[0];
  if (!entry) return { ok: false, reason: 'Its FDL defines no service.' };
  const ref = typeof entry.service.script === 'string' && !entry.service.script.includes('\n') ? entry.service.script : null;
  const scripts: Record<string, string> = {};
  if (ref && scriptText !== null) {
    scripts[ref] = scriptText;
    if (scriptPath) scripts[scriptPath] = scriptText;
  }
  const service = fdlServiceToApi(entry, { scripts, storageProviders: parsed.fdl.storage_providers, clusters: parsed.fdl.clusters });
  // A script the crate does not ship is left for the user to add in the editor, not sent as a path.
  if (ref && scriptText === null) service.script = '';
  const secrets = Object.keys(service.environment?.secrets ?? {});
  const io = [...(service.input ?? []), ...(service.output ?? [])].filter(isMinio);
  const bucket = io.map((x) => firstSegment(x.path)).find((b) => b) ?? null;
  const k = service.kserve;
  const kserve = k ? { cpu: k.cpu ?? '', memory: k.memory ?? '', gpu: k.enable_gpu === true } : null;
  return { ok: true, template: { value: { service, scriptFileName: ref ?? 'script.sh' }, secrets, bucket, kserve } };
}

/** Why each choice would be refused, by field; empty when all can be applied. */
export function choiceProblems(choices: DeployChoices, template: CrateTemplate): Partial<Record<ChoiceField, string>> {
  const out: Partial<Record<string, string>> = {};
  const name = serviceNameProblem(choices.name);
  if (name) out.name = name;
  const cpu = choices.cpu === '' ? 'cpu is empty; give a number of cores such as 0.5 or 1' : cpuProblem(choices.cpu);
  if (cpu) out.cpu = cpu;
  const memory = choices.memory === '' ? 'memory is empty; give an amount such as 512Mi or 2Gi' : memoryProblem(choices.memory);
  if (memory) out.memory = memory;
  if (template.bucket !== null && choices.bucket !== undefined && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(choices.bucket)) {
    out.bucket = 'A bucket name is 3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit.';
  }
  if (choices.volume && !choices.volume.mountPath.startsWith('/')) out.volume = 'The mount path is a folder inside the container, such as /data.';
  if (template.kserve && choices.kserve) {
    // Empty is allowed here: the FDL then names no amount and OSCAR gives the model server its default.
    const kcpu = cpuProblem(choices.kserve.cpu, 'The model server\'s CPU');
    if (kcpu) out['kserve.cpu'] = kcpu;
    const kmem = memoryProblem(choices.kserve.memory, 'The model server\'s memory');
    if (kmem) out['kserve.memory'] = kmem;
  }
  for (const s of template.secrets) if (!choices.secrets[s]) out[`secret:${s}`] = `Give a value for ${s}; the crate's own is only an example.`;
  return out;
}

function rebucket<T extends { path?: string; storage_provider?: string }>(list: T[] | undefined, from: string | null, to: string): T[] | undefined {
  if (!list) return list;
  return list.map((io) => {
    if (!isMinio(io) || !io.path || from === null || firstSegment(io.path) !== from) return io;
    const rest = io.path.replace(/^\/+/, '').slice(from.length);
    return { ...io, path: `${to}${rest}` };
  });
}

/** The service to create: the template with the user's choices applied. The template is not changed. */
export function applyChoices(template: CrateTemplate, choices: DeployChoices): PrefillValue {
  const service: Service = structuredClone(template.value.service);
  service.name = choices.name;
  service.cpu = choices.cpu;
  service.memory = choices.memory;
  if (template.secrets.length > 0) {
    service.environment = { ...service.environment, secrets: Object.fromEntries(template.secrets.map((s) => [s, choices.secrets[s] ?? ''])) };
  }
  if (template.bucket !== null && choices.bucket) {
    const input = rebucket(service.input, template.bucket, choices.bucket);
    const output = rebucket(service.output, template.bucket, choices.bucket);
    if (input) service.input = input;
    if (output) service.output = output;
  }
  if (choices.volume) service.volume = { name: choices.volume.name, mount_path: choices.volume.mountPath };
  if (choices.vo) service.vo = choices.vo;
  if (template.kserve && choices.kserve && service.kserve) {
    const { cpu, memory, gpu } = choices.kserve;
    const kserve = { ...service.kserve };
    if (cpu) kserve.cpu = cpu;
    else delete kserve.cpu;
    if (memory) kserve.memory = memory;
    else delete kserve.memory;
    if (gpu) kserve.enable_gpu = true;
    else delete kserve.enable_gpu;
    service.kserve = kserve;
  }
  return { service, scriptFileName: template.value.scriptFileName };
}

/** The choices a crate starts with: its FDL's name and resources, secrets to be typed, its bucket. */
export function defaultChoices(template: CrateTemplate): DeployChoices {
  const s = template.value.service;
  return {
    name: s.name ?? '',
    cpu: s.cpu ?? '',
    memory: s.memory ?? '',
    secrets: Object.fromEntries(template.secrets.map((k) => [k, ''])),
    ...(template.bucket !== null ? { bucket: template.bucket } : {}),
    volume: null,
    ...(s.vo ? { vo: s.vo } : {}),
    ...(template.kserve ? { kserve: { ...template.kserve } } : {}),
  };
}
