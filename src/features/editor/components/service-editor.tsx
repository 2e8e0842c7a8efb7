// The editor screen: the form and YAML tabs over one value, the review with a diff, and apply.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Badge } from '../../../components/badge';
import { usePageTitle } from '../../../components/page-title';
import { toast } from '../../../components/toast';
import { useDraft } from '../hooks/use-draft';
import { useServiceEditor, type EditorSetup } from '../hooks/use-service-editor';
import type { Draft } from '../lib/drafts';
import { duplicateValue } from '../lib/editor-value';
import { valueToYaml } from '../lib/yaml-sync';
import { ApplyErrorBanner } from './apply-error-banner';
import { DraftBanner } from './draft-banner';
import { EditorHeader } from './editor-header';
import { EditorTabs, type EditorTab } from './editor-tabs';
import { ExportDialog } from './export-dialog';
import { ErrorSummary, focusIssue, ServiceForm } from './form/service-form';
import { ImportDialog } from './import-dialog';
import { ReviewStep } from './review-step';
import { YamlTab } from './yaml-tab';
import { afterCreatePath } from '../../../lib/service-prefill/prefill';

export function ServiceEditor({ setup, endpoint }: { setup: EditorSetup; endpoint: string }) {
  const ed = useServiceEditor(setup);
  const { state, dispatch, issues } = ed;
  const navigate = useNavigate();
  const original = setup.mode === 'update' ? setup.initial.service.name : null;
  const initialJson = useMemo(() => JSON.stringify(setup.initial), [setup.initial]);
  const isTrivial = useCallback((d: Draft) => !d.yaml && JSON.stringify(d.value) === initialJson, [initialJson]);
  const draft = useDraft(endpoint, original, state, isTrivial);
  const [params, setParams] = useSearchParams();
  const tab: EditorTab = params.get('tab') === 'yaml' ? 'yaml' : 'form';
  const setTab = (t: EditorTab) => setParams((p) => (t === 'form' ? p.delete('tab') : p.set('tab', t), p), { replace: true });
  const [step, setStep] = useState<'edit' | 'review'>(setup.origin?.review ? 'review' : 'edit');
  const [dialog, setDialog] = useState<null | 'import' | 'export'>(null);
  const [dropped, setDropped] = useState<File[] | null>(null);
  const name = state.value.service.name;
  usePageTitle(setup.mode === 'create' ? 'Create service' : `Edit ${original}`);

  const review = () => {
    if (state.yamlStale) {
      setTab('yaml');
      toast('The YAML has problems to fix before it can be applied; they are listed under the editor.', 'warning');
    } else if (issues.list.length > 0) {
      ed.revealEmpty();
      setTab('form');
      requestAnimationFrame(() => issues.list[0] && focusIssue(issues.list[0]));
      toast(`Fix ${issues.list.length === 1 ? 'the problem' : `the ${issues.list.length} problems`} listed at the top of the form first.`, 'warning');
    } else setStep('review');
  };
  const reviewRef = useLatest(review);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (step === 'edit' && !dialog) reviewRef.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [step, dialog, reviewRef]);

  const apply = async () => {
    await draft.flush();
    if (await ed.submit()) {
      await draft.clear();
      toast(setup.mode === 'create' ? `Service ${name} created.` : `Service ${name} updated.`, 'success');
      navigate(afterCreatePath(setup.origin, name));
    } else {
      setStep('edit');
    }
  };
  useEffect(() => {
    // A refused field is shown where it is edited.
    const field = ed.serverError?.field;
    if (field && step === 'edit') {
      setParams((p) => (p.delete('tab'), p), { replace: true });
      requestAnimationFrame(() => focusIssue({ path: field, message: '' }));
    }
  }, [ed.serverError, step, setParams]);

  const errorCount = issues.shown.length;
  return (
    <div
      className="flex flex-col gap-4"
      onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        setDropped(Array.from(e.dataTransfer.files));
        setDialog('import');
      }}
    >
      <EditorHeader
        mode={setup.mode}
        name={original ?? name}
        origin={setup.origin ?? null}
        reviewing={step === 'review'}
        onImport={() => setDialog('import')}
        onExport={() => setDialog('export')}
        onDuplicate={() => navigate('/services/new', { state: { duplicate: duplicateValue(state.value) } })}
        onReview={review}
      />
      {draft.found && step === 'edit' && (
        <DraftBanner
          draft={draft.found}
          onRestore={() => {
            const d = draft.found as Draft;
            dispatch({ type: 'load', value: d.value, ...(d.yaml !== undefined ? { yaml: d.yaml } : {}) });
            draft.dismiss();
            toast('Draft restored.', 'success');
          }}
          onDiscard={() => void draft.clear()}
        />
      )}
      {ed.serverError && <ApplyErrorBanner error={ed.serverError} onDismiss={ed.clearServerError} />}
      {step === 'review' ? (
        <ReviewStep
          mode={setup.mode}
          fromTemplate={setup.origin && setup.baseline ? setup.origin.label : null}
          name={name}
          before={setup.baseline ? valueToYaml(setup.baseline, setup.baselineSecrets, true) : ''}
          after={valueToYaml(state.value, setup.baselineSecrets, true)}
          plan={ed.plan}
          applying={ed.applying}
          onBack={() => setStep('edit')}
          onApply={() => void apply()}
        />
      ) : (
        <EditorTabs
          tab={tab}
          onTab={setTab}
          badges={{
            form: errorCount > 0 ? <Badge tone="danger">{errorCount}</Badge> : null,
            yaml: state.yamlStale ? <Badge tone="danger">fix</Badge> : null,
          }}
        >
          {tab === 'form' ? (
            <div className="flex flex-col gap-4">
              {state.yamlStale && (
                <p role="status" className="rounded-md border border-warn/50 bg-warn-soft px-3 py-2 text-sm">
                  The YAML tab has text that cannot be read yet. The form shows the last readable version and cannot be edited until
                  the YAML is fixed, so nothing you typed there is lost.
                </p>
              )}
              <ErrorSummary issues={issues.shown} />
              <ServiceForm
                ctx={{ service: state.value.service, setField: ed.setField, issues, readOnly: state.yamlStale, mode: setup.mode, baselineSecrets: setup.baselineSecrets }}
                plan={ed.plan}
                scriptFileName={state.value.scriptFileName}
                onRenameScript={(n) => dispatch({ type: 'form', update: (v) => ({ ...v, scriptFileName: n }) })}
                onScriptFile={(n, content) => dispatch({ type: 'script-file', name: n, content })}
              />
            </div>
          ) : (
            <YamlTab yaml={state.yaml} issues={state.yamlIssues} stale={state.yamlStale} onChange={(text) => dispatch({ type: 'yaml', text })} />
          )}
        </EditorTabs>
      )}
      <ImportDialog
        open={dialog === 'import'}
        mode={setup.mode}
        dropped={dropped}
        onClose={() => {
          setDialog(null);
          setDropped(null);
        }}
        onOpen={(s, scripts) => {
          const service = original ? { ...s.value.service, name: original } : s.value.service;
          dispatch({ type: 'load', value: { ...s.value, service }, scripts });
          toast(original && s.name !== original ? `Imported the settings of ${s.name} into ${original}.` : `Imported ${s.name || 'the service'}.`, 'success');
        }}
      />
      <ExportDialog open={dialog === 'export'} value={state.value} onClose={() => setDialog(null)} />
    </div>
  );
}

function useLatest<T>(value: T) {
  const [ref] = useState(() => ({ current: value }));
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
