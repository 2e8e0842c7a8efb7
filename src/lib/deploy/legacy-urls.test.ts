import { legacyTarget } from './legacy-urls';
import { startUrl } from './start-url';

describe('legacyTarget', () => {
  test.each([
    ['#/ui', '/services'],
    ['#/ui/', '/services'],
    ['#/ui/services', '/services'],
    ['#/ui/services/create', '/services/new'],
    ['#/ui/services/grayify', '/services/grayify'],
    ['#/ui/services/grayify/settings', '/services/grayify/edit'],
    ['#/ui/services/grayify/deployment', '/services/grayify/deployment'],
    ['#/ui/services/grayify/logs', '/jobs?service=grayify'],
    ['#/ui/services/my%20svc/logs', '/jobs?service=my%20svc'],
    ['#/ui/minio', '/buckets'],
    ['#/ui/minio/shared-models', '/buckets/shared-models/'],
    ['#/ui/minio/shared-models/raw/2025', '/buckets/shared-models/raw/2025/'],
    ['#/ui/metrics', '/usage'],
    ['#/ui/status', '/status'],
    ['#/ui/info', '/info'],
    ['#/ui/volumes', '/volumes'],
    ['#/ui/quotas', '/quotas'],
    ['#/terms-of-use', '/terms-of-use'],
    ['#/privacy-policy', '/privacy-policy'],
    ['#/ui/notebooks', '/services'],
    ['#/login?endpoint=https%3A%2F%2Foscar.example.org&process=EGI', '/login?endpoint=https%3A%2F%2Foscar.example.org&provider=egi'],
    ['#/login?endpoint=https://oscar.example.org&process=KeycloakGryCAP', '/login?endpoint=https%3A%2F%2Foscar.example.org&provider=grycap'],
    ['#/login?process=Keycloak', '/login?provider=ai4eosc'],
    ['#/upload?presignedUrl=https%3A%2F%2Fminio.test%2Fb%2Fk%3FX-Amz-Signature%3Dab&content-type=image%2Fpng', '/upload#presignedUrl=https%3A%2F%2Fminio.test%2Fb%2Fk%3FX-Amz-Signature%3Dab&content-type=image%2Fpng'],
    ['#/upload/x?presignedUrl=u', '/upload#presignedUrl=u'],
    ['#/upload', '/upload'],
  ])('%s → %s', (hash, target) => {
    expect(legacyTarget(hash)).toBe(target);
  });

  test.each(['', '#', '#L12', '#/services', '#/jobs/a/b', '#/uix', '#/upload#v1.abc', '#v1.abc', '#/uploads'])('%s is not a dashboard URL', (hash) => {
    expect(legacyTarget(hash)).toBeNull();
  });
});

describe('startUrl', () => {
  test('embedded: a dashboard hash becomes a Lagoon hash route in the same folder', () => {
    expect(startUrl({ pathname: '/ui/', search: '', hash: '#/ui/services/grayify/logs' }, true)).toBe('/ui/#/jobs?service=grayify');
    expect(startUrl({ pathname: '/ui/index.html', search: '', hash: '#/ui/minio/b' }, true)).toBe('/ui/#/buckets/b/');
  });

  test("embedded: Lagoon's own routes are left alone, its login included", () => {
    expect(startUrl({ pathname: '/ui/', search: '', hash: '#/services/grayify' }, true)).toBeNull();
    expect(startUrl({ pathname: '/ui/', search: '', hash: '#/login?next=%2Finfo' }, true)).toBeNull();
    expect(startUrl({ pathname: '/ui/', search: '', hash: '' }, true)).toBeNull();
  });

  test("embedded: the identity provider's answer on the folder goes to the callback route", () => {
    expect(startUrl({ pathname: '/ui/', search: '?code=abc&state=xyz', hash: '' }, true)).toBe('/ui/#/auth/callback?code=abc&state=xyz');
    expect(startUrl({ pathname: '/ui/', search: '?error=access_denied&state=xyz', hash: '' }, true)).toBe(
      '/ui/#/auth/callback?error=access_denied&state=xyz',
    );
  });

  test("the dashboard's upload link keeps the signed URL in the fragment; Lagoon's own is left alone", () => {
    const legacy = { pathname: '/', search: '', hash: '#/upload?presignedUrl=https%3A%2F%2Fm.test%2Fb%2Fk&content-type=x' };
    expect(startUrl(legacy, false)).toBe('/upload#presignedUrl=https%3A%2F%2Fm.test%2Fb%2Fk&content-type=x');
    expect(startUrl({ ...legacy, pathname: '/ui/' }, true)).toBe('/ui/#/upload#presignedUrl=https%3A%2F%2Fm.test%2Fb%2Fk&content-type=x');
    expect(startUrl({ pathname: '/ui/', search: '', hash: '#/upload#v1.abc' }, true)).toBeNull();
    expect(startUrl({ pathname: '/upload', search: '', hash: '#v1.abc' }, false)).toBeNull();
  });

  test('hosted: a dashboard hash becomes a path; a log line anchor stays', () => {
    expect(startUrl({ pathname: '/', search: '', hash: '#/login?endpoint=https%3A%2F%2Fc.test&process=EGI' }, false)).toBe(
      '/login?endpoint=https%3A%2F%2Fc.test&provider=egi',
    );
    expect(startUrl({ pathname: '/', search: '', hash: '#/ui/services' }, false)).toBe('/services');
    expect(startUrl({ pathname: '/jobs/a/b', search: '', hash: '#L12' }, false)).toBeNull();
  });
});
