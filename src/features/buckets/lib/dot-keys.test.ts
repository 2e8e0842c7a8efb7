import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { awsCommand, browserCannotFetch, curlCommand, DotKeyError, dotSegmentsOf, endpointOf, expiryLabel, localName, shellQuote } from './dot-keys';

/** What a POSIX shell hands the program for `line` (printf prints each argument on its own line). */
function shellWords(line: string): string[] {
  return execFileSync('sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' }).split('\n').slice(0, -1);
}

describe('keys a browser cannot fetch', () => {
  it('are those with "." or ".." folders, whatever else they hold', () => {
    expect(browserCannotFetch('../x')).toBe(true);
    expect(browserCannotFetch('in/./a.txt')).toBe(true);
    expect(browserCannotFetch('a/..')).toBe(true);
    expect(browserCannotFetch('..a/b..')).toBe(false);
    expect(browserCannotFetch('%2E%2E/x')).toBe(false);
    expect(dotSegmentsOf('./a/../b/..')).toEqual(['.', '..']);
  });

  it('quote for the shell so any name survives, quotes and newlines included', () => {
    for (const s of ["../it's here", 'a b\nc', '$(rm -rf ~)', '`x`', '"q"\\']) expect(shellWords(shellQuote(s))).toEqual(s.split('\n'));
    expect(shellWords(`${shellQuote("../it's")} ${shellQuote('two  spaces')}`)).toEqual(["../it's", 'two  spaces']);
  });

  it('make commands that keep the key as stored and save under its last name', () => {
    const url = 'http://127.0.0.1:9000/shared-models/../x%20y.bin?X-Amz-Signature=abc';
    expect(curlCommand(url, "../x y'.bin")).toBe(`curl --fail --path-as-is -o 'x y'\\''.bin' '${url}'`);
    expect(awsCommand('https://minio.example.org', 'shared-models', 'in/./a.txt')).toBe(
      "aws s3api get-object --endpoint-url 'https://minio.example.org' --bucket 'shared-models' --key 'in/./a.txt' 'a.txt'",
    );
    expect(localName('a/..')).toBe('download');
    expect(localName('a/.')).toBe('download');
    expect(localName('../model.h5')).toBe('model.h5');
  });

  it('read the storage endpoint off a presigned URL, path prefix included', () => {
    expect(endpointOf('https://demo.test/s3/shared-models/../x?sig=1', 'shared-models')).toBe('https://demo.test/s3');
    expect(endpointOf('http://127.0.0.1:9000/my%20bucket/a', 'my bucket')).toBe('http://127.0.0.1:9000');
    expect(endpointOf('https://elsewhere.test/other/a', 'shared-models')).toBeNull();
  });

  it('name expiries and say why a fetch is refused', () => {
    expect([3600, 7200, 86_400, 604_800].map(expiryLabel)).toEqual(['1 hour', '2 hours', '1 day', '7 days']);
    expect(new DotKeyError('in/../x').message).toMatch(/“in\/\.\.\/x” has a “\.\.” folder in its name, which browsers rewrite/);
  });
});
