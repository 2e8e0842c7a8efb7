// A service as the files oscar-cli applies: its FDL (.yaml) and its script, alone or zipped together. Used
// by the editor's export dialog and the services list's row menu, so both download the same content.
import { strToU8, zipSync } from 'fflate';
import type { Service } from '../../api/types';
import { apiServiceToFdl, stringifyFdl } from './fdl';

export interface ExportFiles {
  fdlName: string;
  fdl: string;
  scripts: Record<string, string>;
  /** What the user should know: secrets OSCAR hid are not in the file. */
  warnings: string[];
}

export const DEFAULT_CLUSTER_ID = 'oscar-cluster';
export const DEFAULT_SCRIPT_FILE = 'script.sh';

/**
 * The FDL and script files of `service` (API-shaped; server-only fields and OSCAR's own MinIO are left
 * out). `extras` are top-level FDL keys kept from an import.
 */
export function serviceExportFiles(
  service: Service,
  { scriptFileName = DEFAULT_SCRIPT_FILE, extras }: { scriptFileName?: string; extras?: Record<string, unknown> } = {},
): ExportFiles {
  const { fdl, scripts, warnings } = apiServiceToFdl(service, service.cluster_id || DEFAULT_CLUSTER_ID, { scriptFileName });
  for (const [k, v] of Object.entries(extras ?? {})) if (!(k in fdl)) fdl[k] = v;
  const base = service.name || 'service';
  return { fdlName: `${base}.yaml`, fdl: stringifyFdl(fdl), scripts, warnings };
}

/** A zip holding the FDL and its script, as oscar-cli expects them side by side. */
export function exportZip(files: ExportFiles): Uint8Array<ArrayBuffer> {
  const entries: Record<string, Uint8Array> = { [files.fdlName]: strToU8(files.fdl) };
  for (const [name, content] of Object.entries(files.scripts)) entries[name] = strToU8(content);
  return zipSync(entries, { level: 6 });
}
