// Where batches are kept: IndexedDB (idb-keyval), one record per cluster and service, so a reload (or
// coming back tomorrow) finds the board as it was and goes on. No credentials are stored: the service
// token is read again from the cluster.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { BatchState } from './engine';

let store: UseStore | null = null;
function idb(): UseStore {
  store ??= createStore('lagoon-batches', 'batches');
  return store;
}

export function batchId(endpoint: string, service: string): string {
  return `${endpoint.replace(/\/+$/, '')}|${service}`;
}

export interface BatchStore {
  load(id: string): Promise<BatchState | null>;
  save(id: string, state: BatchState): Promise<void>;
  remove(id: string): Promise<void>;
}

export const idbBatchStore: BatchStore = {
  async load(id) {
    const s = await get<BatchState>(id, idb());
    return s?.version === 1 ? s : null;
  },
  save: (id, state) => set(id, state, idb()),
  remove: (id) => del(id, idb()),
};
