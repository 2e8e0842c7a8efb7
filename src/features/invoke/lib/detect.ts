// What an answer from /run/{service} is, judged by its bytes, not by what its headers claim: OSCAR
// streams back the script's stdout, so the Content-Type says little (often text/plain for a base64
// PNG). The verdict decides how the answer is shown, and only bytes verified here are ever handed to
// the browser as an image, audio, video or PDF. HTML is recognised so it can be shown as text, never
// rendered.
import { base64ToBytes, looksLikeBase64 } from './base64';

export type BodyKind = 'empty' | 'text' | 'json' | 'image' | 'audio' | 'video' | 'pdf' | 'zip' | 'binary';

export interface Magic {
  kind: Exclude<BodyKind, 'empty' | 'text' | 'json'>;
  mime: string;
  label: string;
  extension: string;
}

export interface BodyInfo {
  kind: BodyKind;
  /** The type of the content shown (after base64 decoding), from its bytes. */
  mime: string;
  /** "PNG image", "JSON", "Text", "ZIP archive"… */
  label: string;
  extension: string;
  /** The answer was base64 text and `bytes` are what it decodes to. */
  base64: boolean;
  /** The content: the answer itself, or what its base64 decodes to. */
  bytes: Uint8Array;
  /** For text and JSON: the text. */
  text?: string;
  json?: unknown;
  /** Text that is (or contains) HTML or script: shown as text only. */
  html: boolean;
  /** Things the user should know, each a sentence. */
  notes: string[];
  /** What makes this answer a failure even with a 2xx status (a false claim about its type), each a sentence. */
  problems: string[];
}

const ascii = (bytes: Uint8Array, from: number, text: string) =>
  bytes.length >= from + text.length && [...text].every((c, i) => bytes[from + i] === c.charCodeAt(0));
const starts = (bytes: Uint8Array, sig: readonly number[], from = 0) =>
  bytes.length >= from + sig.length && sig.every((b, i) => bytes[from + i] === b);

const MP4_VIDEO_BRANDS = /^(isom|iso[2-9]|mp41|mp42|avc1|dash|mmp4|msnv|qt {2}|3gp\d|3g2\w|M4V |f4v )$/;
const MP4_AUDIO_BRANDS = /^(M4A |M4B |f4a )$/;

/** The file type of some bytes by their signature, or null when none is known. */
export function sniffMagic(bytes: Uint8Array): Magic | null {
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', mime: 'image/png', label: 'PNG image', extension: 'png' };
  if (starts(bytes, [0xff, 0xd8, 0xff]))
    return { kind: 'image', mime: 'image/jpeg', label: 'JPEG image', extension: 'jpg' };
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a'))
    return { kind: 'image', mime: 'image/gif', label: 'GIF image', extension: 'gif' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP'))
    return { kind: 'image', mime: 'image/webp', label: 'WebP image', extension: 'webp' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE'))
    return { kind: 'audio', mime: 'audio/wav', label: 'WAV audio', extension: 'wav' };
  // "BM" alone would match text such as "BMW"; the reserved bytes 6–9 of a BMP header are zero.
  if (ascii(bytes, 0, 'BM') && bytes.length > 14 && starts(bytes, [0, 0, 0, 0], 6))
    return { kind: 'image', mime: 'image/bmp', label: 'BMP image', extension: 'bmp' };
  if (ascii(bytes, 4, 'ftyp') && bytes.length >= 12) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (brand === 'avif' || brand === 'avis')
      return { kind: 'image', mime: 'image/avif', label: 'AVIF image', extension: 'avif' };
    if (MP4_AUDIO_BRANDS.test(brand))
      return { kind: 'audio', mime: 'audio/mp4', label: 'MP4 audio', extension: 'm4a' };
    if (brand === 'qt  ')
      return { kind: 'video', mime: 'video/quicktime', label: 'QuickTime video', extension: 'mov' };
    if (MP4_VIDEO_BRANDS.test(brand))
      return { kind: 'video', mime: 'video/mp4', label: 'MP4 video', extension: 'mp4' };
  }
  if (starts(bytes, [0x1a, 0x45, 0xdf, 0xa3]))
    return { kind: 'video', mime: 'video/webm', label: 'WebM video', extension: 'webm' };
  if (ascii(bytes, 0, 'OggS'))
    return { kind: 'audio', mime: 'audio/ogg', label: 'Ogg audio', extension: 'ogg' };
  if (ascii(bytes, 0, 'fLaC'))
    return { kind: 'audio', mime: 'audio/flac', label: 'FLAC audio', extension: 'flac' };
  if (
    ascii(bytes, 0, 'ID3') ||
    (bytes.length > 3 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe6) === 0xe2)
  ) {
    return { kind: 'audio', mime: 'audio/mpeg', label: 'MP3 audio', extension: 'mp3' };
  }
  if (ascii(bytes, 0, '%PDF-'))
    return { kind: 'pdf', mime: 'application/pdf', label: 'PDF document', extension: 'pdf' };
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { kind: 'zip', mime: 'application/zip', label: 'ZIP archive', extension: 'zip' };
  }
  if (starts(bytes, [0x1f, 0x8b]))
    return { kind: 'binary', mime: 'application/gzip', label: 'Gzip data', extension: 'gz' };
  if (ascii(bytes, 257, 'ustar'))
    return { kind: 'binary', mime: 'application/x-tar', label: 'TAR archive', extension: 'tar' };
  if (ascii(bytes, 0, 'II*\0') || ascii(bytes, 0, 'MM\0*'))
    return { kind: 'binary', mime: 'image/tiff', label: 'TIFF image', extension: 'tiff' };
  return null;
}

/** UTF-8 text without NULs or stray control characters (tabs, newlines and ANSI escapes are fine). */
export function decodeText(bytes: Uint8Array, partial = false): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial });
  } catch {
    if (!partial) return null;
    // A preview may end in the middle of a character; judge it without its last few bytes.
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(
        bytes.subarray(0, Math.max(0, bytes.length - 3)),
      );
    } catch {
      return null;
    }
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return null;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
  }
  return control > Math.max(2, text.length / 100) ? null : text;
}

const HTML =
  /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])|<script[\s>]|<iframe[\s>]|<object[\s>]|<embed[\s>]|<svg[\s>]|\son[a-z]+\s*=\s*["']|javascript:/i;

export function looksLikeHtml(text: string): boolean {
  return HTML.test(text.slice(0, 64 * 1024));
}

/** What a Content-Type header promises, for comparing with the bytes. */
function claimedKind(contentType: string): Magic['kind'] | 'json' | null {
  const t = contentType.toLowerCase().split(';')[0]!.trim();
  if (t.startsWith('image/') && t !== 'image/svg+xml') return 'image';
  if (t.startsWith('audio/')) return 'audio';
  if (t.startsWith('video/')) return 'video';
  if (t === 'application/pdf') return 'pdf';
  if (t === 'application/zip' || t === 'application/x-zip-compressed') return 'zip';
  if (t === 'application/json' || t.endsWith('+json')) return 'json';
  return null;
}

const KIND_WORD: Record<string, string> = {
  image: 'an image',
  audio: 'audio',
  video: 'a video',
  pdf: 'a PDF',
  zip: 'a ZIP archive',
  json: 'JSON',
};

export interface DetectOptions {
  contentType?: string;
  /** `bytes` is only the start of a longer answer. */
  partial?: boolean;
}

function fromMagic(m: Magic, bytes: Uint8Array, base64: boolean): BodyInfo {
  return {
    kind: m.kind,
    mime: m.mime,
    label: m.label,
    extension: m.extension,
    base64,
    bytes,
    html: false,
    notes: [],
    problems: [],
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const t = text.trim();
  if (!/^[[{]/.test(t)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(t) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Detects what an answer body is. */
export function detectBody(bytes: Uint8Array, options: DetectOptions = {}): BodyInfo {
  const partial = options.partial ?? false;
  const info = detectContent(bytes, partial);
  const claim = options.contentType ? claimedKind(options.contentType) : null;
  if (claim && claim !== info.kind && info.kind !== 'empty') {
    const said = options.contentType!.split(';')[0]!.trim();
    const what = info.base64 ? `base64 of ${info.label.toLowerCase()}` : info.label.toLowerCase();
    if (claim === 'json' && info.kind === 'text' && partial) {
      info.notes.push('The answer says it is JSON; it is too large to show as a tree.');
    } else {
      info.problems.push(
        `The answer says it is ${said}, but its bytes are not ${KIND_WORD[claim] ?? said}: they are ${what}.`,
      );
    }
  }
  return info;
}

function detectContent(bytes: Uint8Array, partial: boolean): BodyInfo {
  const base: Omit<BodyInfo, 'kind' | 'mime' | 'label' | 'extension'> = {
    base64: false,
    bytes,
    html: false,
    notes: [],
    problems: [],
  };
  if (bytes.length === 0)
    return { ...base, kind: 'empty', mime: 'application/octet-stream', label: 'Empty', extension: 'bin' };
  const magic = sniffMagic(bytes);
  if (magic) return fromMagic(magic, bytes, false);
  const text = decodeText(bytes, partial);
  if (text === null)
    return { ...base, kind: 'binary', mime: 'application/octet-stream', label: 'Bytes', extension: 'bin' };

  if (looksLikeBase64(text, 16, partial)) {
    // A preview is cut anywhere: decode only whole groups of four.
    const clean = text.replace(/\s+/g, '');
    const decoded = base64ToBytes(partial ? clean.slice(0, clean.length - (clean.length % 4)) : clean);
    if (decoded && decoded.length > 0) {
      const inner = sniffMagic(decoded);
      if (inner) return fromMagic(inner, decoded, true);
      const innerText = decodeText(decoded, partial);
      if (innerText !== null && innerText.trim() && !looksLikeBase64(innerText, 16)) {
        const json = partial ? { ok: false as const } : parseJson(innerText);
        return {
          ...base,
          kind: json.ok ? 'json' : 'text',
          mime: json.ok ? 'application/json' : 'text/plain',
          label: json.ok ? 'JSON' : 'Text',
          extension: json.ok ? 'json' : 'txt',
          base64: true,
          bytes: decoded,
          text: innerText,
          ...(json.ok ? { json: json.value } : {}),
          html: looksLikeHtml(innerText),
          notes: looksLikeHtml(innerText) ? [HTML_NOTE] : [],
        };
      }
      // Long base64 of unknown bytes (a model file, a numpy array). A hex digest also fits the
      // alphabet, so pure hex stays text.
      if (innerText === null && clean.length >= 64 && !/^[0-9a-fA-F]+$/.test(clean)) {
        return {
          ...base,
          kind: 'binary',
          mime: 'application/octet-stream',
          label: 'Bytes',
          extension: 'bin',
          base64: true,
          bytes: decoded,
        };
      }
    }
  }

  const json = partial ? { ok: false as const } : parseJson(text);
  if (json.ok)
    return {
      ...base,
      kind: 'json',
      mime: 'application/json',
      label: 'JSON',
      extension: 'json',
      text,
      json: json.value,
    };
  const html = looksLikeHtml(text);
  return {
    ...base,
    kind: 'text',
    mime: 'text/plain',
    label: html ? 'HTML (as text)' : 'Text',
    extension: 'txt',
    text,
    html,
    notes: html ? [HTML_NOTE] : [],
  };
}

// HTML is not a failure: a script may well answer a report page. How it is shown is a note, and the
// status the server gave stays the call's outcome.
export const HTML_NOTE =
  'The answer contains HTML or script, so it is shown as text and never run. (An unexpected HTML page is often an error page from a proxy in front of the cluster.)';
