// The same call from a terminal or a script: curl, Python (requests) and oscar-cli. The token is always
// read from $OSCAR_TOKEN, never written into the snippet, so a snippet can be pasted into a chat or a
// notebook safely. Each snippet sends the bytes the app sends (see invoke-request.ts); the unit tests
// parse them back into requests and compare.
import type { CallMode, InputKind } from './history';

export const TOKEN_VAR = 'OSCAR_TOKEN';

export interface SnippetCall {
  endpoint: string;
  service: string;
  mode: CallMode;
  input: {
    kind: InputKind;
    base64: boolean;
    contentType: string;
    /** Text or JSON input. */
    text?: string;
    /** For a file input: its name (the snippet reads it from the current directory). */
    fileName?: string;
  };
}

export interface Snippet {
  id: 'curl' | 'python' | 'oscar-cli';
  label: string;
  code: string;
  /** The snippet makes exactly the request the app makes. */
  sameRequest: boolean;
  /** Anything to know before running it. */
  note?: string;
}

/** Quotes a word for POSIX sh: inside single quotes nothing is special, a ' is closed, escaped and reopened. */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_./:=@%+-]+$/.test(s) && !s.startsWith('@')) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A Python string literal (JSON's escapes are all valid Python). */
function py(s: string): string {
  return JSON.stringify(s);
}

function url(call: SnippetCall): string {
  return `${call.endpoint.replace(/\/+$/, '')}/${call.mode === 'async' ? 'job' : 'run'}/${encodeURIComponent(call.service)}`;
}

function fileName(call: SnippetCall): string {
  return call.input.fileName || 'input.bin';
}

export function curlSnippet(call: SnippetCall): Snippet {
  const { input } = call;
  // Text goes through printf so that a leading "@" is never read by curl as a file name.
  const source =
    input.kind === 'file'
      ? input.base64
        ? `base64 < ${shellQuote(fileName(call))} | tr -d '\\n' | `
        : ''
      : `printf '%s' ${shellQuote(input.text ?? '')} | ${input.base64 ? `base64 | tr -d '\\n' | ` : ''}`;
  const data = input.kind === 'file' && !input.base64 ? `@${shellQuote(fileName(call))}` : '@-';
  const lines = [
    `${source}curl -sS -X POST ${shellQuote(url(call))}`,
    `  -H "Authorization: Bearer $${TOKEN_VAR}"`,
    `  -H ${shellQuote(`Content-Type: ${input.contentType}`)}`,
    `  --data-binary ${data}`,
  ];
  return {
    id: 'curl',
    label: 'curl',
    code: lines.join(' \\\n'),
    sameRequest: true,
    ...(call.mode === 'async'
      ? { note: 'The cluster answers 201 with an empty body; the job shows in the service’s jobs.' }
      : {}),
  };
}

export function pythonSnippet(call: SnippetCall): Snippet {
  const { input } = call;
  const imports = ['import os', ...(input.base64 ? ['import base64'] : []), '', 'import requests', ''];
  const data =
    input.kind === 'file'
      ? [
          `with open(${py(fileName(call))}, "rb") as f:`,
          `    data = ${input.base64 ? 'base64.b64encode(f.read())' : 'f.read()'}`,
        ]
      : [
          `data = ${input.base64 ? `base64.b64encode(${py(input.text ?? '')}.encode("utf-8"))` : `${py(input.text ?? '')}.encode("utf-8")`}`,
        ];
  const after =
    call.mode === 'async'
      ? ['response.raise_for_status()', 'print("Job created:", response.status_code)']
      : ['response.raise_for_status()', 'print(response.text)'];
  const code = [
    ...imports,
    `url = ${py(url(call))}`,
    'headers = {',
    `    "Authorization": "Bearer " + os.environ[${py(TOKEN_VAR)}],`,
    `    "Content-Type": ${py(input.contentType)},`,
    '}',
    ...data,
    'response = requests.post(url, headers=headers, data=data, timeout=300)',
    ...after,
  ].join('\n');
  return { id: 'python', label: 'Python', code, sameRequest: true };
}

export function oscarCliSnippet(call: SnippetCall): Snippet {
  const { input } = call;
  if (call.mode === 'async') {
    return {
      id: 'oscar-cli',
      label: 'oscar-cli',
      code: `oscar-cli service put-file ${shellQuote(call.service)} ${shellQuote(input.kind === 'file' ? fileName(call) : 'input.txt')}`,
      sameRequest: false,
      note: 'oscar-cli has no command for /job: put-file uploads the input to the service’s input bucket, which starts a job the same way (it needs a cluster added with "oscar-cli cluster add").',
    };
  }
  const endpoint = call.endpoint.replace(/\/+$/, '');
  const what =
    input.kind === 'file'
      ? `--file-input ${shellQuote(fileName(call))}`
      : `--text-input ${shellQuote(input.text ?? '')}`;
  const code = `oscar-cli service run ${shellQuote(call.service)} \\\n  --endpoint ${shellQuote(endpoint)} \\\n  --token "$${TOKEN_VAR}" \\\n  ${what}`;
  return {
    id: 'oscar-cli',
    label: 'oscar-cli',
    code,
    sameRequest: input.base64,
    note: input.base64
      ? 'oscar-cli base64-encodes the input and decodes a base64 answer; it sends no Content-Type.'
      : 'oscar-cli always sends the input base64-encoded; this call sent it as is, so the service receives different bytes.',
  };
}

export function snippetsFor(call: SnippetCall): Snippet[] {
  return [curlSnippet(call), pythonSnippet(call), oscarCliSnippet(call)];
}
