// Base64 as OSCAR's synchronous services use it: inputs are sent base64-encoded (oscar-cli always does
// so), and many scripts print their output file as base64, often wrapped at 76 columns and ending in a
// newline. atob/btoa work on "binary strings"; these helpers work on bytes and in chunks, so a file of
// tens of MB never becomes one giant intermediate string of char codes.

const ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;
// A multiple of 3 bytes, so chunks encode without padding in the middle.
const ENCODE_CHUNK = 3 * 16 * 1024;
// A multiple of 4 characters, so chunks decode independently.
const DECODE_CHUNK = 4 * 16 * 1024;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += ENCODE_CHUNK) {
    const chunk = bytes.subarray(i, i + ENCODE_CHUNK);
    let bin = '';
    for (let j = 0; j < chunk.length; j++) bin += String.fromCharCode(chunk[j]!);
    parts.push(btoa(bin));
  }
  return parts.join('');
}

export function textToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

/** Removes whitespace (line wraps, a trailing newline) and turns URL-safe base64 into the standard alphabet. */
export function normalizeBase64(text: string): string {
  let s = text.replace(/[\s]+/g, '');
  if (URL_SAFE.test(s) && /[-_]/.test(s)) s = s.replace(/-/g, '+').replace(/_/g, '/');
  const rest = s.length % 4;
  if (rest === 2) s += '==';
  else if (rest === 3) s += '=';
  return s;
}

/**
 * Whether a text looks like base64 of something: only the alphabet (standard or URL-safe), whitespace
 * allowed only as line breaks, and a length that can be decoded. Short words ("cafe", "test") also
 * match the alphabet, so callers should check what the bytes decode to before believing it. A
 * `partial` text (the start of a longer answer) may stop anywhere.
 */
export function looksLikeBase64(text: string, minLength = 8, partial = false): boolean {
  const trimmed = text.trim();
  if (trimmed.length < minLength) return false;
  if (/[^\S\r\n]/.test(trimmed)) return false; // spaces or tabs inside: prose, not base64
  const s = trimmed.replace(/[\r\n]+/g, '');
  if (s.length % 4 === 1 && !partial) return false;
  if (partial) return /^[A-Za-z0-9+/_-]*$/.test(s.replace(/=+$/, ''));
  return ALPHABET.test(s) || URL_SAFE.test(s);
}

/** Decodes base64 (whitespace and URL-safe allowed); null when it is not valid base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  const s = normalizeBase64(text);
  if (s.length % 4 !== 0 || !ALPHABET.test(s)) return null;
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - padding);
  let o = 0;
  try {
    for (let i = 0; i < s.length; i += DECODE_CHUNK) {
      const bin = atob(s.slice(i, i + DECODE_CHUNK));
      for (let j = 0; j < bin.length; j++) out[o++] = bin.charCodeAt(j);
    }
  } catch {
    return null;
  }
  return out;
}

/**
 * Decodes a long base64 text (e.g. a 50 MB answer, as a Blob) piece by piece into a Blob of bytes,
 * yielding to the event loop between pieces so the page stays responsive. Line breaks may fall
 * anywhere; characters are carried over until a group of four is complete. Rejects on invalid input.
 */
export async function decodeBase64Blob(
  source: Blob,
  options: {
    type?: string;
    pieceSize?: number;
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<Blob> {
  const piece = options.pieceSize ?? 1024 * 1024;
  const parts: BlobPart[] = [];
  let carry = '';
  for (let offset = 0; offset < source.size; offset += piece) {
    if (options.signal?.aborted) throw new DOMException('Decoding was cancelled', 'AbortError');
    const text = carry + (await source.slice(offset, offset + piece).text()).replace(/\s+/g, '');
    const usable = text.length - (text.length % 4);
    carry = text.slice(usable);
    const bytes = base64ToBytes(text.slice(0, usable));
    if (!bytes) throw new Error(`The answer is not valid base64 (near byte ${offset})`);
    parts.push(bytes as Uint8Array<ArrayBuffer>);
    options.onProgress?.(Math.min(source.size, offset + piece), source.size);
    await new Promise((r) => setTimeout(r, 0));
  }
  if (carry) {
    const bytes = base64ToBytes(carry);
    if (!bytes) throw new Error('The answer is not valid base64 (it ends in the middle of a group)');
    parts.push(bytes as Uint8Array<ArrayBuffer>);
  }
  return new Blob(parts, { type: options.type ?? 'application/octet-stream' });
}
