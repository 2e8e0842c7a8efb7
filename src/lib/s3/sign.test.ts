import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeKey, hasDotSegment, objectUrl, presignKeepingDots, presignRaw, presignUrl, signPostPolicy } from './sign';

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

  it('keeps "." and ".." segments in a presigned URL, signed as botocore signs them', async () => {
    // Made with `aws s3 presign` (botocore 1.43, signature_version s3v4, path style), whose URLs keep the
    // dots: the key is signed as stored, so `curl --path-as-is` fetches that very object.
    const c = { endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', accessKey: 'AKIDEXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
    const cred = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261124%2Fus-east-1%2Fs3%2Faws4_request';
    expect(await presignUrl(c, { method: 'GET', bucket: 'shared-models', key: '../x y.bin', expiresIn: 3600, now: Date.UTC(2026, 10, 24, 9, 7, 10) })).toBe(
      `http://127.0.0.1:9000/shared-models/../x%20y.bin?${cred}&X-Amz-Date=20261124T090710Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=2b844e0923332ef7fda041374351d24f7b5e9c4a3c57f1dfeac491d7222de0f4`,
    );
    expect(await presignUrl(c, { method: 'GET', bucket: 'shared-models', key: 'in/./a.txt', expiresIn: 3600, now: Date.UTC(2026, 10, 24, 9, 7, 11) })).toBe(
      `http://127.0.0.1:9000/shared-models/in/./a.txt?${cred}&X-Amz-Date=20261124T090711Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=ea628293d2e5fbf84250d0dec76b45c5baa2d19b932c72fea6b1edc07b3c8be6`,
    );
  });

  it('signs an ordinary key by hand exactly as aws4fetch does', async () => {
    const c = { ...AWS_EXAMPLE, endpoint: 'https://minio.example.org:9000/' };
    const o = { method: 'GET' as const, bucket: 'in', key: 'a b/ü (1).png', query: { 'response-content-disposition': 'attachment' }, now: 0 };
    const byHand = new URL(await presignKeepingDots(c, o));
    const byLibrary = new URL(await presignUrl(c, o));
    expect(byHand.searchParams.get('X-Amz-Signature')).toBe(byLibrary.searchParams.get('X-Amz-Signature'));
    expect(byHand.host).toBe('minio.example.org:9000');
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
