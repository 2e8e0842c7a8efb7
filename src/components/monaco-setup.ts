// Monaco, as small as this app needs it: the slim ESM API plus the editor's own features, only the
// YAML and shell grammars, the workers bundled locally by Vite (never a CDN), and monaco-yaml for
// schema-driven completion and hovers. Imported only through a dynamic import() in code-editor.tsx
// and diff-editor.tsx, so none of it lands in the first-visit bundle.
//
// Versions: monaco-editor is pinned to 0.52.x because monaco-yaml's worker protocol breaks on
// monaco-editor >= 0.53 (remcohaszing/monaco-yaml#272, #278).
import 'monaco-editor/esm/vs/editor/editor.all.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import 'monaco-editor/esm/vs/basic-languages/shell/shell.contribution';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import { configureMonacoYaml, type JSONSchema, type MonacoYaml, type MonacoYamlOptions } from 'monaco-yaml';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

// Colours follow the app's tokens (src/index.css) so the editor sits on the same surface as the page.
monaco.editor.defineTheme('lagoon-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
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
