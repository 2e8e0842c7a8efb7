// Replaying a stored call: the same service, mode, input, encoding and kind of token. Tokens are never
// stored, so the token is fetched again (the service's) or taken from the session (OIDC); a call made
// with a pasted token, or whose file was too large to keep, is replayed through "edit and replay".
import type { QueryClient } from '@tanstack/react-query';
import { getSession } from '../../../lib/session/session';
import type { CallBody, CallSummary } from '../lib/history';
import type { InputSpec } from '../lib/request';
import type { SnippetCall } from '../lib/snippets';
import { DEFAULT_FORM, sha256Hex, type InvokeForm } from '../hooks/use-invoke-form';
import type { PreparedCall } from './send-call';
import { invokeServiceQuery } from './service';

export type ReplayPlan = { ok: true; call: PreparedCall } | { ok: false; reason: string };

export function storedInput(summary: CallSummary, body: CallBody | null | undefined): InputSpec | null {
  if (!body || body.inputTruncated || body.input === undefined) return null;
  if (summary.input.kind === 'file') {
    if (!(body.input instanceof Uint8Array)) return null;
    return {
      kind: 'file',
      base64: summary.input.base64,
      file: { name: summary.input.name ?? 'input.bin', type: summary.input.type ?? '', bytes: body.input },
    };
  }
  return {
    kind: summary.input.kind,
    base64: summary.input.base64,
    text: typeof body.input === 'string' ? body.input : new TextDecoder().decode(body.input),
  };
}

export async function planReplay(
  summary: CallSummary,
  body: CallBody | null | undefined,
  qc: QueryClient,
  timeoutMs = 300_000,
): Promise<ReplayPlan> {
  const input = storedInput(summary, body);
  if (!input)
    return {
      ok: false,
      reason: 'The input of this call was too large to keep. Use “Edit and replay” to give it again.',
    };
  let token: string | null = null;
  if (summary.auth === 'pasted')
    return {
      ok: false,
      reason:
        'This call used a pasted token, which Lagoon never keeps. Use “Edit and replay” to paste it again.',
    };
  if (summary.auth === 'oidc') {
    const c = getSession()?.credentials;
    token = c?.kind === 'bearer' ? c.token : null;
    if (!token)
      return {
        ok: false,
        reason: 'This call used an OIDC token, and this session has none (signed in with a password).',
      };
  } else {
    try {
      token = (await qc.fetchQuery(invokeServiceQuery(summary.service))).token || null;
    } catch (e) {
      return {
        ok: false,
        reason: `The token of ${summary.service} could not be loaded: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
    if (!token)
      return { ok: false, reason: `The cluster does not show the token of ${summary.service} to you.` };
  }
  return {
    ok: true,
    call: {
      endpoint: summary.endpoint,
      service: summary.service,
      mode: summary.mode,
      auth: summary.auth,
      token,
      input,
      ...(summary.input.sha256 ? { sha256: summary.input.sha256 } : {}),
      timeoutMs,
      replayOf: summary.id,
    },
  };
}

/** The invoke form filled in with a stored call, for "edit and replay". */
export async function formFromCall(
  summary: CallSummary,
  body: CallBody | null | undefined,
): Promise<InvokeForm> {
  const input = storedInput(summary, body);
  const base64 = { ...DEFAULT_FORM.base64, [summary.input.kind]: summary.input.base64 };
  const form: InvokeForm = {
    ...DEFAULT_FORM,
    kind: summary.input.kind,
    base64,
    mode: summary.mode,
    auth: summary.auth,
  };
  if (input?.kind === 'file' && input.file) {
    const f = input.file;
    form.file = {
      name: f.name,
      type: f.type,
      size: f.bytes.length,
      bytes: f.bytes,
      sha256: summary.input.sha256 ?? (await sha256Hex(f.bytes)),
    };
  } else if (input?.kind === 'json') form.json = input.text ?? '';
  else if (input?.kind === 'text') form.text = input.text ?? '';
  return form;
}

export function snippetCallFromSummary(summary: CallSummary, body: CallBody | null | undefined): SnippetCall {
  const input = storedInput(summary, body);
  const text = input?.kind !== 'file' ? (input?.text ?? summary.input.preview ?? '') : undefined;
  return {
    endpoint: summary.endpoint,
    service: summary.service,
    mode: summary.mode,
    input: {
      kind: summary.input.kind,
      base64: summary.input.base64,
      contentType: summary.input.contentType,
      ...(text !== undefined ? { text } : {}),
      ...(summary.input.name ? { fileName: summary.input.name } : {}),
    },
  };
}
