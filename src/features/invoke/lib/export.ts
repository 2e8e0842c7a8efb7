// The history as a JSON document a person can read and a script can load: each call's summary with
// its input and answer, text as text and anything else as base64. Tokens are never part of a call,
// so an export can be shared.
import { bytesToBase64 } from './base64';
import type { CallBody, CallSummary } from './history';

export interface ExportedBody {
  encoding: 'utf-8' | 'base64';
  data: string;
  /** Only the start of the body was kept. */
  truncated: boolean;
}

export interface ExportedCall extends CallSummary {
  inputBody?: ExportedBody;
  answerBody?: ExportedBody;
  answerHeaders?: [string, string][];
}

export interface HistoryExport {
  format: 'lagoon-invocations';
  version: 1;
  endpoint: string;
  exportedAt: string;
  calls: ExportedCall[];
}

function exportBody(value: string | Uint8Array, truncated: boolean): ExportedBody {
  if (typeof value === 'string') return { encoding: 'utf-8', data: value, truncated };
  try {
    return { encoding: 'utf-8', data: new TextDecoder('utf-8', { fatal: true }).decode(value), truncated };
  } catch {
    return { encoding: 'base64', data: bytesToBase64(value), truncated };
  }
}

export function exportCall(summary: CallSummary, body: CallBody | undefined): ExportedCall {
  const out: ExportedCall = { ...summary };
  if (body?.input !== undefined) out.inputBody = exportBody(body.input, body.inputTruncated ?? false);
  if (body?.answer !== undefined)
    out.answerBody = exportBody(body.answer, summary.answer?.stored === 'preview');
  if (body?.headers) out.answerHeaders = body.headers;
  return out;
}

export function buildExport(endpoint: string, calls: ExportedCall[], now = new Date()): HistoryExport {
  return { format: 'lagoon-invocations', version: 1, endpoint, exportedAt: now.toISOString(), calls };
}
