// Export: the editor's value as oscar-cli's FDL file plus its script (lib/fdl/export), alone or zipped together.
import { saveBlob } from '../../../components/save-file';
import { serviceExportFiles, type ExportFiles } from '../../../lib/fdl/export';
import type { EditorValue } from './editor-value';

export function exportFiles(value: EditorValue): ExportFiles {
  return serviceExportFiles(value.service, { scriptFileName: value.scriptFileName, ...(value.extras ? { extras: value.extras } : {}) });
}

/** Starts a download of `data` as `name`. */
export function download(name: string, data: string | Uint8Array<ArrayBuffer>, type: string): void {
  saveBlob(new Blob([data], { type }), name);
}
