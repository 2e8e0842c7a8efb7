// An invocation prepared elsewhere (the Hub's "Try it" with a crate's sample input) handed to the invoke
// page. It travels in the router's navigation state, never in the URL: inputs can be files, or private.

export type PrefillInput =
  | { kind: 'text'; text: string }
  | { kind: 'json'; text: string }
  | { kind: 'file'; name: string; type: string; bytes: Uint8Array };

export interface InvokePrefill {
  input: PrefillInput;
  /** sync calls /run, async /job; the invoke page's default (sync) when left out. */
  mode?: 'sync' | 'async';
  /** Where it came from, shown above the input with a link back ("Hub: Cowsay"). */
  source?: { label: string; href: string };
}

/** The navigation state that opens `/services/:name/invoke` with this input in place. */
export function invokePrefillState(prefill: InvokePrefill): { invokePrefill: InvokePrefill } {
  return { invokePrefill: prefill };
}

function readInput(v: unknown): PrefillInput | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if ((o.kind === 'text' || o.kind === 'json') && typeof o.text === 'string') return { kind: o.kind, text: o.text };
  if (o.kind === 'file' && typeof o.name === 'string' && typeof o.type === 'string' && o.bytes instanceof Uint8Array) {
    return { kind: 'file', name: o.name, type: o.type, bytes: o.bytes };
  }
  return null;
}

/** The prefill in a navigation state, or null when there is none or it is not one. */
export function readInvokePrefill(state: unknown): InvokePrefill | null {
  if (!state || typeof state !== 'object') return null;
  const p = (state as { invokePrefill?: unknown }).invokePrefill;
  if (!p || typeof p !== 'object') return null;
  const o = p as Record<string, unknown>;
  const input = readInput(o.input);
  if (!input) return null;
  const source = o.source as { label?: unknown; href?: unknown } | undefined;
  return {
    input,
    ...(o.mode === 'sync' || o.mode === 'async' ? { mode: o.mode } : {}),
    ...(source && typeof source.label === 'string' && typeof source.href === 'string' && source.href.startsWith('/')
      ? { source: { label: source.label, href: source.href } }
      : {}),
  };
}

const TEXTUAL = /^(text\/|application\/(json|x-yaml|yaml|xml)\b)|[+/]json\b/i;

/**
 * A sample file as the invoke page's input: JSON as JSON (whatever its declared type says, as cowsay's
 * input.txt is JSON), other valid UTF-8 text as text, anything else as a file.
 */
export function sampleInput(name: string, encodingFormat: string | undefined, bytes: Uint8Array): PrefillInput {
  const declared = encodingFormat ?? '';
  const textLike = TEXTUAL.test(declared) || (!declared && /\.(txt|json|csv|md|ya?ml)$/i.test(name));
  if (textLike) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed !== null && typeof parsed === 'object') return { kind: 'json', text };
      } catch {
        // Not JSON: plain text.
      }
      return { kind: 'text', text };
    } catch {
      // Not UTF-8 after all: send the bytes.
    }
  }
  const type = /^[a-z]+\/[a-z0-9.+-]+$/i.test(declared) ? declared.replace(/^image\/jpg$/i, 'image/jpeg') : 'application/octet-stream';
  return { kind: 'file', name: name.split('/').pop() || 'input', type, bytes };
}
