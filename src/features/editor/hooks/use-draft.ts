// Keeps the edit as a draft while the user types (debounced), offers a found draft back when the
// editor opens, and drops it after a successful apply.
import { useCallback, useEffect, useRef, useState } from 'react';
import { draftStore, type Draft } from '../lib/drafts';
import type { EditorState } from '../lib/editor-reducer';

const SAVE_DELAY_MS = 500;

export interface DraftControls {
  /** A draft found when the editor opened, waiting for "restore" or "discard". */
  found: Draft | null;
  /** False until the store has been asked; nothing is saved before. */
  checked: boolean;
  dismiss: () => void;
  clear: () => Promise<void>;
  /** Writes the pending change now (before a risky step such as apply). */
  flush: () => Promise<void>;
}

export function useDraft(
  endpoint: string,
  service: string | null,
  state: EditorState,
  /** A draft this says is no different from what the editor opened with is dropped silently. */
  isTrivial: (draft: Draft) => boolean,
): DraftControls {
  const [found, setFound] = useState<Draft | null>(null);
  const [checked, setChecked] = useState(false);
  const stateRef = useRef(state);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = useRef(state.revision);
  const trivial = useRef(isTrivial);

  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  useEffect(() => {
    let live = true;
    void draftStore()
      .load(endpoint, service)
      .then(async (d) => {
        if (!live) return;
        if (d && trivial.current(d)) {
          await draftStore().clear(endpoint, service);
          d = null;
        }
        if (!live) return;
        setFound(d);
        setChecked(true);
      });
    return () => {
      live = false;
    };
  }, [endpoint, service]);

  const write = useCallback(async () => {
    const s = stateRef.current;
    if (s.revision === saved.current) return;
    saved.current = s.revision;
    await draftStore().save(endpoint, service, s.value, s.yamlStale ? s.yaml : undefined);
  }, [endpoint, service]);

  // While a found draft waits for an answer, saving would overwrite it: wait.
  const paused = !checked || found !== null;
  useEffect(() => {
    if (paused || state.revision === saved.current) return;
    timer.current = setTimeout(() => void write(), SAVE_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [state.revision, paused, write]);

  // Leaving the page (reload, logout, navigation) must not lose the last half second of typing.
  useEffect(() => {
    if (paused) return;
    const onHide = () => void write();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void write();
    };
  }, [paused, write]);

  const clear = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    saved.current = stateRef.current.revision;
    setFound(null);
    await draftStore().clear(endpoint, service);
  }, [endpoint, service]);

  return {
    found,
    checked,
    dismiss: () => setFound(null),
    clear,
    flush: write,
  };
}
