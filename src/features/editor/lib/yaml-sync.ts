// The YAML tab's side of the one value: the service as an FDL file (oscar-cli's format) and back.
// Going to YAML is always possible; coming back needs YAML with exactly one service. When the YAML
// is broken, the text is kept as typed and the value stays as it was until the text is fixed.
import { parseDocument } from 'yaml';
import type { Service } from '../../../api/types';
import {
  apiServiceToFdl,
  fdlServices,
  fdlServiceToApi,
  lookupScript,
  parseFdl,
  stringifyFdl,
  MAX_FDL_CHARS,
  type Fdl,
  type FdlIssue,
  type FdlService,
} from '../../../lib/fdl/fdl';
import { clone, DEFAULT_CLUSTER_ID, type EditorValue } from './editor-value';
import { UNCHANGED_SECRET } from './secrets';

export interface YamlIssue extends FdlIssue {
  severity: 'error' | 'warning';
}

const KNOWN_TOP = new Set(['functions', 'storage_providers', 'clusters']);

/** What the review's diff shows for a secret the user typed: never the value itself. */
export const NEW_SECRET = '<new value>';

/** The FDL text the YAML tab shows for this value (`masked`: typed secret values hidden, for the diff). */
export function valueToYaml(value: EditorValue, baselineSecrets: readonly string[] | null, masked = false): string {
  const svc = clone(value.service);
  const secrets = svc.environment?.secrets;
  // apiServiceToFdl leaves out empty secrets (right for an export); the editor shows every key.
  if (svc.environment) delete svc.environment.secrets;
  const { fdl } = apiServiceToFdl(svc, svc.cluster_id || DEFAULT_CLUSTER_ID, { scriptFileName: value.scriptFileName });
  if (secrets && Object.keys(secrets).length > 0) {
    const entry = fdl.functions.oscar[0];
    const body = entry ? Object.values(entry)[0] : undefined;
    if (body) {
      const env = (body.environment ?? {}) as Record<string, unknown>;
      env.secrets = Object.fromEntries(
        Object.entries(secrets).map(([k, v]) => [
          k,
          v === '' && baselineSecrets?.includes(k) ? UNCHANGED_SECRET : masked && v !== '' ? NEW_SECRET : v,
        ]),
      );
      body.environment = env;
    }
  }
  if (value.extras) for (const [k, v] of Object.entries(value.extras)) if (!KNOWN_TOP.has(k)) fdl[k] = v;
  return stringifyFdl(fdl);
}

export type YamlReadResult =
  | { ok: true; value: EditorValue; issues: YamlIssue[] }
  | { ok: false; issues: YamlIssue[] };

/** A script value that names a file (script.sh, ./run.py, scripts/x.sh) rather than holding the script. */
export function isScriptFileRef(script: string): boolean {
  return !/\s/.test(script.trim()) && /[./]/.test(script) && script.trim().length < 256;
}

/** The services of FDL text whose values parseFdl refused but whose structure is sound (else null). */
export function readableServices(text: string): { fdl: Fdl; services: FdlService[] } | null {
  if (text.length > MAX_FDL_CHARS) return null;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const js = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (typeof js !== 'object' || js === null) return null;
  const fdl = js as Fdl;
  return { fdl, services: fdlServices(fdl) };
}

function lineOfService(text: string, index: number): number {
  // Entries under `oscar:` start with "- "; good enough to point at the n-th one.
  let seen = -1;
  const lines = text.split('\n');
  let inOscar = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*oscar:\s*$/.test(line)) inOscar = true;
    else if (inOscar && /^\s*-\s+\S/.test(line)) {
      seen++;
      if (seen === index) return i + 1;
    }
  }
  return 1;
}

/**
 * Reads the YAML tab's text into a value. `scripts` are script files the user loaded (imports,
 * file picker); the current script stays when the FDL names a file that was not loaded.
 */
export function yamlToValue(
  text: string,
  current: EditorValue,
  scripts: Record<string, string> = {},
): YamlReadResult {
  const parsed = parseFdl(text);
  const issues: YamlIssue[] = parsed.ok
    ? parsed.warnings.map((w) => ({ ...w, severity: 'warning' }))
    : parsed.errors.map((e) => ({ ...e, severity: 'error' }));
  let found: { fdl: Fdl; services: FdlService[] } | null = parsed.ok ? parsed : null;
  if (!parsed.ok && issues.every((i) => i.path !== undefined)) {
    // Every problem sits inside a service: the values are wrong but the file is readable, so the
    // form can still show them (with the same errors next to the fields).
    found = readableServices(text);
  }
  if (!found || found.services.length === 0) return { ok: false, issues };
  if (found.services.length > 1) {
    const names = found.services.map((s) => (typeof s.service.name === 'string' ? s.service.name : '(no name)'));
    issues.unshift({
      line: lineOfService(text, 1),
      column: 1,
      severity: 'error',
      message: `This FDL has ${found.services.length} services (${names.join(', ')}); the editor works on one at a time. Keep one here, or use Import FDL to pick one or create them all.`,
    });
    return { ok: false, issues };
  }

  const entry = found.services[0] as FdlService;
  const ref = entry.service.script;
  let scriptFileName = current.scriptFileName;
  const known: Record<string, string> = { ...scripts };
  if (typeof ref === 'string' && isScriptFileRef(ref)) {
    scriptFileName = ref;
    const loaded = lookupScript(scripts, ref);
    if (loaded === undefined) {
      // The script is edited in the form; a renamed file keeps its content.
      known[ref] = current.service.script;
      if (ref !== current.scriptFileName && current.service.script !== '') {
        issues.push({
          line: lineOfKey(text, 'script'),
          column: 1,
          severity: 'warning',
          message: `${ref} is not loaded, so the service keeps the script you had as ${current.scriptFileName}; load ${ref} in the form's Script section to replace it`,
        });
      }
    }
  }
  const service = fdlServiceToApi(entry, {
    scripts: known,
    storageProviders: found.fdl.storage_providers,
    clusters: found.fdl.clusters,
  });
  if (typeof ref === 'string' && isScriptFileRef(ref) && service.script === '') {
    issues.push({
      line: lineOfKey(text, 'script'),
      column: 1,
      severity: 'error',
      message: `${ref} is not loaded yet: add it in the form's Script section, or import it together with this FDL`,
    });
  }
  restoreUnchangedSecrets(service);
  const extras = Object.fromEntries(Object.entries(found.fdl).filter(([k]) => !KNOWN_TOP.has(k)));
  const value: EditorValue = { service, scriptFileName };
  if (Object.keys(extras).length > 0) value.extras = extras;
  return { ok: true, value, issues };
}

function restoreUnchangedSecrets(service: Service): void {
  const secrets = service.environment?.secrets;
  if (!secrets) return;
  for (const [k, v] of Object.entries(secrets)) if (v === UNCHANGED_SECRET) secrets[k] = '';
}

/** 1-based line of the first `key:` in the text (1 when absent). */
export function lineOfKey(text: string, key: string): number {
  const re = new RegExp(`^\\s*-?\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
  const lines = text.split('\n');
  const i = lines.findIndex((l) => re.test(l));
  return i === -1 ? 1 : i + 1;
}
