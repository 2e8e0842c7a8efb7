// The YAML tab: the service as an FDL file in Monaco, with every problem as a marker on its line and
// listed under the editor (each entry jumps to its line).
import { useEffect, useMemo, useRef } from 'react';
import { CodeEditor, loadMonaco, type CodeEditorHandle, type EditorMarker } from '../../../components/code-editor';
import type { YamlIssue } from '../lib/yaml-sync';
import { fdlJsonSchema } from '../lib/fdl-json-schema';
import { UNCHANGED_SECRET } from '../lib/secrets';

export const FDL_MODEL_URI = 'inmemory://lagoon/service.fdl.yaml';

export function YamlTab({
  yaml,
  issues,
  stale,
  onChange,
}: {
  yaml: string;
  issues: YamlIssue[];
  stale: boolean;
  onChange: (text: string) => void;
}) {
  const editor = useRef<CodeEditorHandle>(null);
  useEffect(() => {
    void loadMonaco().then((m) => m.setYamlSchema(fdlJsonSchema(), [FDL_MODEL_URI]));
  }, []);
  const markers = useMemo<EditorMarker[]>(
    () => issues.map((i) => ({ line: i.line, column: i.column, message: i.message, severity: i.severity })),
    [issues],
  );
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <div className="flex flex-col gap-3">
      <p id="yaml-help" className="text-sm text-muted">
        The service as an FDL file, the format oscar-cli applies: paste the FDL you already use. The script is the file named
        in <span className="font-mono">script:</span>, edited in the form&apos;s Script section. Secrets shown as{' '}
        <span className="font-mono">{UNCHANGED_SECRET}</span> keep their value on the cluster.
      </p>
      {stale && (
        <p role="status" className="rounded-md border border-warn/50 bg-warn-soft px-3 py-2 text-sm">
          This text cannot be read as one service yet, so the form still shows the last readable version. Nothing you typed is
          lost; fix the problems below to carry on.
        </p>
      )}
      <CodeEditor
        ref={editor}
        label="Service FDL (YAML)"
        language="yaml"
        value={yaml}
        onChange={onChange}
        markers={markers}
        uri={FDL_MODEL_URI}
        height="32rem"
        describedBy={issues.length ? 'yaml-problems yaml-help' : 'yaml-help'}
      />
      <div id="yaml-problems" aria-live="polite">
        {issues.length === 0 ? (
          <p className="text-sm text-ok">No problems found in the YAML.</p>
        ) : (
          <div className="flex flex-col gap-1">
            <h3 className="text-sm font-semibold">
              {errors.length > 0 && `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}`}
              {errors.length > 0 && warnings.length > 0 && ', '}
              {warnings.length > 0 && `${warnings.length} ${warnings.length === 1 ? 'note' : 'notes'}`}
            </h3>
            <ul className="flex max-h-64 flex-col gap-0.5 overflow-auto text-sm">
              {issues.slice(0, 100).map((i, n) => (
                <li key={`${i.line}:${i.column}:${n}`}>
                  <button
                    type="button"
                    className="text-left hover:underline"
                    onClick={() => editor.current?.revealLine(i.line, i.column)}
                  >
                    <span className={i.severity === 'error' ? 'font-medium text-danger' : 'font-medium text-warn'}>
                      Line {i.line}
                      {i.severity === 'warning' ? ' (note)' : ''}:
                    </span>{' '}
                    {i.message}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
