// Monaco, as small as this app needs it: the slim ESM API plus the editor's own features, only the
// YAML and shell grammars, the workers bundled locally by Vite (never a CDN), and monaco-yaml for
// schema-driven completion and hovers. Imported only through a dynamic import() in code-editor.tsx
// and diff-editor.tsx, so none of it lands in the first-visit bundle.
//
// Versions: monaco-editor is pinned to 0.52.x because monaco-yaml's worker protocol breaks on
// monaco-editor >= 0.53 (remcohaszing/monaco-yaml#272, #278).
// Only the editor features this app uses (editor.all.js brings ~60, from code lenses to inlay hints).
import 'monaco-editor/esm/vs/editor/browser/coreCommands.js';
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/esm/vs/editor/browser/widget/diffEditor/diffEditor.contribution.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/caretOperations/browser/caretOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js';
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/esm/vs/editor/contrib/lineSelection/browser/lineSelection.js';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/longLinesHelper/browser/longLinesHelper.js';
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/esm/vs/editor/contrib/smartSelect/browser/smartSelect.js';
import 'monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/esm/vs/editor/contrib/tokenization/browser/tokenization.js';
import 'monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/esm/vs/editor/contrib/unicodeHighlighter/browser/unicodeHighlighter.js';
import 'monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/wordPartOperations/browser/wordPartOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/readOnlyMessage/browser/contribution.js';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import 'monaco-editor/esm/vs/basic-languages/shell/shell.contribution';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import { configureMonacoYaml, type JSONSchema, type MonacoYaml, type MonacoYamlOptions } from 'monaco-yaml';

// Monaco cancels its own pending work (a hover, a completion, a diff, a worker request) when an editor
// or model goes away, by rejecting with its CancellationError (name and message "Canceled"). Monaco's
// own callers ignore it, but a few promises (monaco-yaml's worker calls among them) are left without a
// handler, so leaving the editor put "Uncaught (in promise) Canceled" on the console. Only that sentinel
// is silenced; every other rejection still reaches the console and the tests' pageerror listeners.
function isMonacoCancellation(reason: unknown): boolean {
  return reason instanceof Error && reason.name === 'Canceled' && reason.message === 'Canceled';
}
window.addEventListener('unhandledrejection', (e) => {
  if (isMonacoCancellation(e.reason)) e.preventDefault();
});

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

// Colours follow the app's tokens (src/index.css) so the editor sits on the same surface as the page.
monaco.editor.defineTheme('lagoon-light', {
  base: 'vs',
  inherit: true,
  // vs paints shell options (-r) pure red, below WCAG AA contrast on white.
  rules: [
    { token: 'attribute.name', foreground: 'b42318' },
    { token: 'number', foreground: '05603f' },
    // YAML keys: vs's teal is just under AA on the diff's highlights.
    { token: 'type', foreground: '00676b' },
  ],
  colors: {
    // Diff highlights light enough that every token colour keeps AA contrast on them.
    'diffEditor.insertedLineBackground': '#eef8f0',
    'diffEditor.insertedTextBackground': '#d3eedb',
    'diffEditor.removedLineBackground': '#fdf0ee',
    'diffEditor.removedTextBackground': '#f9d7d2',
    'editor.background': '#ffffff',
    'editorGutter.background': '#ffffff',
    'editorLineNumber.foreground': '#5f6f7b',
    'editorLineNumber.activeForeground': '#0f1c24',
  },
});
monaco.editor.defineTheme('lagoon-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'diffEditor.insertedLineBackground': '#10281a',
    'diffEditor.insertedTextBackground': '#173d27',
    'diffEditor.removedLineBackground': '#2e1413',
    'diffEditor.removedTextBackground': '#4a1c1a',
    'editor.background': '#121c22',
    'editorGutter.background': '#121c22',
    'editorLineNumber.foreground': '#8a9ba6',
    'editorLineNumber.activeForeground': '#e6eef2',
  },
});

function currentTheme(): string {
  return document.documentElement.classList.contains('dark') ? 'lagoon-dark' : 'lagoon-light';
}
monaco.editor.setTheme(currentTheme());
// The app switches theme with a class on <html>; Monaco's theme is global, so one observer suffices.
new MutationObserver(() => monaco.editor.setTheme(currentTheme())).observe(document.documentElement, {
  attributes: true,
  attributeFilter: ['class'],
});

declare global {
  interface Window {
    /** For end-to-end tests: type or paste into an editor through Monaco's own commands. */
    __lagoonMonaco?: typeof monaco;
  }
}
window.__lagoonMonaco = monaco;

let yaml: MonacoYaml | null = null;

/**
 * Gives YAML models whose URI matches `fileMatch` completion and hovers from `schema`. Validation
 * stays off: the app sets its own markers from the one zod schema, in plainer words.
 */
export function setYamlSchema(schema: JSONSchema, fileMatch: string[], uri = 'lagoon://schema/fdl.json'): void {
  const options: MonacoYamlOptions = {
    enableSchemaRequest: false,
    validate: false,
    completion: true,
    hover: true,
    format: { enable: false },
    schemas: [{ uri, fileMatch, schema }],
  };
  if (yaml) void yaml.update(options);
  else yaml = configureMonacoYaml(monaco, options);
}

export { monaco };
export type Monaco = typeof monaco;
