// An app's published template: its FDL and script fetched from where config.json says (the raw GitHub
// files by default), read with lib/fdl into the API-shaped service the editor edits. Every way it can
// fail comes back in words with the URL, for the New dialog to say.
import type { PrefillValue } from '../../../lib/service-prefill/prefill';
import { fdlServiceToApi, lookupScript } from '../../../lib/fdl/convert';
import { formatFdlIssue, parseFdl } from '../../../lib/fdl/fdl';
import type { TemplateSource } from './config';

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

async function fetchText(url: string, what: string, signal?: AbortSignal, fetchFn: typeof fetch = fetch): Promise<string> {
  let res: Response;
  try {
    res = await fetchFn(url, { signal, cache: 'no-cache', credentials: 'omit' });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new TemplateError(`Could not reach the ${what} (${e instanceof Error ? e.message : String(e)}).`, url);
  }
  if (!res.ok) throw new TemplateError(`The ${what} could not be fetched: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`, url);
  return res.text();
}

/** The template's FDL text and script read as the editor's value (the first service of the FDL). */
export function readTemplate(fdlText: string, script: string, url: string): PrefillValue {
  const parsed = parseFdl(fdlText);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new TemplateError(`The template is not an FDL file${first ? ` (${formatFdlIssue(first)})` : ''}.`, url);
  }
  const entry = parsed.services[0];
  if (!entry) throw new TemplateError('The template defines no service.', url);
  const scriptFileName = typeof entry.service.script === 'string' && !entry.service.script.includes('\n') ? entry.service.script : 'script.sh';
  const service = fdlServiceToApi(entry, { scripts: { [scriptFileName]: script }, storageProviders: parsed.fdl.storage_providers, clusters: parsed.fdl.clusters });
  if (lookupScript({ [scriptFileName]: script }, scriptFileName) === undefined) service.script = script;
  return { service, scriptFileName };
}

/** Fetches and reads both files. */
export async function fetchTemplate(source: TemplateSource, signal?: AbortSignal, fetchFn: typeof fetch = fetch): Promise<PrefillValue> {
  const [fdl, script] = await Promise.all([
    fetchText(source.fdl, 'template (FDL)', signal, fetchFn),
    fetchText(source.script, 'template’s script', signal, fetchFn),
  ]);
  return readTemplate(fdl, script, source.fdl);
}
