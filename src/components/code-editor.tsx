// The one Monaco wrapper. Monaco arrives by a dynamic import the first time an editor mounts, so it
// never weighs on pages without one. The editor is uncontrolled (a controlled value drops keystrokes):
// `value` is pushed into the model only when it is a real outside change, not the echo of typing.
import { useEffect, useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { clsx } from 'clsx';
import type { editor as MonacoEditorNS } from 'monaco-editor/esm/vs/editor/editor.api';
import { Button } from './button';
import { addLeaveKeys } from './monaco-keys';

export interface EditorMarker {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  severity?: 'error' | 'warning';
}

export interface CodeEditorProps {
  /** The accessible name of the editing area. */
  label: string;
  language: 'yaml' | 'shell';
  value: string;
  onChange: (text: string) => void;
  markers?: EditorMarker[];
  /** Model URI; YAML schemas (monaco-yaml) match models by it. */
  uri?: string;
  /** CSS height of the editor box. */
  height?: string;
  readOnly?: boolean;
  /** Extra description ids for the editing area (e.g. an error list). */
  describedBy?: string;
  className?: string;
  ref?: Ref<CodeEditorHandle>;
}

export interface CodeEditorHandle {
  /** Moves the cursor to a line (1-based) and focuses the editor. */
  revealLine: (line: number, column?: number) => void;
}

type Setup = typeof import('./monaco-setup');
let setupPromise: Promise<Setup> | null = null;

/** Loads Monaco once; a failed load can be retried. */
export function loadMonaco(): Promise<Setup> {
  if (!setupPromise) {
    setupPromise = import('./monaco-setup').catch((e: unknown) => {
      setupPromise = null;
      throw e;
    });
  }
  return setupPromise;
}

const ECHO_MEMORY = 32;
export function CodeEditor({
  label,
  language,
  value,
  onChange,
  markers,
  uri,
  height = '24rem',
  readOnly = false,
  describedBy,
  className,
  ref,
}: CodeEditorProps) {
  const hintId = useId();
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<MonacoEditorNS.IStandaloneCodeEditor | null>(null);
  const setupRef = useRef<Setup | null>(null);
  const onChangeRef = useRef(onChange);
  // Texts this editor produced itself: when one comes back as `value`, it is an echo, not a change.
  const echoes = useRef<string[]>([value]);
  const valueRef = useRef(value);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useImperativeHandle(ref, () => ({
    revealLine(line, column = 1) {
      const ed = editorRef.current;
      if (!ed) return;
      ed.setPosition({ lineNumber: line, column });
      ed.revealLineInCenter(line);
      ed.focus();
    },
  }));

  useEffect(() => {
    let disposed = false;
    let created: MonacoEditorNS.IStandaloneCodeEditor | null = null;
    loadMonaco().then(
      (setup) => {
        if (disposed || !host.current) return;
        const { monaco } = setup;
        setupRef.current = setup;
        const modelUri = uri ? monaco.Uri.parse(uri) : undefined;
        const existing = modelUri ? monaco.editor.getModel(modelUri) : null;
        existing?.dispose();
        const model = monaco.editor.createModel(valueRef.current, language, modelUri);
        echoes.current = [valueRef.current];
        created = monaco.editor.create(host.current, {
          model,
          ariaLabel: `${label}. Press Ctrl+M to switch Tab between indenting and moving focus.`,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          tabSize: 2,
          insertSpaces: true,
          readOnly,
          fixedOverflowWidgets: true,
          renderLineHighlight: 'line',
          wordWrap: 'off',
          accessibilitySupport: 'auto',
        });
        editorRef.current = created;
        addLeaveKeys(monaco, created, host.current);
        created.onDidChangeModelContent(() => {
          const text = model.getValue();
          echoes.current.push(text);
          if (echoes.current.length > ECHO_MEMORY) echoes.current.shift();
          onChangeRef.current(text);
        });
        setState('ready');
      },
      () => {
        if (!disposed) setState('failed');
      },
    );
    return () => {
      disposed = true;
      if (created) {
        const model = created.getModel();
        created.dispose();
        model?.dispose();
      }
      editorRef.current = null;
    };
    // The editor is created once per language/uri; label and readOnly are updated below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language, uri, attempt]);

  useEffect(() => {
    valueRef.current = value;
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!ed || !model) return;
    if (echoes.current.includes(value)) return;
    if (model.getValue() === value) return;
    // An outside change (the form, an import, a restored draft): one undoable edit.
    echoes.current = [value];
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
  }, [value, state]);

  useEffect(() => {
    editorRef.current?.updateOptions({
      readOnly,
      ariaLabel: `${label}. Press Ctrl+M to switch Tab between indenting and moving focus.`,
    });
  }, [readOnly, label, state]);

  useEffect(() => {
    const setup = setupRef.current;
    const model = editorRef.current?.getModel();
    if (!setup || !model) return;
    const { monaco } = setup;
    monaco.editor.setModelMarkers(
      model,
      'lagoon',
      (markers ?? []).map((m) => {
        const line = Math.min(Math.max(1, m.line), model.getLineCount());
        const endLine = Math.min(Math.max(line, m.endLine ?? line), model.getLineCount());
        return {
          startLineNumber: line,
          startColumn: m.column ?? 1,
          endLineNumber: endLine,
          endColumn: m.endColumn ?? model.getLineMaxColumn(endLine),
          message: m.message,
          severity: m.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
        };
      }),
    );
  }, [markers, state]);

  if (state === 'failed') {
    return (
      <div className={clsx('flex flex-col gap-2', className)}>
        <p role="alert" className="text-sm text-danger">
          The code editor could not be loaded. You can still edit the text here.{' '}
          <Button
            size="sm"
            onClick={() => {
              setState('loading');
              setAttempt((a) => a + 1);
            }}
          >
            Try again
          </Button>
        </p>
        <textarea
          aria-label={label}
          aria-describedby={describedBy}
          className="w-full rounded-md border border-line bg-surface p-2 font-mono text-sm"
          style={{ height }}
          value={value}
          readOnly={readOnly}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    );
  }

  return (
    <div className={clsx('flex flex-col gap-1', className)}>
      <div
        ref={host}
        role="group"
        aria-label={label}
        aria-describedby={clsx(hintId, describedBy) || undefined}
        aria-busy={state === 'loading' || undefined}
        className="relative overflow-hidden rounded-md border border-line bg-surface"
        style={{ height }}
        data-code-editor={language}
      >
        {state === 'loading' && (
          <p role="status" className="absolute inset-0 flex items-center justify-center text-sm text-muted">
            Loading the editor…
          </p>
        )}
      </div>
      <p id={hintId} className="text-xs text-muted">
        Tab indents inside the editor. Press <kbd className="font-mono">Ctrl+M</kbd> (
        <kbd className="font-mono">Ctrl+Shift+M</kbd> on macOS) so Tab moves focus instead, or{' '}
        <kbd className="font-mono">Esc</kbd> then <kbd className="font-mono">Tab</kbd> to leave.
      </p>
    </div>
  );
}
