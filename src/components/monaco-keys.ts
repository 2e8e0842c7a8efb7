// Keyboard escape hatches for Monaco, which otherwise keeps Tab for indenting: Esc then Tab (or
// Shift+Tab) leaves the editor, as in other code editors on the web; Ctrl+M (Monaco's own toggle)
// makes Tab move focus for good.
import type { editor as MonacoEditorNS } from 'monaco-editor/esm/vs/editor/editor.api';

type Monaco = typeof import('monaco-editor/esm/vs/editor/editor.api');

const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),summary,[tabindex]:not([tabindex="-1"])';

/** Focuses the first focusable element after (or last before) `host`, outside it. */
function focusOutside(host: HTMLElement, backwards: boolean): void {
  const all = Array.from(document.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !host.contains(el) && el.getClientRects().length > 0,
  );
  const after = (el: HTMLElement) =>
    (host.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  // Nothing after (or before) the editor: wrap around, as the browser's own Tab order does.
  const target = backwards
    ? (all.filter((el) => !after(el)).at(-1) ?? all.at(-1))
    : (all.find(after) ?? all[0]);
  target?.focus();
}

/** Adds Esc-then-Tab leaving to an editor whose DOM box is `host`. */
export function addLeaveKeys(
  monaco: Monaco,
  ed: MonacoEditorNS.IStandaloneCodeEditor,
  host: HTMLElement,
): void {
  const key = ed.createContextKey<boolean>('lagoonLeaving', false);
  // The editor's context keys die with it, and a blur or key event can still arrive while it is being
  // disposed (its text area leaves the page): setting a key then throws "AbstractContextKeyService has
  // been disposed" from a Monaco timer. So the key is only touched while the editor lives.
  let alive = true;
  ed.onDidDispose(() => {
    alive = false;
  });
  const leaving = {
    set(v: boolean) {
      if (alive) key.set(v);
    },
  };
  const idle =
    '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !markersNavigationVisible && !editorHasMultipleSelections && !renameInputVisible && !inSnippetMode';
  ed.addCommand(monaco.KeyCode.Escape, () => leaving.set(true), idle);
  ed.addCommand(
    monaco.KeyCode.Tab,
    () => {
      leaving.set(false);
      focusOutside(host, false);
    },
    'lagoonLeaving',
  );
  ed.addCommand(
    monaco.KeyMod.Shift | monaco.KeyCode.Tab,
    () => {
      leaving.set(false);
      focusOutside(host, true);
    },
    'lagoonLeaving',
  );
  ed.onKeyDown((e) => {
    const k = e.keyCode;
    if (k !== monaco.KeyCode.Escape && k !== monaco.KeyCode.Tab && k !== monaco.KeyCode.Shift)
      leaving.set(false);
  });
  ed.onDidBlurEditorText(() => leaving.set(false));
}
