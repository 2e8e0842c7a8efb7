// Test helpers: parse the snippets of invoke-snippets.ts back into the HTTP requests they would make
// (a small shell interpreter for the curl pipeline, a small evaluator for the Python, oscar-cli's own
// rules from its source: cmd/service_run.go and pkg/service in grycap/oscar-cli).
import { expect } from 'vitest';

export const TOKEN = 'a'.repeat(64);
export type Files = Record<string, Uint8Array>;
const ENV: Record<string, string> = { OSCAR_TOKEN: TOKEN };
export const enc = (s: string) => Uint8Array.from(Buffer.from(s, 'utf8'));

export interface ParsedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

// ---- a small POSIX shell: quotes, $VAR in double quotes, line continuations, pipes, < redirects
type Token = { op: '|' | '<' } | { word: string };

function tokenize(src: string): Token[] {
  const s = src.replace(/\\\n/g, '');
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\n' || c === '\t') {
      i++;
      continue;
    }
    if (c === '|' || c === '<') {
      out.push({ op: c });
      i++;
      continue;
    }
    let word = '';
    while (i < s.length && !/[\s|<]/.test(s[i]!)) {
      const ch = s[i]!;
      if (ch === "'") {
        const end = s.indexOf("'", i + 1);
        word += s.slice(i + 1, end);
        i = end + 1;
      } else if (ch === '"') {
        i++;
        while (s[i] !== '"') {
          if (s[i] === '\\' && /["\\$`]/.test(s[i + 1]!)) {
            word += s[i + 1];
            i += 2;
          } else if (s[i] === '$') {
            const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1))![0];
            word += ENV[name] ?? '';
            i += 1 + name.length;
          } else word += s[i++];
        }
        i++;
      } else if (ch === '\\') {
        word += s[i + 1];
        i += 2;
      } else if (ch === '$') {
        const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1))![0];
        word += ENV[name] ?? '';
        i += 1 + name.length;
      } else word += s[i++];
    }
    out.push({ word });
  }
  return out;
}

function gnuBase64(bytes: Uint8Array): Uint8Array {
  const b64 = Buffer.from(bytes).toString('base64');
  return enc(`${b64.replace(/(.{76})/g, '$1\n').replace(/\n$/, '')}\n`);
}

/** Runs the snippet's pipeline; returns the request curl makes. */
export function runCurl(src: string, files: Files): ParsedRequest {
  const stages: { argv: string[]; stdinFile?: string }[] = [{ argv: [] }];
  const tokens = tokenize(src);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if ('op' in t && t.op === '|') stages.push({ argv: [] });
    else if ('op' in t && t.op === '<') stages.at(-1)!.stdinFile = (tokens[++i] as { word: string }).word;
    else if ('word' in t) stages.at(-1)!.argv.push(t.word);
  }
  let stdin: Uint8Array = new Uint8Array();
  for (const { argv, stdinFile } of stages) {
    if (stdinFile !== undefined) stdin = files[stdinFile] ?? fail(`no file ${stdinFile}`);
    const [cmd, ...args] = argv;
    if (cmd === 'printf') {
      expect(args[0]).toBe('%s');
      stdin = enc(args[1] ?? '');
    } else if (cmd === 'base64') {
      expect(args).toEqual([]);
      stdin = gnuBase64(stdin);
    } else if (cmd === 'tr') {
      expect(args).toEqual(['-d', '\\n']);
      stdin = stdin.filter((b) => b !== 10);
    } else if (cmd === 'curl') {
      const req: ParsedRequest = { method: 'GET', url: '', headers: {}, body: new Uint8Array() };
      let data: Uint8Array | null = null;
      for (let k = 0; k < args.length; k++) {
        const a = args[k]!;
        if (a === '-sS') continue;
        if (a === '-X') req.method = args[++k]!;
        else if (a === '-H') {
          const h = args[++k]!;
          const colon = h.indexOf(':');
          req.headers[h.slice(0, colon).toLowerCase()] = h.slice(colon + 1).trim();
        } else if (a === '--data-binary') {
          const d = args[++k]!;
          data =
            d === '@-'
              ? stdin
              : d.startsWith('@')
                ? (files[d.slice(1)] ?? fail(`no file ${d.slice(1)}`))
                : enc(d);
        } else if (a.startsWith('-')) fail(`unexpected curl option ${a}`);
        else req.url = a;
      }
      if (data) {
        if (req.method === 'GET') req.method = 'POST';
        req.body = data;
        req.headers['content-type'] ??= 'application/x-www-form-urlencoded';
      }
      return req;
    } else fail(`unexpected command ${cmd}`);
  }
  return fail('no curl in the pipeline');
}

function fail(message: string): never {
  throw new Error(message);
}

// ---- a small evaluator for the Python snippet's statements
type PyValue = string | Uint8Array;

function pyEval(expr: string, scope: Record<string, PyValue>, files: Files): PyValue {
  const e = expr.trim();
  const plus = splitTop(e, ' + ');
  if (plus.length > 1) return plus.map((p) => pyEval(p, scope, files) as string).join('');
  let m: RegExpExecArray | null;
  if ((m = /^base64\.b64encode\((.*)\)$/s.exec(e)))
    return enc(Buffer.from(pyEval(m[1]!, scope, files) as Uint8Array).toString('base64'));
  if ((m = /^(.*)\.encode\("utf-8"\)$/s.exec(e))) return enc(pyEval(m[1]!, scope, files) as string);
  if ((m = /^os\.environ\[(".*")\]$/.exec(e)))
    return ENV[JSON.parse(m[1]!) as string] ?? fail('unset variable');
  if (e === 'f.read()') return (scope.__file__ as Uint8Array) ?? fail('no open file');
  if (e.startsWith('"')) return JSON.parse(e) as string;
  if (e in scope) return scope[e]!;
  return fail(`cannot evaluate ${e}`);
}

function splitTop(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inStr = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && s.startsWith(sep, i)) {
      parts.push(s.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

export function runPython(src: string, files: Files): ParsedRequest {
  const scope: Record<string, PyValue> = {};
  const headers: Record<string, string> = {};
  let inHeaders = false;
  let req: ParsedRequest | null = null;
  for (const raw of src.split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim() || /^(import|from) /.test(line) || /^(print|response\.raise_for_status)\(/.test(line))
      continue;
    if (inHeaders) {
      if (line === '}') inHeaders = false;
      else {
        const [k, v] = splitTop(line.trim().replace(/,$/, ''), ': ');
        headers[(JSON.parse(k!) as string).toLowerCase()] = pyEval(v!, scope, files) as string;
      }
      continue;
    }
    let m: RegExpExecArray | null;
    if (line === 'headers = {') inHeaders = true;
    else if ((m = /^with open\((".*"), "rb"\) as f:$/.exec(line)))
      scope.__file__ = files[JSON.parse(m[1]!) as string] ?? fail('no file');
    else if (
      (m = /^response = requests\.(post)\(url, headers=headers, data=data, timeout=\d+\)$/.exec(line))
    ) {
      const data = scope.data;
      req = {
        method: m[1]!.toUpperCase(),
        url: scope.url as string,
        headers,
        body: typeof data === 'string' ? enc(data) : (data ?? new Uint8Array()),
      };
    } else if ((m = /^\s*([a-z_]+) = (.*)$/.exec(line))) scope[m[1]!] = pyEval(m[2]!, scope, files);
    else fail(`unexpected Python line: ${line}`);
  }
  return req ?? fail('no request made');
}

// ---- oscar-cli service run, as its source (cmd/service_run.go, pkg/service) builds the request
export function runOscarCli(src: string, files: Files): ParsedRequest {
  const argv = tokenize(src).map((t) => ('word' in t ? t.word : fail('no pipes expected')));
  expect(argv.slice(0, 3)).toEqual(['oscar-cli', 'service', 'run']);
  const service = argv[3]!;
  const flags: Record<string, string> = {};
  for (let i = 4; i < argv.length; i += 2) flags[argv[i]!.replace(/^--/, '')] = argv[i + 1]!;
  const input =
    flags['file-input'] !== undefined ? files[flags['file-input']]! : enc(flags['text-input'] ?? '');
  return {
    method: 'POST',
    url: `${flags.endpoint}/run/${service}`,
    headers: { authorization: `Bearer ${flags.token}` },
    body: enc(Buffer.from(input).toString('base64')),
  };
}
