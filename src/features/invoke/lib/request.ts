// The exact request an invocation makes, decided in one place so the app, the stored history and the
// snippets (curl, Python, oscar-cli) can never disagree. OSCAR's /run and /job take Bearer auth only
// and read the body as the script's input; sync services usually expect files base64-encoded
// (../shared/oscar-api/NOTES.md).
import { bytesToBase64 } from './base64';
import type { CallMode, InputKind } from './history';

export interface InputSpec {
  kind: InputKind;
  /** Text or JSON as typed. */
  text?: string;
  /** A file's bytes and what the browser knows of it. */
  file?: { name: string; type: string; bytes: Uint8Array };
  base64: boolean;
}

export interface InvocationRequest {
  method: 'POST';
  /** '/run/cowsay' or '/job/cowsay'. */
  path: string;
  url: string;
  headers: { Authorization: string; 'Content-Type': string };
  body: Uint8Array;
}

/** The Content-Type sent for an input. Base64 is plain ASCII text whatever it encodes. */
export function contentTypeFor(input: Pick<InputSpec, 'kind' | 'base64'> & { fileType?: string }): string {
  if (input.base64) return 'text/plain';
  if (input.kind === 'json') return 'application/json';
  if (input.kind === 'text') return 'text/plain; charset=utf-8';
  return input.fileType || 'application/octet-stream';
}

/** The raw bytes of the input, before any base64 encoding. */
export function inputBytes(input: InputSpec): Uint8Array {
  if (input.kind === 'file') return input.file?.bytes ?? new Uint8Array();
  return new TextEncoder().encode(input.text ?? '');
}

export function invocationPath(service: string, mode: CallMode): string {
  return `/${mode === 'async' ? 'job' : 'run'}/${encodeURIComponent(service)}`;
}

export function invocationUrl(endpoint: string, service: string, mode: CallMode): string {
  return `${endpoint.replace(/\/+$/, '')}${invocationPath(service, mode)}`;
}

export function buildInvocation(options: {
  endpoint: string;
  service: string;
  mode: CallMode;
  input: InputSpec;
  token: string;
}): InvocationRequest {
  const raw = inputBytes(options.input);
  const body = options.input.base64 ? new TextEncoder().encode(bytesToBase64(raw)) : raw;
  return {
    method: 'POST',
    path: invocationPath(options.service, options.mode),
    url: invocationUrl(options.endpoint, options.service, options.mode),
    headers: {
      Authorization: `Bearer ${options.token}`,
      'Content-Type': contentTypeFor({ ...options.input, fileType: options.input.file?.type }),
    },
    body,
  };
}
