// How deeply a YAML text nests, found without building it. A parser (and everything after it: toJS,
// schema checks, the form) recurses once per level, so a hostile file nested thousands of levels deep
// overflows the stack ("Maximum call stack size exceeded"); this check runs first and names the line.
import { CST, Lexer } from 'yaml';

/** Deeper than this, a YAML text is refused. A real FDL file nests about ten levels. */
export const MAX_YAML_DEPTH = 100;

export interface TooDeep {
  /** 1-based line and column of the node that went past the limit. */
  line: number;
  column: number;
  limit: number;
}

// The lexer's own markers, which are not in the source text.
const SYNTHETIC = new Set<string>(['doc-mode', 'flow-error-end', 'scalar']);
const NOT_A_NODE = new Set<string>([
  'space', 'newline', 'comment', 'map-value-ind', 'comma', 'anchor', 'tag',
  'doc-start', 'doc-end', 'directive-line', 'byte-order-mark', 'flow-seq-end', 'flow-map-end',
]);

/**
 * Where the text first nests deeper than `limit` levels (block indentation, "- " items and flow
 * brackets all count), or null. The lexer is iterative, so this never overflows itself.
 */
export function findTooDeep(text: string, limit = MAX_YAML_DEPTH): TooDeep | null {
  let line = 1;
  let column = 1;
  let flow = 0;
  const indents: number[] = [];
  let lineStart = true;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type !== null && SYNTHETIC.has(type)) continue;
    const at = { line, column };
    const nl = token.lastIndexOf('\n');
    if (nl === -1) column += token.length;
    else {
      for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) === 10) line++;
      column = token.length - nl;
    }
    if (type === 'doc-start') indents.length = 0;
    if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    if (type !== null && NOT_A_NODE.has(type)) {
      if (type === 'newline') lineStart = true;
      continue;
    }
    // A node that begins a line, or follows "- " or "? " on it, nests inside what is left of it.
    if (flow === 0 && lineStart) {
      while (indents.length > 0 && indents[indents.length - 1]! >= at.column) indents.pop();
      indents.push(at.column);
    }
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    if (indents.length + flow > limit) return { ...at, limit };
    lineStart = type === 'seq-item-ind' || type === 'explicit-key-ind' || nl !== -1;
  }
  return null;
}
