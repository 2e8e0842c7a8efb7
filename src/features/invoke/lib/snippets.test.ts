// Each snippet is parsed back into the HTTP request it would make (test/snippets.ts) and
// compared with the request the app builds. src/features/invoke/api/send-call.test.ts then checks that
// the app puts exactly that request on the wire, against the demo cluster.
import { buildInvocation, contentTypeFor, type InputSpec } from './request';
import {
  curlSnippet,
  oscarCliSnippet,
  pythonSnippet,
  shellQuote,
  snippetsFor,
  type SnippetCall,
} from './snippets';
import {
  runCurl,
  runOscarCli,
  runPython,
  TOKEN,
  type Files,
  type ParsedRequest,
} from '../test/snippets';

// ---- the cases
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 255, 0, 39]);
const FILES: Files = { "cat's photo.png": PNG, 'input.bin': PNG };
const ENDPOINT = 'https://demo.lagoon.test';

interface Case {
  name: string;
  mode: 'sync' | 'async';
  input: InputSpec;
}

const TRICKY = `It's "quoted", $HOME and \`ticks\`\nsecond line\t🐄 @not-a-file`;
const CASES: Case[] = [
  { name: 'text', mode: 'sync', input: { kind: 'text', text: 'Hello, cow', base64: false } },
  { name: 'tricky text', mode: 'sync', input: { kind: 'text', text: TRICKY, base64: false } },
  { name: 'text starting with @', mode: 'sync', input: { kind: 'text', text: '@etc/passwd', base64: false } },
  { name: 'base64 text', mode: 'sync', input: { kind: 'text', text: TRICKY, base64: true } },
  {
    name: 'JSON',
    mode: 'sync',
    input: { kind: 'json', text: '{\n  "message": "moo \\"quoted\\""\n}', base64: false },
  },
  {
    name: 'raw file',
    mode: 'sync',
    input: { kind: 'file', file: { name: "cat's photo.png", type: 'image/png', bytes: PNG }, base64: false },
  },
  {
    name: 'base64 file',
    mode: 'sync',
    input: { kind: 'file', file: { name: "cat's photo.png", type: 'image/png', bytes: PNG }, base64: true },
  },
  {
    name: 'async base64 file',
    mode: 'async',
    input: { kind: 'file', file: { name: "cat's photo.png", type: 'image/png', bytes: PNG }, base64: true },
  },
  { name: 'async text', mode: 'async', input: { kind: 'text', text: 'start', base64: false } },
  { name: 'empty text', mode: 'sync', input: { kind: 'text', text: '', base64: false } },
];

function snippetCall(c: Case): SnippetCall {
  return {
    endpoint: ENDPOINT,
    service: 'cowsay',
    mode: c.mode,
    input: {
      kind: c.input.kind,
      base64: c.input.base64,
      contentType: contentTypeFor({ ...c.input, fileType: c.input.file?.type }),
      ...(c.input.text !== undefined ? { text: c.input.text } : {}),
      ...(c.input.file ? { fileName: c.input.file.name } : {}),
    },
  };
}

const norm = (r: ParsedRequest) => ({ ...r, body: Buffer.from(r.body).toString('latin1') });

describe.each(CASES)('snippets for $name ($mode)', (c) => {
  const expected = buildInvocation({
    endpoint: ENDPOINT,
    service: 'cowsay',
    mode: c.mode,
    input: c.input,
    token: TOKEN,
  });
  const want = norm({
    method: expected.method,
    url: expected.url,
    headers: {
      authorization: expected.headers.Authorization,
      'content-type': expected.headers['Content-Type'],
    },
    body: expected.body,
  });

  it('curl makes the request the app makes', () => {
    expect(norm(runCurl(curlSnippet(snippetCall(c)).code, FILES))).toEqual(want);
  });

  it('Python makes the request the app makes', () => {
    expect(norm(runPython(pythonSnippet(snippetCall(c)).code, FILES))).toEqual(want);
  });

  it('oscar-cli makes the same request when it can, and says when it cannot', () => {
    const s = oscarCliSnippet(snippetCall(c));
    if (c.mode === 'async' || !c.input.base64) {
      expect(s.sameRequest).toBe(false);
      expect(s.note).toBeTruthy();
      return;
    }
    expect(s.sameRequest).toBe(true);
    const got = norm(runOscarCli(s.code, FILES));
    // oscar-cli sends no Content-Type; OSCAR hands the body to the script whatever it says.
    const { 'content-type': _ignored, ...headers } = want.headers;
    expect(got).toEqual({ ...want, headers });
  });

  it('never contains the token, and reads it from $OSCAR_TOKEN', () => {
    for (const s of snippetsFor(snippetCall(c))) {
      expect(s.code).not.toContain(TOKEN);
      if (s.sameRequest) expect(s.code).toMatch(/OSCAR_TOKEN/);
    }
  });
});

describe('shellQuote', () => {
  it('leaves safe words bare and quotes the rest', () => {
    expect(shellQuote('photo.png')).toBe('photo.png');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('@x')).toBe(`'@x'`);
    expect(shellQuote('')).toBe(`''`);
  });
});
