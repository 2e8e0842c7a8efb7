// Makes one invocation and describes it for the history. /run answers are read as a stream (counted,
// previewed, kept as a Blob) so a 50 MB answer never sits in one string; /job answers 201 with no body
// (NOTES.md). The token goes in an explicit Authorization header: /run and /job take Bearer only, and
// a refused token must not end the session.
import { oscar } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { detectBody } from '../lib/detect';
import { cancelledMessage, explainFailure, timeoutMessage } from '../lib/errors';
import {
  getKeepLimit,
  keepBytes,
  newCallId,
  type CallAuth,
  type CallBody,
  type CallMode,
  type CallSummary,
} from '../lib/history';
import { buildInvocation, contentTypeFor, inputBytes, type InputSpec } from '../lib/request';
import { readAnswer } from '../lib/stream';

export interface PreparedCall {
  endpoint: string;
  service: string;
  mode: CallMode;
  auth: CallAuth;
  token: string;
  input: InputSpec;
  /** SHA-256 (hex) of a file input. */
  sha256?: string;
  timeoutMs: number;
  replayOf?: string;
}

export interface LiveAnswer {
  bytes: Uint8Array;
  complete: boolean;
  size: number;
  blob: Blob;
  contentType: string;
  headers: [string, string][];
}

export interface CallResult {
  summary: CallSummary;
  body: CallBody;
  /** What came back, when anything did (a sync answer, or an error's body). */
  answer?: LiveAnswer;
  /** Why it failed, beyond the one-line error. */
  why?: string;
}

export interface CallHooks {
  signal?: AbortSignal;
  /** Headers arrived; bytes are streaming in. */
  onReceiving?: () => void;
  onProgress?: (received: number) => void;
  now?: () => number;
}

const encoder = new TextEncoder();

function baseSummary(call: PreparedCall, at: number): CallSummary {
  const raw = inputBytes(call.input);
  const file = call.input.file;
  return {
    id: newCallId(at),
    endpoint: call.endpoint,
    service: call.service,
    at,
    mode: call.mode,
    auth: call.auth,
    input: {
      kind: call.input.kind,
      base64: call.input.base64,
      size: raw.length,
      contentType: contentTypeFor({ ...call.input, fileType: file?.type }),
      ...(file ? { name: file.name, type: file.type } : { preview: (call.input.text ?? '').slice(0, 200) }),
      ...(call.sha256 ? { sha256: call.sha256 } : {}),
    },
    outcome: 'ok',
    ...(call.replayOf ? { replayOf: call.replayOf } : {}),
  };
}

function inputBody(call: PreparedCall): CallBody {
  const limit = getKeepLimit();
  if (call.input.kind === 'file') {
    const bytes = call.input.file?.bytes ?? new Uint8Array();
    return bytes.length <= limit ? { input: bytes } : { inputTruncated: true };
  }
  const text = call.input.text ?? '';
  return text.length <= limit ? { input: text } : { input: text.slice(0, 64 * 1024), inputTruncated: true };
}

/** A call refused before sending (invalid JSON, an empty file): kept in the history as a failure. */
export function refusedCall(call: PreparedCall, reason: string): CallResult {
  const summary: CallSummary = {
    ...baseSummary(call, Date.now()),
    outcome: 'failed',
    error: `Not sent: ${reason}`,
  };
  return { summary, body: inputBody(call) };
}

export async function performCall(call: PreparedCall, hooks: CallHooks = {}): Promise<CallResult> {
  const now = hooks.now ?? (() => performance.now());
  const summary = baseSummary(call, Date.now());
  const body = inputBody(call);
  const request = buildInvocation({
    endpoint: call.endpoint,
    service: call.service,
    mode: call.mode,
    input: call.input,
    token: call.token,
  });
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), call.timeoutMs);
  const signal = hooks.signal ? AbortSignal.any([hooks.signal, timeout.signal]) : timeout.signal;
  const t0 = now();
  const finish = (extra: Partial<CallSummary>, answer?: LiveAnswer, why?: string): CallResult => {
    clearTimeout(timer);
    return {
      summary: { ...summary, durationMs: Math.round(now() - t0), ...extra },
      body,
      ...(answer ? { answer } : {}),
      ...(why ? { why } : {}),
    };
  };
  try {
    const params = { path: { serviceName: call.service } };
    const init = {
      params,
      body: request.body as unknown as string,
      bodySerializer: (b: unknown) => b as BodyInit,
      headers: request.headers,
      signal,
    };
    if (call.mode === 'async') {
      const { response } = await oscar.POST('/job/{serviceName}', { ...init, parseAs: 'text' });
      return finish({ status: response.status });
    }
    const { data, response } = await oscar.POST('/run/{serviceName}', { ...init, parseAs: 'stream' });
    hooks.onReceiving?.();
    const contentType = response.headers.get('content-type') ?? '';
    const read = await readAnswer(data ?? null, {
      signal,
      type: contentType || 'application/octet-stream',
      ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
      now,
    });
    const info = detectBody(read.bytes, { contentType, partial: !read.complete });
    const kept = keepBytes(read.bytes, read.size);
    body.answer = kept.bytes;
    body.headers = [...response.headers.entries()];
    const answer: LiveAnswer = {
      bytes: read.bytes,
      complete: read.complete,
      size: read.size,
      blob: read.blob,
      contentType,
      headers: body.headers,
    };
    return finish(
      {
        status: response.status,
        outcome: info.problems.length ? 'failed' : 'ok',
        answer: {
          size: read.size,
          kind: info.kind,
          label: info.label,
          base64: info.base64,
          contentType,
          stored: kept.stored,
        },
        ...(info.problems.length ? { error: info.problems.join(' ') } : {}),
      },
      answer,
    );
  } catch (e) {
    const elapsed = now() - t0;
    // Whatever shape the abort takes on its way out (a DOMException, or the client's network error),
    // an aborted signal means the call was stopped, by the user or by the timeout.
    if (signal.aborted || (e instanceof DOMException && e.name === 'AbortError')) {
      if (timeout.signal.aborted && !hooks.signal?.aborted)
        return finish({ outcome: 'failed', error: timeoutMessage(call.timeoutMs) });
      return finish({ outcome: 'cancelled', error: cancelledMessage(elapsed) });
    }
    if (isApiError(e)) {
      const text =
        typeof e.body === 'string' ? e.body : e.body === undefined ? '' : JSON.stringify(e.body, null, 2);
      const explained = explainFailure({
        auth: call.auth,
        service: call.service,
        status: e.status,
        serverMessage: e.message,
      });
      let answer: LiveAnswer | undefined;
      if (text) {
        const bytes = encoder.encode(text);
        body.answer = keepBytes(bytes, bytes.length).bytes;
        answer = {
          bytes,
          complete: true,
          size: bytes.length,
          blob: new Blob([bytes]),
          contentType: 'text/plain',
          headers: [],
        };
      }
      return finish(
        {
          outcome: 'failed',
          ...(e.status ? { status: e.status } : {}),
          error: explained.message,
          ...(explained.why ? { hint: explained.why } : {}),
          ...(text
            ? {
                answer: {
                  size: answer!.size,
                  kind: 'text' as const,
                  label: 'Text',
                  base64: false,
                  stored: 'full' as const,
                },
              }
            : {}),
        },
        answer,
        explained.why,
      );
    }
    return finish({ outcome: 'failed', error: e instanceof Error ? e.message : String(e) });
  }
}
