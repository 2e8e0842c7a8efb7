import { describe, expect, test } from 'vitest';
import { presignUrl } from '../s3/sign';
import { decodeUploadLink, encodeUploadLink, uploadPageAddress, UploadLinkError, urlExpiry } from './link';

const C = { endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', accessKey: 'AKIDEXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const NOW = Date.UTC(2026, 11, 5, 7, 0, 0);

async function slots(n: number, o: { endpoint?: string; prefix?: string; expiresIn?: number; now?: number } = {}): Promise<string[]> {
  const c = { ...C, endpoint: o.endpoint ?? C.endpoint };
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      presignUrl(c, { method: 'PUT', bucket: 'shared-models', key: `${o.prefix ?? 'in box/ü/'}upload-20261205-k3x9-${i + 1}`, expiresIn: o.expiresIn ?? 3600, now: o.now ?? NOW }),
    ),
  );
}

describe('the upload link', () => {
  test('round-trips the presigned URLs byte for byte, with the target and the expiry', async () => {
    const urls = await slots(12);
    const frag = encodeUploadLink({ bucket: 'shared-models', urls });
    expect(frag).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const link = decodeUploadLink(`#${frag}`);
    expect(link.slots.map((s) => s.url)).toEqual(urls);
    expect(link.bucket).toBe('shared-models');
    expect(link.folder).toBe('in box/ü/');
    expect(link.slots[11]!.key).toBe('in box/ü/upload-20261205-k3x9-12');
    expect(link.expiresAt).toBe(NOW + 3600_000);
    expect(link.headers).toEqual({});
    expect(link.legacy).toBe(false);
  });

  test('writes the common parts once: twelve slots cost far less than twelve URLs', async () => {
    const urls = await slots(12);
    const frag = encodeUploadLink({ bucket: 'shared-models', urls });
    expect(frag.length).toBeLessThan(urls.join('').length / 3);
    // Per slot: its own path end and a 32-byte signature.
    const one = encodeUploadLink({ bucket: 'shared-models', urls: urls.slice(0, 1) }).length;
    expect((frag.length - one) / 11).toBeLessThan(100);
  });

  test('keeps an endpoint path (the demo cluster serves S3 under /s3), headers and per-slot dates', async () => {
    const a = await slots(1, { endpoint: 'https://demo.lagoon.test/s3', now: NOW });
    const b = await slots(1, { endpoint: 'https://demo.lagoon.test/s3', now: NOW + 1000 });
    const urls = [a[0]!, b[0]!.replace('-1?', '-2?')];
    const link = decodeUploadLink(encodeUploadLink({ bucket: 'shared-models', urls, headers: { 'Content-Type': 'image/png' } }));
    expect(link.slots.map((s) => s.url)).toEqual(urls);
    expect(link.slots.map((s) => s.key)).toEqual(['in box/ü/upload-20261205-k3x9-1', 'in box/ü/upload-20261205-k3x9-2']);
    expect(link.headers).toEqual({ 'Content-Type': 'image/png' });
    // The earliest slot decides.
    expect(link.expiresAt).toBe(NOW + 3600_000);
  });

  test('URLs whose queries differ in shape are kept whole', async () => {
    const [a, b] = await slots(2);
    const urls = [a!, `${b!}&x-id=PutObject`];
    expect(decodeUploadLink(encodeUploadLink({ bucket: 'shared-models', urls })).slots.map((s) => s.url)).toEqual(urls);
  });

  test('a folder-less target and a key at the bucket root', async () => {
    const urls = await slots(2, { prefix: '' });
    const link = decodeUploadLink(encodeUploadLink({ bucket: 'shared-models', urls }));
    expect(link.folder).toBe('');
    expect(link.slots[0]!.key).toBe('upload-20261205-k3x9-1');
  });

  test.each([
    ['', /needs an upload link/],
    ['#', /needs an upload link/],
    ['#/services', /not an upload link/],
    ['#v1.', /damaged or incomplete/],
    ['#v1.eyJiIjoi', /damaged or incomplete/],
    ['#v1.@@@', /damaged or incomplete/],
    [`#v1.${btoa(JSON.stringify({ b: 'x', e: 'javascript:alert(1)//', q: 'X-Amz-Signature=1', s: [['', '']] }))}`, /does not point to a storage server/],
    [`#v1.${btoa(JSON.stringify({ b: 'x', e: 'https://u:p@s3.test/x/k', q: 'X-Amz-Signature=1', s: [['', '']] }))}`, /user name or password/],
    [`#v1.${btoa(JSON.stringify({ b: 'x', e: 'https://s3.test/x/k', q: '', s: [['', '']] }))}`, /not signed/],
    [`#v1.${btoa(JSON.stringify({ b: 'x', e: 'https://s3.test/x/k', q: 'X-Amz-Signature=1', s: [] }))}`, /damaged or incomplete/],
  ])('%s is refused with words for the reader', (fragment, words) => {
    expect(() => decodeUploadLink(fragment.replace(/=+$/, ''))).toThrow(UploadLinkError);
    expect(() => decodeUploadLink(fragment.replace(/=+$/, ''))).toThrow(words);
  });

  test('a cut-off link is damaged, not something else', async () => {
    const frag = encodeUploadLink({ bucket: 'shared-models', urls: await slots(3) });
    expect(() => decodeUploadLink(frag.slice(0, -20))).toThrow(/damaged or incomplete/);
  });

  test('too many slots, and an expiry S3 would refuse', async () => {
    const urls = await slots(1);
    expect(() => decodeUploadLink(encodeUploadLink({ bucket: 'shared-models', urls: Array(101).fill(urls[0]) }))).toThrow(/more than 100/);
    const long = urls[0]!.replace('X-Amz-Expires=3600', 'X-Amz-Expires=604801');
    expect(() => decodeUploadLink(encodeUploadLink({ bucket: 'shared-models', urls: [long] }))).toThrow(/7 days/);
  });
});

describe('urlExpiry', () => {
  test('SigV4 date plus seconds, SigV2 epoch, or unknown', () => {
    expect(urlExpiry(new URL('https://s/b/k?X-Amz-Date=20261205T070000Z&X-Amz-Expires=604800&X-Amz-Signature=a'))).toBe(NOW + 604_800_000);
    expect(urlExpiry(new URL('https://s/b/k?Expires=1764918000&Signature=a'))).toBe(1764918000_000);
    expect(urlExpiry(new URL('https://s/b/k?Signature=a'))).toBeNull();
    expect(() => urlExpiry(new URL('https://s/b/k?X-Amz-Date=yesterday&X-Amz-Expires=60'))).toThrow(/damaged/);
  });
});

describe("the OSCAR Dashboard's link", () => {
  test('presignedUrl encoded, with its content-type', async () => {
    const [url] = await slots(1, { prefix: 'inbox/' });
    const link = decodeUploadLink(`#presignedUrl=${encodeURIComponent(url!)}&content-type=image%2Fpng&object-key=inbox%2Fx`);
    expect(link.legacy).toBe(true);
    expect(link.slots).toEqual([{ url, key: 'inbox/upload-20261205-k3x9-1' }]);
    expect(link.bucket).toBe('shared-models');
    expect(link.folder).toBe('inbox/');
    expect(link.headers).toEqual({ 'Content-Type': 'image/png' });
    expect(link.expiresAt).toBe(NOW + 3600_000);
  });

  test('presignedUrl written out unencoded, and content-type "undefined" (what some versions sent)', async () => {
    const [url] = await slots(1, { prefix: 'inbox/' });
    const link = decodeUploadLink(`presignedUrl=${url}&content-type=undefined`);
    expect(link.slots[0]!.url).toBe(url);
    expect(link.headers).toEqual({});
  });
});

test('the page address keeps the link in the fragment, hosted and embedded', () => {
  expect(uploadPageAddress('v1.abc', { origin: 'https://lagoon.example.org', pathname: '/buckets/b/' }, false)).toBe('https://lagoon.example.org/upload#v1.abc');
  expect(uploadPageAddress('v1.abc', { origin: 'https://oscar.example.org', pathname: '/ui/' }, true)).toBe('https://oscar.example.org/ui/#/upload#v1.abc');
  expect(uploadPageAddress('v1.abc', { origin: 'https://oscar.example.org', pathname: '/ui/index.html' }, true)).toBe('https://oscar.example.org/ui/#/upload#v1.abc');
});
