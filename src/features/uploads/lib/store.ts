// Where interrupted multipart uploads are remembered: IndexedDB, one record per upload. Only what is needed
// to find the upload again (bucket, key, upload id, part size, the file's name, size and date) — never
// credentials, never file contents.
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';

export interface UploadRecord {
  id: string;
  /** Cluster endpoint and user, so one person's interrupted uploads are not offered to another. */
  scope: string;
  bucket: string;
  key: string;
  uploadId: string;
  partSize: number;
  contentType: string;
  fileName: string;
  fileSize: number;
  lastModified: number;
  /** The path inside a dropped folder, shown to help the user find the file again. */
  relativePath: string;
  createdAt: number;
}

export interface UploadStore {
  save(r: UploadRecord): Promise<void>;
  remove(id: string): Promise<void>;
  list(scope: string): Promise<UploadRecord[]>;
}

let store: UseStore | null = null;
function idb(): UseStore {
  store ??= createStore('lagoon-uploads', 'multipart');
  return store;
}

/** IndexedDB may be missing (private modes, tests): then interrupted uploads are simply not remembered. */
export const idbUploadStore: UploadStore = {
  async save(r) {
    try {
      await set(r.id, r, idb());
    } catch {
      // Remembering is a convenience; the upload itself goes on.
    }
  },
  async remove(id) {
    try {
      await del(id, idb());
    } catch {
      // Nothing to forget.
    }
  },
  async list(scope) {
    try {
      const all = await entries<string, UploadRecord>(idb());
      return all.map(([, r]) => r).filter((r) => r.scope === scope);
    } catch {
      return [];
    }
  },
};

export function memoryUploadStore(): UploadStore & { records: Map<string, UploadRecord> } {
  const records = new Map<string, UploadRecord>();
  return {
    records,
    async save(r) {
      records.set(r.id, { ...r });
    },
    async remove(id) {
      records.delete(id);
    },
    async list(scope) {
      return [...records.values()].filter((r) => r.scope === scope).map((r) => ({ ...r }));
    },
  };
}
