// The batch's outputs as one zip: one folder per input, named by the input's key under the batch prefix,
// holding that input's output files (docs/decisions/012-batch-runs.md).
import type { ZipEntry } from '../../../lib/s3/zip';
import type { BatchState } from './engine';

const fileOf = (key: string) => key.slice(key.lastIndexOf('/') + 1);

/** `<input name>/<output file>` for every output found; outputs are kept as "bucket/key". */
export function outputZipEntries(state: BatchState): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const used = new Set<string>();
  for (const input of state.inputs) {
    const inputName = input.key.startsWith(state.prefix) ? input.key.slice(state.prefix.length) : input.key;
    for (const path of input.outputs ?? []) {
      const i = path.indexOf('/');
      if (i < 0) continue;
      const key = path.slice(i + 1);
      let name = `${inputName}/${fileOf(key)}`;
      // Two outputs of one input with the same file name (two output paths): the second gets its bucket.
      if (used.has(name)) name = `${inputName}/${path.slice(0, i)}-${fileOf(key)}`;
      used.add(name);
      entries.push({ bucket: path.slice(0, i), key, name });
    }
  }
  return entries;
}
