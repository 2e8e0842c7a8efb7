// S3 speaks XML: the few answers the uploader and the bucket browser read, and the two bodies they send.

export interface S3ErrorInfo {
  code: string;
  message: string;
}

function doc(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'application/xml');
}

function text(el: Element | Document, tag: string): string {
  return el.getElementsByTagName(tag)[0]?.textContent ?? '';
}

function children(el: Element | Document, tag: string): Element[] {
  return Array.from(el.getElementsByTagName(tag));
}

/** `<Error><Code>…</Code><Message>…</Message></Error>`, or null when the body is not one. */
export function parseS3Error(xml: string): S3ErrorInfo | null {
  if (!xml.includes('<Error')) return null;
  try {
    const d = doc(xml);
    const code = text(d, 'Code');
    if (!code) return null;
    return { code, message: text(d, 'Message') };
  } catch {
    return null;
  }
}

export function parseInitiate(xml: string): string {
  const id = text(doc(xml), 'UploadId');
  if (!id) throw new Error('The storage server did not return an upload id');
  return id;
}

export interface StoredPart {
  partNumber: number;
  etag: string;
  size: number;
}

export interface PartsPage {
  parts: StoredPart[];
  truncated: boolean;
  nextMarker: string;
}

export function parseListParts(xml: string): PartsPage {
  const d = doc(xml);
  return {
    parts: children(d, 'Part').map((p) => ({
      partNumber: Number(text(p, 'PartNumber')),
      etag: text(p, 'ETag'),
      size: Number(text(p, 'Size')),
    })),
    truncated: text(d, 'IsTruncated') === 'true',
    nextMarker: text(d, 'NextPartNumberMarker'),
  };
}

export interface InProgressUpload {
  key: string;
  uploadId: string;
  initiated: string;
}

export function parseListUploads(xml: string): { uploads: InProgressUpload[]; truncated: boolean; nextKey: string; nextUploadId: string } {
  const d = doc(xml);
  return {
    uploads: children(d, 'Upload').map((u) => ({ key: text(u, 'Key'), uploadId: text(u, 'UploadId'), initiated: text(u, 'Initiated') })),
    truncated: text(d, 'IsTruncated') === 'true',
    nextKey: text(d, 'NextKeyMarker'),
    nextUploadId: text(d, 'NextUploadIdMarker'),
  };
}

export interface ListedObject {
  key: string;
  size: number;
  lastModified: string;
}

export function parseListObjects(xml: string): { objects: ListedObject[]; truncated: boolean; next: string } {
  const d = doc(xml);
  return {
    objects: children(d, 'Contents').map((c) => ({ key: text(c, 'Key'), size: Number(text(c, 'Size')), lastModified: text(c, 'LastModified') })),
    truncated: text(d, 'IsTruncated') === 'true',
    next: text(d, 'NextContinuationToken'),
  };
}

export function parseDeleteResult(xml: string): { deleted: string[]; errors: { key: string; code: string; message: string }[] } {
  const d = doc(xml);
  return {
    deleted: children(d, 'Deleted').map((e) => text(e, 'Key')),
    errors: children(d, 'Error').map((e) => ({ key: text(e, 'Key'), code: text(e, 'Code'), message: text(e, 'Message') })),
  };
}

/** XML 1.0 text: the five escapes, and characters XML cannot carry written as references S3 accepts. */
export function xmlEscape(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  return s.replace(/[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        return `&#${c.charCodeAt(0)};`;
    }
  });
}

export function completeBody(parts: readonly { partNumber: number; etag: string }[]): string {
  const items = [...parts]
    .sort((a, b) => a.partNumber - b.partNumber)
    .map((p) => `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>${xmlEscape(p.etag)}</ETag></Part>`)
    .join('');
  return `<CompleteMultipartUpload>${items}</CompleteMultipartUpload>`;
}

export function deleteBody(keys: readonly string[]): string {
  const items = keys.map((k) => `<Object><Key>${xmlEscape(k)}</Key></Object>`).join('');
  return `<Delete><Quiet>false</Quiet>${items}</Delete>`;
}
