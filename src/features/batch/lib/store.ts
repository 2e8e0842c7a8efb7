// Where batches are kept: IndexedDB (idb-keyval), per cluster and service, so a reload (or coming back
// tomorrow) finds the board as it was and goes on. No credentials are stored: the service token is read
// again from the cluster.
//
// A batch can hold 100,000 inputs and is saved after every change that matters, so it is not written
// as one record: a small header (everything but the inputs) and the inputs in chunks of CHUNK, and a
// save writes the header and only the chunks whose inputs changed since the last save (the engine never
// mutates an input, so "changed" is "another object"). Header and chunks go in one transaction.
import { createStore, delMany, get, getMany, setMany, type UseStore } from 'idb-keyval';
import type { BatchInput, BatchState } from './engine';

export const CHUNK = 500;

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

/** The header record: the batch without its inputs, and how many chunks hold them. */
type Header = Omit<BatchState, 'inputs' | 'version'> & { version: 2; chunks: number };

const chunkKey = (id: string, n: number) => `${id}#${n}`;

/** Which chunks of `inputs` differ from the ones last saved (by identity, so this is a quick scan). */
export function dirtyChunks(inputs: readonly BatchInput[], saved: readonly BatchInput[] | undefined): number[] {
  const dirty: number[] = [];
  const chunks = Math.ceil(inputs.length / CHUNK);
  for (let c = 0; c < chunks; c++) {
    const end = Math.min(inputs.length, (c + 1) * CHUNK);
    if (!saved || saved.length < end) {
      dirty.push(c);
      continue;
    }
    for (let i = c * CHUNK; i < end; i++) {
      if (inputs[i] !== saved[i]) {
        dirty.push(c);
        break;
      }
    }
  }
  return dirty;
}

/** A store on any idb-keyval UseStore (tests pass one on fake-indexeddb). */
export function chunkedBatchStore(db: () => UseStore): BatchStore {
  // What each batch's chunks held when last written, so the next save writes only what changed.
  const saved = new Map<string, readonly BatchInput[]>();
  return {
    async load(id) {
      const head = await get<Header | BatchState>(id, db());
      if (!head) return null;
      if (head.version === 1) return head;
      if (head.version !== 2) return null;
      const chunks = await getMany<BatchInput[] | undefined>(
        Array.from({ length: head.chunks }, (_, n) => chunkKey(id, n)),
        db(),
      );
      if (chunks.some((c) => !Array.isArray(c))) return null;
      const { chunks: _n, ...rest } = head;
      const state: BatchState = { ...rest, version: 1, inputs: chunks.flatMap((c) => c!) };
      saved.set(id, state.inputs);
      return state;
    },
    async save(id, state) {
      const { inputs, version: _v, ...rest } = state;
      const header: Header = { ...rest, version: 2, chunks: Math.ceil(inputs.length / CHUNK) };
      const entries: [IDBValidKey, unknown][] = dirtyChunks(inputs, saved.get(id)).map((c) => [chunkKey(id, c), inputs.slice(c * CHUNK, (c + 1) * CHUNK)]);
      entries.push([id, header]);
      await setMany(entries, db());
      saved.set(id, inputs);
    },
    async remove(id) {
      const head = await get<Header | BatchState>(id, db());
      const chunks = head && head.version === 2 ? head.chunks : 0;
      saved.delete(id);
      await delMany([id, ...Array.from({ length: chunks }, (_, n) => chunkKey(id, n))], db());
    },
  };
}

export const idbBatchStore: BatchStore = chunkedBatchStore(idb);
