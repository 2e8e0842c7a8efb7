import { describe, expect, it } from 'vitest';
import { goQueryEscape, minioEvent, unquotePlus } from './event';

describe('the MinIO event a batch sends', () => {
  it('escapes keys as Go url.QueryEscape does, and the supervisor undoes it', () => {
    expect(goQueryEscape('in/cat photo.jpg')).toBe('in%2Fcat+photo.jpg');
    expect(goQueryEscape("a!b'c(d)e*f~g_h-i.j")).toBe('a%21b%27c%28d%29e%2Af~g_h-i.j');
    expect(goQueryEscape('año+1&x=é')).toBe('a%C3%B1o%2B1%26x%3D%C3%A9');
    for (const key of ['in/cat photo.jpg', 'año+1&x=é', "o'brien (1).png", '100%.tif']) {
      expect(unquotePlus(goQueryEscape(key))).toBe(key);
    }
  });

  it('has the fields OSCAR and the supervisor read', () => {
    const e = minioEvent({ bucket: 'grayify', key: 'in/cat photo.jpg', size: 42 }, { user: 'owner-1', time: new Date(0) });
    expect(e.EventName).toBe('s3:ObjectCreated:Put');
    expect(e.Key).toBe('grayify/in/cat photo.jpg');
    const r = e.Records[0]!;
    expect(r.eventSource).toBe('minio:s3');
    expect(r.requestParameters).toEqual({ principalId: 'owner-1', region: '', sourceIPAddress: '' });
    expect(r.s3.bucket).toEqual({ name: 'grayify', ownerIdentity: { principalId: 'owner-1' }, arn: 'arn:aws:s3:::grayify' });
    expect(r.s3.object.key).toBe('in%2Fcat+photo.jpg');
    expect(r.s3.object.size).toBe(42);
    expect(r.eventTime).toBe('1970-01-01T00:00:00.000Z');
    // OSCAR type-asserts both to strings: a missing one would make it ignore the event's user.
    expect(typeof r.requestParameters.principalId).toBe('string');
    expect(typeof r.requestParameters.sourceIPAddress).toBe('string');
  });
});
