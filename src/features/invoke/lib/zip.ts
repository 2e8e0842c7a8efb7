// The contents of a ZIP answer, read from its central directory with fflate without inflating any
// entry, so listing a large archive costs almost nothing.
import { unzipSync } from 'fflate';

export interface ZipEntry {
  name: string;
  size: number;
  compressedSize: number;
  directory: boolean;
}

export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; error: string };

export function listZip(bytes: Uint8Array): ZipListing {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({
          name: f.name,
          size: f.originalSize,
          compressedSize: f.size,
          directory: f.name.endsWith('/'),
        });
        return false;
      },
    });
  } catch (e) {
    return {
      ok: false,
      error: `The ZIP archive could not be read: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  return { ok: true, entries };
}
