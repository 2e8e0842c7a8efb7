import { describe, expect, it } from 'vitest';
import { findTooDeep } from './yaml-depth';

const FDL = `functions:
  oscar:
  - my-cluster:
      name: cowsay
      script: script.sh  # a [ in a comment
      command: "echo [[["
      environment:
        variables:
          A: |
            [[[[ [[[[
            {{{{
      input:
      - storage_provider: minio.default
        path: cowsay/in
      expose: { api_port: [8080, [1, [2]]] }
`;

describe('findTooDeep', () => {
  it('lets a real FDL file through, whatever brackets its strings, comments and scripts hold', () => {
    expect(findTooDeep(FDL, 10)).toBeNull();
    expect(findTooDeep(FDL, 5)).not.toBeNull();
  });

  it('finds where flow brackets go too deep, thousands of levels in', () => {
    const text = `a: 1\nb:\n  c: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(findTooDeep(text, 100)).toEqual({ line: 3, column: 6 + 98, limit: 100 });
  });

  it('finds where block indentation and "- " items go too deep', () => {
    const block = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(findTooDeep(`${block} 1\n`, 100)).toMatchObject({ line: 101, column: 101 });
    // "x:" and its first "- " share a column, as YAML allows: the items are the levels.
    const items = `x:\n${'- '.repeat(300)}leaf\n`;
    expect(findTooDeep(items, 100)).toMatchObject({ line: 2, column: 1 + 2 * 100 });
  });
});
