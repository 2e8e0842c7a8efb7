// The public upload link (docs/decisions/009-public-upload.md): presigned S3 PUT URLs ("slots") packed
// into the fragment of a Lagoon page address, so the signed URLs never reach a server log or a Referer.
// Pure: the bucket view encodes (features/buckets), the public page decodes (features/public-upload).

/** One PUT to S3 carries at most 5 GiB; a presigned PUT cannot use multipart. */
export const MAX_PUT_BYTES = 5 * 1024 ** 3;
/** SigV4 query signatures live at most 7 days. */
export const MAX_EXPIRES_SECONDS = 604_800;
/** Slots a link may carry (the dialog offers fewer; a longer fragment is also harder to paste). */
export const MAX_SLOTS = 100;

export interface UploadSlot {
  /** The presigned PUT URL. */
  url: string;
  /** The object key it writes (decoded), e.g. "inbox/upload-k3x9-1". */
  key: string;
}

export interface UploadLink {
  /** What the page may show of the cluster: the bucket and the folder the files go to. */
  bucket: string;
  folder: string;
  slots: UploadSlot[];
  /** Headers the signature requires on every PUT (e.g. a signed Content-Type). */
  headers: Record<string, string>;
  /** When the earliest slot's signature expires (ms since 1970), or null when the URLs do not say. */
  expiresAt: number | null;
  /** The OSCAR Dashboard's one-URL link (#/upload?presignedUrl=…). */
  legacy: boolean;
}

/** A link the page cannot use, with the words to show its reader. */
export class UploadLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadLinkError';
  }
}

const DAMAGED = 'This upload link is damaged or incomplete (it may have been cut off when it was copied). Ask the person who sent it for the link again.';

// ------------------------------------------------------------------ base64url

function toB64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new UploadLinkError(DAMAGED);
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

const hexToB64url = (hex: string) => toB64url(Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));
const b64urlToHex = (s: string) => [...fromB64url(s)].map((b) => b.toString(16).padStart(2, '0')).join('');

// ------------------------------------------------------------------ encode

/** The compact form, version 1: the common part of the URLs once, then what differs per slot. */
interface PackedV1 {
  /** Bucket name. */
  b: string;
  /** The URLs' common start (origin and path), e.g. "https://minio.example.org/in/inbox/upload-k3x9-". */
  e: string;
  /**
   * The query, raw, as the URLs have it: pairs alike in every URL written out, "~s" where each has its own
   * X-Amz-Signature, "~" where each has its own pair (a signing date a second later); "~*" when the
   * URLs' queries differ in shape, each then carrying its whole query.
   */
  q: string;
  /** Per slot: the rest of its path, its signature (base64url of the bytes, or ""), its own pairs ("&"-joined). */
  s: [string, string, string?][];
  /** Headers to send with every PUT. */
  h?: Record<string, string>;
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function splitUrl(url: string): { base: string; pairs: string[] } {
  const q = url.indexOf('?');
  return { base: q < 0 ? url : url.slice(0, q), pairs: q < 0 ? [] : url.slice(q + 1).split('&') };
}

const SIG = /^X-Amz-Signature=([0-9a-f]{64})$/;
const nameOf = (pair: string) => pair.split('=')[0] ?? '';

/**
 * The fragment (without "#") for presigned PUT URLs of one bucket, used in the order given. The URLs are
 * kept byte for byte: only how they are written down changes.
 */
export function encodeUploadLink(input: { bucket: string; urls: readonly string[]; headers?: Record<string, string> }): string {
  if (!input.urls.length) throw new Error('An upload link needs at least one presigned URL');
  const parsed = input.urls.map(splitUrl);
  const e = parsed.map((p) => p.base).reduce(commonPrefix);
  const first = parsed[0]!.pairs;
  const sameShape = parsed.every((p) => p.pairs.length === first.length && p.pairs.every((pair, i) => nameOf(pair) === nameOf(first[i]!)));
  let q: string;
  let s: [string, string, string?][];
  if (sameShape) {
    const kinds = first.map((pair, i) =>
      parsed.every((p) => p.pairs[i] === pair) ? pair : parsed.every((p) => SIG.test(p.pairs[i]!)) ? '~s' : '~',
    );
    q = kinds.join('&');
    s = parsed.map((p) => {
      const sig = p.pairs.find((_, i) => kinds[i] === '~s');
      const own = p.pairs.filter((_, i) => kinds[i] === '~').join('&');
      const slot: [string, string, string?] = [p.base.slice(e.length), sig ? hexToB64url(SIG.exec(sig)![1]!) : ''];
      if (own) slot.push(own);
      return slot;
    });
  } else {
    q = '~*';
    s = parsed.map((p) => [p.base.slice(e.length), '', p.pairs.join('&')]);
  }
  const packed: PackedV1 = { b: input.bucket, e, q, s };
  if (input.headers && Object.keys(input.headers).length) packed.h = input.headers;
  return `v1.${toB64url(new TextEncoder().encode(JSON.stringify(packed)))}`;
}

// ------------------------------------------------------------------ decode

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

function unpack(data: string): { bucket: string; urls: string[]; headers: Record<string, string> } {
  let p: unknown;
  try {
    p = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromB64url(data)));
  } catch {
    throw new UploadLinkError(DAMAGED);
  }
  const v = p as Partial<PackedV1>;
  const slotsOk =
    Array.isArray(v.s) &&
    v.s.every((s) => Array.isArray(s) && s.length >= 2 && s.length <= 3 && s.every((x) => typeof x === 'string') && /^[A-Za-z0-9_-]*$/.test(s[1]));
  if (typeof v.b !== 'string' || !v.b || typeof v.e !== 'string' || typeof v.q !== 'string' || !slotsOk || (v.h !== undefined && !isStringRecord(v.h))) {
    throw new UploadLinkError(DAMAGED);
  }
  const urls = v.s!.map(([path, sig, rest]) => {
    let query: string;
    if (v.q === '~*') query = rest ?? '';
    else {
      const own = rest ? rest.split('&') : [];
      query = (v.q ? v.q.split('&') : [])
        .map((pair) => (pair === '~s' ? `X-Amz-Signature=${b64urlToHex(sig)}` : pair === '~' ? (own.shift() ?? '') : pair))
        .join('&');
    }
    return `${v.e}${path}${query ? `?${query}` : ''}`;
  });
  return { bucket: v.b, urls, headers: v.h ?? {} };
}

/** The OSCAR Dashboard's query: presignedUrl (encoded, or in some versions not), content-type, object-key. */
function unpackLegacy(query: string): { urls: string[]; headers: Record<string, string> } {
  const raw = /(?:^|&)presignedUrl=(.*?)(?=&content-type=|&object-key=|$)/.exec(query)?.[1] ?? '';
  let url = raw;
  try {
    // Encoded as a whole ("https%3A%2F%2F…"), or written out as is by the versions that did not encode it.
    if (/^https?%3A/i.test(raw)) url = decodeURIComponent(raw);
  } catch {
    throw new UploadLinkError(DAMAGED);
  }
  const type = new URLSearchParams(query).get('content-type');
  const headers: Record<string, string> = type && type !== 'undefined' && type !== 'null' ? { 'Content-Type': type } : {};
  return { urls: url ? [url] : [], headers };
}

function amzTime(v: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v);
  if (!m) return NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

/** When a presigned URL stops working (ms), from X-Amz-Date + X-Amz-Expires (or SigV2's Expires), or null. */
export function urlExpiry(url: URL): number | null {
  const q = url.searchParams;
  const date = q.get('X-Amz-Date');
  const expires = q.get('X-Amz-Expires');
  if (date !== null || expires !== null) {
    const t = amzTime(date ?? '');
    const s = Number(expires);
    if (!Number.isFinite(t) || expires === null || !/^\d+$/.test(expires)) throw new UploadLinkError(DAMAGED);
    if (s > MAX_EXPIRES_SECONDS) throw new UploadLinkError('This upload link asks for a lifetime longer than the 7 days S3 allows, so the storage would refuse it. Ask for a new link.');
    return t + s * 1000;
  }
  const v2 = q.get('Expires');
  return v2 !== null && /^\d+$/.test(v2) ? Number(v2) * 1000 : null;
}

/** Bucket and key of a path-style URL (MinIO's and OSCAR's), or of a virtual-host one (the bucket in the host). */
function keyOf(url: URL, bucket: string): string {
  const segs = url.pathname.split('/').slice(1);
  const at = bucket ? segs.indexOf(bucket) : 0;
  const keySegs = at < 0 ? segs : segs.slice(at + 1);
  try {
    return keySegs.map(decodeURIComponent).join('/');
  } catch {
    throw new UploadLinkError(DAMAGED);
  }
}

/**
 * Reads the fragment of an upload page ("v1.…" or the OSCAR Dashboard's "presignedUrl=…"), with or without
 * the leading "#". Throws UploadLinkError with words for the page when the link cannot be used.
 */
export function decodeUploadLink(fragment: string): UploadLink {
  const f = fragment.replace(/^#/, '');
  if (!f) throw new UploadLinkError('This page needs an upload link. Open the whole link you were sent (it is long: everything after "#" is part of it).');
  let bucket: string;
  let urls: string[];
  let headers: Record<string, string>;
  const legacy = /(?:^|&)presignedUrl=/.test(f);
  if (f.startsWith('v1.')) ({ bucket, urls, headers } = unpack(f.slice(3)));
  else if (legacy) {
    ({ urls, headers } = unpackLegacy(f));
    bucket = '';
  } else throw new UploadLinkError('This is not an upload link Lagoon knows. Ask the person who sent it for a new one.');
  if (!urls.length) throw new UploadLinkError(DAMAGED);
  if (urls.length > MAX_SLOTS) throw new UploadLinkError(`This upload link has more than ${MAX_SLOTS} places for files, more than Lagoon accepts. Ask for a link with fewer.`);
  const slots: UploadSlot[] = [];
  let expiresAt: number | null = null;
  for (const raw of urls) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new UploadLinkError(DAMAGED);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UploadLinkError('This upload link does not point to a storage server (only http and https addresses work).');
    if (u.username || u.password) throw new UploadLinkError('This upload link carries a user name or password in its address, which Lagoon does not send. Ask for a new link.');
    if (!u.searchParams.has('X-Amz-Signature') && !u.searchParams.has('Signature')) throw new UploadLinkError('This upload link is not signed, so the storage would refuse it. Ask for a new link.');
    if (legacy && !bucket) bucket = u.pathname.split('/').filter(Boolean).map(safeDecode)[0] ?? '';
    const exp = urlExpiry(u);
    if (exp !== null) expiresAt = expiresAt === null ? exp : Math.min(expiresAt, exp);
    slots.push({ url: raw, key: keyOf(u, bucket) });
  }
  const first = slots[0]!.key;
  const folder = first.includes('/') ? first.slice(0, first.lastIndexOf('/') + 1) : '';
  return { bucket, folder, slots, headers, expiresAt, legacy };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The Lagoon page address for a link: `/upload#…` hosted (history routes), `<folder>#/upload#…` inside a
 * cluster (hash routes, docs/decisions/007-deploy-modes.md). Either way the link is in the fragment.
 */
export function uploadPageAddress(fragment: string, loc: { origin: string; pathname: string }, embedded: boolean): string {
  if (embedded) return `${loc.origin}${loc.pathname.replace(/[^/]*$/, '')}#/upload#${fragment}`;
  return `${loc.origin}/upload#${fragment}`;
}
