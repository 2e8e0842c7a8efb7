// A read-only Monaco diff of two texts (e.g. the current service and the edited one, both as YAML).
// Monaco loads through the same lazy import as CodeEditor.
import { useEffect, useId, useRef, useState } from 'react';
import type { editor as MonacoEditorNS } from 'monaco-editor/esm/vs/editor/editor.api';
import { loadMonaco } from './code-editor';

export function DiffEditor({
  label,
  original,
  modified,
  language = 'yaml',
  height = '26rem',
}: {
  label: string;
  original: string;
  modified: string;
  language?: 'yaml' | 'shell';
  height?: string;
}) {
  const hintId = useId();
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const diffRef = useRef<MonacoEditorNS.IStandaloneDiffEditor | null>(null);

  useEffect(() => {
    let disposed = false;
    let created: MonacoEditorNS.IStandaloneDiffEditor | null = null;
    loadMonaco().then(
      ({ monaco }) => {
        if (disposed || !host.current) return;
        created = monaco.editor.createDiffEditor(host.current, {
          readOnly: true,
          originalEditable: false,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          renderSideBySide: true,
          useInlineViewWhenSpaceIsLimited: true,
          renderSideBySideInlineBreakpoint: 700,
          ariaLabel: label,
          originalAriaLabel: `${label}: current`,
          modifiedAriaLabel: `${label}: after the change`,
          accessibilityVerbose: true,
        });
        diffRef.current = created;
        setState('ready');
      },
      () => !disposed && setState('failed'),
    );
    return () => {
      disposed = true;
      if (created) {
        const model = created.getModel();
        created.dispose();
        model?.original.dispose();
        model?.modified.dispose();
      }
      diffRef.current = null;
    };
    // Created once; texts are set below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const diff = diffRef.current;
    if (!diff) return;
    let cancelled = false;
    void loadMonaco().then(({ monaco }) => {
      // Left (or re-rendered) before Monaco answered: this editor may be disposed, and setting a model
      // on it throws "AbstractContextKeyService has been disposed".
      if (cancelled || diffRef.current !== diff) return;
      const old = diff.getModel();
      diff.setModel({
        original: monaco.editor.createModel(original, language),
        modified: monaco.editor.createModel(modified, language),
      });
      old?.original.dispose();
      old?.modified.dispose();
    });
    return () => {
      cancelled = true;
    };
  }, [original, modified, language, state]);

  if (state === 'failed') {
    return (
      <div className="grid gap-2 md:grid-cols-2">
        <PlainText title="Current" text={original} />
        <PlainText title="After the change" text={modified} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <div
        ref={host}
        role="group"
        aria-label={label}
        aria-describedby={hintId}
        aria-busy={state === 'loading' || undefined}
        className="relative overflow-hidden rounded-md border border-line bg-surface"
        style={{ height }}
        data-diff-editor=""
      >
        {state === 'loading' && (
          <p role="status" className="absolute inset-0 flex items-center justify-center text-sm text-muted">
            Loading the comparison…
          </p>
        )}
      </div>
      <p id={hintId} className="text-xs text-muted">
        Left: the service now. Right: after the change. In the editor, <kbd className="font-mono">F7</kbd> and{' '}
        <kbd className="font-mono">Shift+F7</kbd> step through the changes in an accessible list.
      </p>
    </div>
  );
}

function PlainText({ title, text }: { title: string; text: string }) {
  return (
    <figure className="flex min-w-0 flex-col gap-1">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <pre className="max-h-96 overflow-auto rounded-md border border-line bg-surface p-2 font-mono text-xs">{text}</pre>
    </figure>
  );
}
