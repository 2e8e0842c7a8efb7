import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeKey, hasDotSegment, objectUrl, presignRaw, presignUrl, signPostPolicy } from './s3-sign';

const AWS_EXAMPLE = {
  endpoint: 'https://s3.amazonaws.com',
  region: 'us-east-1',
  accessKey: 'AKIAIOSFODNN7EXAMPLE',
  secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

describe('SigV4 signing', () => {
  it('matches the presigned URL of the AWS documentation example', async () => {
    // "Authenticating Requests: Using Query Parameters", example GET of test.txt valid for 24 hours.
    const url = new URL(
      await presignRaw(AWS_EXAMPLE, 'GET', 'https://examplebucket.s3.amazonaws.com/test.txt', 86400, Date.UTC(2013, 4, 24)),
    );
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Signature')).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
  });

  it('signs a part URL path-style with the upload id and part number in the signature', async () => {
    const c = { ...AWS_EXAMPLE, endpoint: 'http://127.0.0.1:9000/' };
    const a = new URL(await presignUrl(c, { method: 'PUT', bucket: 'in', key: 'a b/ü.png', query: { partNumber: '1', uploadId: 'x' }, now: 0 }));
    const b = new URL(await presignUrl(c, { method: 'PUT', bucket: 'in', key: 'a b/ü.png', query: { partNumber: '2', uploadId: 'x' }, now: 0 }));
    expect(a.pathname).toBe('/in/a%20b/%C3%BC.png');
    expect(a.searchParams.get('partNumber')).toBe('1');
    expect(a.searchParams.get('X-Amz-Signature')).not.toBe(b.searchParams.get('X-Amz-Signature'));
  });

  it('derives the POST policy signature with the SigV4 signing key', async () => {
    const now = Date.UTC(2025, 0, 2, 3, 4, 5);
    const { url, fields } = await signPostPolicy(AWS_EXAMPLE, { bucket: 'b', key: 'in/../x', contentType: 'text/plain', now });
    expect(url).toBe('https://s3.amazonaws.com/b');
    expect(fields.key).toBe('in/../x');
    const policy = JSON.parse(atob(fields.policy!)) as { conditions: Record<string, string>[] };
    expect(policy.conditions).toContainEqual({ key: 'in/../x' });
    const h = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s).digest();
    const key = h(h(h(h(`AWS4${AWS_EXAMPLE.secretKey}`, '20250102'), 'us-east-1'), 's3'), 'aws4_request');
    expect(fields['x-amz-signature']).toBe(createHmac('sha256', key).update(fields.policy!).digest('hex'));
  });
});

describe('keys in URLs', () => {
  it('encodes each segment, so a literal %2F or + stays part of the name', () => {
    expect(encodeKey('a%2Fb/c+d e.txt')).toBe('a%252Fb/c%2Bd%20e.txt');
    expect(encodeKey('<img src=x onerror=alert(1)>.png')).toBe('%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.png');
    expect(objectUrl('https://m.test/', 'bk', 'x/y', { uploads: '' })).toBe('https://m.test/bk/x/y?uploads=');
    expect(objectUrl('https://m.test', 'bk', undefined, { 'list-type': '2', prefix: 'a b/' })).toBe('https://m.test/bk?list-type=2&prefix=a%20b%2F');
  });

  it('spots the "." and ".." segments a browser would fold away', () => {
    expect(hasDotSegment('../x')).toBe(true);
    expect(hasDotSegment('a/./b')).toBe(true);
    expect(hasDotSegment('a/..b/c..')).toBe(false);
    expect(hasDotSegment('.hidden')).toBe(false);
  });
});
