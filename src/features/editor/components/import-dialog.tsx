// Import FDL: files, a folder or a .zip; when the FDL names scripts that were not given, the user
// adds them; with several services, the user picks one to edit or (when creating) creates them all.
import { useEffect, useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { importFiles, readFiles, type ImportResult, type ImportedService, type RawFile } from '../lib/import-files';
import { FilePickButton } from './file-pick-button';
import { CreateAllPanel } from './create-all-panel';

const ACCEPT = '.yaml,.yml,.json,.zip,.sh,.bash,.py,.txt,text/*,application/zip';

export function ImportDialog({
  open,
  mode,
  dropped,
  onClose,
  onOpen,
}: {
  open: boolean;
  mode: 'create' | 'update';
  /** Files dropped on the page, to import at once. */
  dropped: File[] | null;
  onClose: () => void;
  onOpen: (service: ImportedService, scripts: Record<string, string>) => void;
}) {
  const [files, setFiles] = useState<RawFile[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [reading, setReading] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [creatingAll, setCreatingAll] = useState(false);

  const add = async (picked: File[], replace = false) => {
    setReading(true);
    try {
      let raw: RawFile[];
      try {
        raw = await readFiles(picked);
      } catch (e) {
        const problem = { file: picked.map((f) => f.name).join(', '), message: `The files could not be read: ${e instanceof Error ? e.message : String(e)}` };
        setResult((r) => ({ services: r?.services ?? [], missingScripts: r?.missingScripts ?? [], scripts: r?.scripts ?? {}, problems: [problem] }));
        return;
      }
      const all = replace ? raw : [...files, ...raw];
      const r = importFiles(all);
      setFiles(all);
      setResult(r);
      setChosen((c) => (c && r.services.some((s) => s.id === c) ? c : (r.services[0]?.id ?? null)));
    } finally {
      setReading(false);
    }
  };

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- files dropped on the page start an import
    if (open && dropped?.length) void add(dropped, true);
    // Only a new drop starts a new import.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropped, open]);

  const close = () => {
    setFiles([]);
    setResult(null);
    setChosen(null);
    setCreatingAll(false);
    onClose();
  };
  const selected = result?.services.find((s) => s.id === chosen);
  const scriptsByName = Object.fromEntries(Object.entries(result?.scripts ?? {}).flatMap(([p, t]) => [[p, t], [p.split('/').pop() ?? p, t]]));

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Import an FDL file"
      footer={
        creatingAll ? null : (
          <>
            <Button onClick={close}>Cancel</Button>
            {mode === 'create' && (result?.services.length ?? 0) > 1 && (
              <Button onClick={() => setCreatingAll(true)}>Create all {result?.services.length}</Button>
            )}
            <Button variant="primary" disabled={!selected} onClick={() => selected && (onOpen(selected, scriptsByName), close())}>
              {mode === 'create' ? 'Edit this one' : 'Use these settings'}
            </Button>
          </>
        )
      }
    >
      {creatingAll && result ? (
        <CreateAllPanel services={result.services} onDone={close} />
      ) : (
        <div className="flex flex-col gap-3">
          <div
            className="flex flex-col items-center gap-2 rounded-lg border-2 border-dashed border-line px-4 py-5 text-center"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              e.stopPropagation();
              void add(Array.from(e.dataTransfer.files));
            }}
          >
            <p className="text-sm">Drop an FDL file here with its scripts, a folder, or a .zip holding them.</p>
            <div className="flex flex-wrap justify-center gap-2">
              <FilePickButton multiple accept={ACCEPT} busy={reading} onFiles={(f) => void add(f)}>
                Choose files…
              </FilePickButton>
              <FilePickButton folder onFiles={(f) => void add(f)}>
                Choose a folder…
              </FilePickButton>
            </div>
          </div>
          {result && <ImportResultView result={result} mode={mode} chosen={chosen} onChoose={setChosen} onAdd={(f) => void add(f)} />}
        </div>
      )}
    </Dialog>
  );
}

function ImportResultView({
  result,
  mode,
  chosen,
  onChoose,
  onAdd,
}: {
  result: ImportResult;
  mode: 'create' | 'update';
  chosen: string | null;
  onChoose: (id: string) => void;
  onAdd: (files: File[]) => void;
}) {
  return (
    <>
      {result.problems.length > 0 && (
        <div role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm">
          <p className="font-medium text-danger">Some files could not be used:</p>
          <ul className="list-disc pl-5">
            {result.problems.map((p, i) => (
              <li key={i}>
                <span className="font-mono">{p.file}</span>
                {p.line ? `, line ${p.line}` : ''}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.missingScripts.length > 0 && (
        <div className="flex flex-col gap-2 rounded-md border border-warn/50 bg-warn-soft px-3 py-2 text-sm">
          <p>
            The FDL names {result.missingScripts.map((s) => <code key={s} className="mx-0.5 font-mono">{s}</code>)}, which{' '}
            {result.missingScripts.length === 1 ? 'is' : 'are'} not among the files. Add {result.missingScripts.length === 1 ? 'it' : 'them'}, or
            paste the script in the form later.
          </p>
          <div>
            <FilePickButton size="sm" multiple accept=".sh,.bash,.py,.txt,text/*" onFiles={onAdd}>
              Add script files…
            </FilePickButton>
          </div>
        </div>
      )}
      {result.services.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium">
            {result.services.length === 1 ? 'Service found' : `${result.services.length} services found; choose the one to ${mode === 'create' ? 'edit' : 'use'}`}
          </legend>
          <div className="flex max-h-64 flex-col gap-1 overflow-auto">
            {result.services.map((s) => (
              <div key={s.id} className="flex items-start gap-2 rounded-md px-2 py-1 hover:bg-raised">
                <input
                  id={`import-${s.id}`}
                  type="radio"
                  name="imported-service"
                  className="mt-1 accent-accent"
                  checked={chosen === s.id}
                  onChange={() => onChoose(s.id)}
                />
                <label htmlFor={`import-${s.id}`} className="flex min-w-0 flex-col text-sm">
                  <span className="font-mono font-medium">{s.name || '(no name)'}</span>
                  <span className="text-muted">
                    cluster {s.clusterId} · {s.file}
                    {s.scriptRef && (s.scriptFound ? ` · script ${s.scriptRef}` : ` · ${s.scriptRef} missing`)}
                    {s.errors.length > 0 && ` · ${s.errors.length} problem${s.errors.length === 1 ? '' : 's'} to fix`}
                  </span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
    </>
  );
}
