// The editor's state: one value, and the YAML text that shows it. The form changes the value and the
// YAML follows; the YAML tab changes the text and the value follows when the text can be read.
// Switching tabs needs no conversion, so it can never lose a change.
import type { EditorValue } from './editor-value';
import { valueToYaml, yamlToValue, type YamlIssue } from './yaml-sync';

export interface EditorState {
  value: EditorValue;
  yaml: string;
  /** Problems in the YAML text, with lines (errors and warnings). */
  yamlIssues: YamlIssue[];
  /** The YAML text could not be read into a value; `value` is the last one that could. */
  yamlStale: boolean;
  /** Script files the user loaded (import, file picker), by file name. */
  scripts: Record<string, string>;
  /** Secret keys the service has on the cluster (null when creating). */
  baselineSecrets: readonly string[] | null;
  /** Bumped on every change, so savers can tell whether anything happened. */
  revision: number;
}

export type EditorAction =
  | { type: 'form'; update: (value: EditorValue) => EditorValue }
  | { type: 'yaml'; text: string }
  | { type: 'load'; value: EditorValue; yaml?: string; scripts?: Record<string, string> }
  | { type: 'script-file'; name: string; content: string };

function fromValue(state: EditorState, value: EditorValue): EditorState {
  const yaml = valueToYaml(value, state.baselineSecrets);
  const read = yamlToValue(yaml, value, { ...state.scripts, [value.scriptFileName]: value.service.script });
  return { ...state, value, yaml, yamlIssues: read.issues, yamlStale: false, revision: state.revision + 1 };
}

function fromText(state: EditorState, text: string): EditorState {
  const read = yamlToValue(text, state.value, state.scripts);
  if (!read.ok) return { ...state, yaml: text, yamlIssues: read.issues, yamlStale: true, revision: state.revision + 1 };
  return { ...state, value: read.value, yaml: text, yamlIssues: read.issues, yamlStale: false, revision: state.revision + 1 };
}

export function initEditorState(value: EditorValue, baselineSecrets: readonly string[] | null): EditorState {
  const empty: EditorState = {
    value,
    yaml: '',
    yamlIssues: [],
    yamlStale: false,
    scripts: {},
    baselineSecrets,
    revision: 0,
  };
  return { ...fromValue(empty, value), revision: 0 };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'form':
      // The form is read-only while the YAML is unreadable, so this never overwrites typed text.
      if (state.yamlStale) return state;
      return fromValue(state, action.update(state.value));
    case 'yaml':
      if (action.text === state.yaml) return state;
      return fromText(state, action.text);
    case 'load': {
      const next = { ...state, scripts: { ...state.scripts, ...action.scripts } };
      const loaded = fromValue(next, action.value);
      return action.yaml !== undefined && action.yaml !== loaded.yaml ? fromText(loaded, action.yaml) : loaded;
    }
    case 'script-file': {
      const scripts = { ...state.scripts, [action.name]: action.content };
      // With unreadable YAML the text stays; the file may be what it was missing.
      if (state.yamlStale) return fromText({ ...state, scripts, yaml: '' }, state.yaml);
      const value: EditorValue = {
        ...state.value,
        scriptFileName: action.name,
        service: { ...state.value.service, script: action.content },
      };
      return fromValue({ ...state, scripts }, value);
    }
  }
}
