import { useEffect, useRef, useState } from 'react';
import { MAX_PUT_BYTES, type UploadLink } from '../../../lib/public-upload/link';
import { dispositionFor, PutCancelled, PutError, putFile } from '../lib/put-file';
import { linkId, loadUsed, saveUsed } from '../lib/used-slots';

export type ItemState = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled' | 'too-big' | 'no-slot';

export interface UploadItem {
  id: number;
  file: File;
  /** Index of the link's slot this file goes to; null when it got none (too big, none left, cancelled). */
  slot: number | null;
  state: ItemState;
  loaded: number;
  error: string | null;
}

const TOO_BIG = 'Larger than 5 GiB, the most one upload can carry. Split it (zip in parts) or ask for another way to send it.';
const NO_SLOT = 'No places left on this link: it was made for fewer files. Ask for a new link to send more.';

/**
 * The page's files: each takes the next free slot of the link, in order, and goes up one at a time (a
 * large file gets the whole connection). A failed file keeps its slot for Retry; a cancelled one frees it.
 * The list lives in a ref (the queue reads it between renders) and is copied to state to draw it.
 */
export function usePublicUpload(link: UploadLink, beforeSend: () => Promise<void>) {
  const id = linkId(link.slots[0]!.url);
  const used = useRef<Set<number>>(loadUsed(id));
  const list = useRef<UploadItem[]>([]);
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextId = useRef(1);
  const running = useRef<{ id: number; abort: AbortController } | null>(null);

  const taken = () => new Set([...used.current, ...list.current.flatMap((i) => (i.slot !== null && i.state !== 'done' ? [i.slot] : []))]);
  const freeSlot = (busy: Set<number>) => link.slots.findIndex((_, i) => !busy.has(i));

  function commit(next: UploadItem[]) {
    list.current = next;
    setItems(next);
  }
  function patch(itemId: number, p: Partial<UploadItem>) {
    commit(list.current.map((i) => (i.id === itemId ? { ...i, ...p } : i)));
  }

  function pump() {
    if (running.current) return;
    const next = list.current.find((i) => i.state === 'queued');
    if (!next || next.slot === null) return;
    const slot = next.slot;
    const abort = new AbortController();
    running.current = { id: next.id, abort };
    patch(next.id, { state: 'uploading', loaded: 0, error: null });
    const signed = Object.keys(link.headers).map((h) => h.toLowerCase());
    const headers: Record<string, string> = { ...link.headers };
    if (!signed.includes('content-type')) headers['Content-Type'] = next.file.type || 'application/octet-stream';
    if (!signed.includes('content-disposition')) headers['Content-Disposition'] = dispositionFor(next.file.name);
    let last = 0;
    beforeSend()
      .then(() =>
        putFile({
          url: link.slots[slot]!.url,
          file: next.file,
          headers,
          signal: abort.signal,
          onProgress: (loaded) => {
            // Progress events come many times a second on a fast link: a re-render per 1% is plenty.
            if (loaded - last < next.file.size / 100 && loaded < next.file.size) return;
            last = loaded;
            patch(next.id, { loaded });
          },
        }),
      )
      .then(
        () => {
          used.current = new Set(used.current).add(slot);
          saveUsed(id, used.current);
          patch(next.id, { state: 'done', loaded: next.file.size });
        },
        (e: unknown) => {
          if (e instanceof PutCancelled) patch(next.id, { state: 'cancelled', slot: null, loaded: 0 });
          else patch(next.id, { state: 'failed', error: e instanceof PutError ? e.message : `The upload failed: ${String(e)}` });
        },
      )
      .finally(() => {
        running.current = null;
        pump();
      });
  }

  function add(files: readonly File[]) {
    const busy = taken();
    const added: UploadItem[] = files.map((file) => {
      const base = { id: nextId.current++, file, loaded: 0 };
      if (file.size > MAX_PUT_BYTES) return { ...base, slot: null, state: 'too-big', error: TOO_BIG };
      const slot = freeSlot(busy);
      if (slot < 0) return { ...base, slot: null, state: 'no-slot', error: NO_SLOT };
      busy.add(slot);
      return { ...base, slot, state: 'queued', error: null };
    });
    commit([...list.current, ...added]);
    pump();
  }

  function cancel(itemId: number) {
    if (running.current?.id === itemId) running.current.abort.abort();
    else patch(itemId, { state: 'cancelled', slot: null, loaded: 0 });
  }

  function retry(itemId: number) {
    const item = list.current.find((i) => i.id === itemId);
    if (!item) return;
    if (item.state === 'failed' && item.slot !== null) patch(itemId, { state: 'queued', loaded: 0, error: null });
    else if (item.state === 'cancelled') {
      const slot = freeSlot(taken());
      patch(itemId, slot < 0 ? { state: 'no-slot', error: NO_SLOT } : { slot, state: 'queued', loaded: 0, error: null });
    }
    pump();
  }

  // Leaving the page stops the file on the wire (a PUT is all or nothing: nothing half-written stays).
  useEffect(() => () => running.current?.abort.abort(), []);

  const left = link.slots.length - new Set([...used.current, ...items.flatMap((i) => (i.slot !== null ? [i.slot] : []))]).size;
  return { items, left, add, cancel, retry };
}
