// Export: the service as oscar-cli's FDL file plus its script, alone or zipped together.
import { strToU8, zipSync } from 'fflate';
import { saveBlob } from '../../../components/save-file';
import { apiServiceToFdl, stringifyFdl } from '../../../lib/fdl/fdl';
import { DEFAULT_CLUSTER_ID, type EditorValue } from './editor-value';

export interface ExportFiles {
  fdlName: string;
  fdl: string;
  scripts: Record<string, string>;
  /** What the user should know: secrets OSCAR hid are not in the file. */
  warnings: string[];
}

export function exportFiles(value: EditorValue): ExportFiles {
  const svc = value.service;
  const { fdl, scripts, warnings } = apiServiceToFdl(svc, svc.cluster_id || DEFAULT_CLUSTER_ID, {
    scriptFileName: value.scriptFileName,
  });
  for (const [k, v] of Object.entries(value.extras ?? {})) if (!(k in fdl)) fdl[k] = v;
  const base = svc.name || 'service';
  return { fdlName: `${base}.yaml`, fdl: stringifyFdl(fdl), scripts, warnings };
}

/** A zip holding the FDL and its script, as oscar-cli expects them side by side. */
export function exportZip(files: ExportFiles): Uint8Array<ArrayBuffer> {
  const entries: Record<string, Uint8Array> = { [files.fdlName]: strToU8(files.fdl) };
  for (const [name, content] of Object.entries(files.scripts)) entries[name] = strToU8(content);
  return zipSync(entries, { level: 6 });
}

/** Starts a download of `data` as `name`. */
export function download(name: string, data: string | Uint8Array<ArrayBuffer>, type: string): void {
  saveBlob(new Blob([data], { type }), name);
}
