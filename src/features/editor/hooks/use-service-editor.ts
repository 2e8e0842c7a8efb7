// Everything the editor screen needs about the value: the state, its problems by field, the
// request it would send, and applying it.
import { useCallback, useMemo, useReducer, useState } from 'react';
import type { Service } from '../../../api/types';
import { serviceWarnings, validateService, type ServiceIssue } from '../../../lib/fdl/service-schema';
import { editorReducer, initEditorState, type EditorAction, type EditorState } from '../lib/editor-reducer';
import { setIn, type EditorValue, type ServerFields } from '../lib/editor-value';
import { placeServerError, type PlacedError } from '../lib/server-error';
import { planSecrets, requestBody, secretIssues, type SecretPlan } from '../lib/secrets';
import { useApplyService } from '../api/apply';

export type Path = (string | number)[];

export interface FieldIssues {
  errors: Map<string, string[]>;
  warnings: Map<string, string[]>;
  /** Every error that blocks applying. */
  list: ServiceIssue[];
  /** The errors on screen (empty fields only once the user has tried to apply), for the summary. */
  shown: ServiceIssue[];
}

export const pathKey = (path: readonly (string | number)[]) => path.join('.');

function group(issues: ServiceIssue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const i of issues) {
    const key = pathKey(i.path);
    const list = map.get(key) ?? [];
    if (!list.includes(i.message)) list.push(i.message);
    map.set(key, list);
  }
  return map;
}

export interface EditorSetup {
  mode: 'create' | 'update';
  initial: EditorValue;
  /** The service as the cluster has it (update), for the diff and the secrets. */
  baseline: EditorValue | null;
  baselineSecrets: readonly string[] | null;
  server: ServerFields;
  /** A service made elsewhere (an app's form, a Hub crate): where it came from and where to go after. */
  origin?: { label: string; href: string; afterCreate?: string | undefined; review: boolean };
}

export function useServiceEditor(setup: EditorSetup) {
  const [state, dispatch] = useReducer(editorReducer, setup, (s) => initEditorState(s.initial, s.baselineSecrets));
  const [serverError, setServerError] = useState<(PlacedError & { value: unknown }) | null>(null);
  const apply = useApplyService();

  // Empty fields are not complained about until the user first tries to apply.
  const [revealEmpty, setRevealEmpty] = useState(setup.mode === 'update');
  const issues = useMemo<FieldIssues>(() => {
    const svc = state.value.service;
    const list = [...validateService(svc), ...secretIssues(svc, setup.baselineSecrets)];
    const isEmpty = (i: ServiceIssue) => {
      const v = fieldValue(svc, i.path);
      return v === undefined || v === '';
    };
    const errors = group(revealEmpty ? list : list.filter((i) => !isEmpty(i)));
    // The server's complaint stays on its field until that field changes. It does not block another
    // try: the server may have refused for a reason that has passed.
    if (serverError?.field && serverError.fieldMessage) {
      const now = JSON.stringify(fieldValue(svc, serverError.field));
      if (now === JSON.stringify(serverError.value)) {
        const key = pathKey(serverError.field);
        errors.set(key, [...(errors.get(key) ?? []), serverError.fieldMessage]);
      }
    }
    return { errors, warnings: group(serviceWarnings(svc)), list, shown: revealEmpty ? list : list.filter((i) => !isEmpty(i)) };
  }, [state.value, setup.baselineSecrets, serverError, revealEmpty]);

  const plan: SecretPlan = useMemo(
    () => planSecrets(state.value.service, setup.mode === 'create' ? null : setup.baselineSecrets),
    [state.value, setup.mode, setup.baselineSecrets],
  );

  const setField = useCallback((path: Path, value: unknown) => {
    dispatch({ type: 'form', update: (v) => setIn(v, ['service', ...path], value) });
  }, []);

  const submit = useCallback(async (): Promise<boolean> => {
    const mode = setup.mode === 'create' ? ({ kind: 'create' } as const) : ({ kind: 'update', baselineSecrets: setup.baselineSecrets ?? [], server: setup.server } as const);
    const { body } = requestBody(state.value, mode);
    setServerError(null);
    try {
      await apply.mutateAsync({ kind: setup.mode, body });
      return true;
    } catch (e) {
      const placed = placeServerError(e, setup.mode, state.value.service.name);
      setServerError({ ...placed, value: placed.field ? fieldValue(state.value.service, placed.field) : undefined });
      return false;
    }
  }, [apply, setup, state.value]);

  return {
    state,
    dispatch: dispatch as (a: EditorAction) => void,
    setField,
    issues,
    plan,
    serverError,
    clearServerError: () => setServerError(null),
    revealEmpty: () => setRevealEmpty(true),
    submit,
    applying: apply.isPending,
  };
}

function fieldValue(svc: Service, path: Path): unknown {
  let cur: unknown = svc;
  for (const seg of path) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
  return cur;
}

export type ServiceEditorApi = ReturnType<typeof useServiceEditor>;
export type { EditorState };
