// The invoke panel's input: text, JSON or a file, base64 or not (on by default for files, as OSCAR's
// sync services expect), sync or async, which token, and how long to wait. `prepare` turns it into a
// call, or says why it cannot be sent.
import { useCallback, useState } from 'react';
import { checkJson, type JsonCheck } from '../lib/json';
import type { CallAuth, CallMode, InputKind } from '../lib/history';
import type { InputSpec } from '../lib/request';

export interface PickedFile {
  name: string;
  type: string;
  size: number;
  bytes: Uint8Array;
  sha256: string;
}

export interface InvokeForm {
  kind: InputKind;
  text: string;
  json: string;
  file: PickedFile | null;
  base64: Record<InputKind, boolean>;
  mode: CallMode;
  auth: CallAuth;
  pastedToken: string;
  timeoutSeconds: number;
}

export const DEFAULT_FORM: InvokeForm = {
  kind: 'text',
  text: '',
  json: '{\n  \n}',
  file: null,
  base64: { text: false, json: false, file: true },
  mode: 'sync',
  auth: 'service',
  pastedToken: '',
  timeoutSeconds: 300,
};

export type Prepared =
  | { ok: true; input: InputSpec; sha256?: string }
  /** Not sent but kept in the history as a failure. */
  | { ok: false; record: true; reason: string; input: InputSpec }
  /** Nothing to send yet: a form error only. */
  | { ok: false; record: false; reason: string };

export function prepareInput(form: InvokeForm, json: JsonCheck | null): Prepared {
  const base64 = form.base64[form.kind];
  if (form.kind === 'file') {
    if (!form.file) return { ok: false, record: false, reason: 'Choose a file to send.' };
    const input: InputSpec = {
      kind: 'file',
      base64,
      file: { name: form.file.name, type: form.file.type, bytes: form.file.bytes },
    };
    if (form.file.size === 0)
      return { ok: false, record: true, reason: `the file ${form.file.name} is empty (0 bytes).`, input };
    return { ok: true, input, sha256: form.file.sha256 };
  }
  if (form.kind === 'json') {
    const input: InputSpec = { kind: 'json', base64, text: form.json };
    if (json && !json.ok)
      return {
        ok: false,
        record: true,
        reason: `the JSON is not valid at line ${json.line}, column ${json.column}: ${json.message}`,
        input,
      };
    return { ok: true, input };
  }
  return { ok: true, input: { kind: 'text', base64, text: form.text } };
}

export function useInvokeForm(initial: InvokeForm = DEFAULT_FORM) {
  const [form, setForm] = useState<InvokeForm>(initial);
  const update = useCallback((patch: Partial<InvokeForm>) => setForm((f) => ({ ...f, ...patch })), []);
  const setBase64 = useCallback(
    (on: boolean) => setForm((f) => ({ ...f, base64: { ...f.base64, [f.kind]: on } })),
    [],
  );
  const json = form.kind === 'json' ? checkJson(form.json) : null;
  return { form, setForm, update, setBase64, json, prepared: prepareInput(form, json) };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function pickFile(file: File): Promise<PickedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name: file.name, type: file.type, size: bytes.length, bytes, sha256: await sha256Hex(bytes) };
}
