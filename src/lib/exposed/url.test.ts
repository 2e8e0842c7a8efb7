import { describe, expect, it } from 'vitest';
import type { Service } from '../../api/types';
import { exposedBaseUrl, fillUrl, healthUrl, MASK, nodePortUrls, openTemplate, routesFor } from './url';

const svc = (over: Partial<Service> = {}): Service => ({ name: 'nginx', image: 'nginx', script: '', ...over }) as Service;

describe('exposedBaseUrl', () => {
  it('builds the path form under the endpoint, with or without a trailing slash', () => {
    expect(exposedBaseUrl('https://oscar.example.org', 'nginx')).toBe('https://oscar.example.org/system/services/nginx/exposed/');
    expect(exposedBaseUrl('https://oscar.example.org/', 'nginx', 'path')).toBe('https://oscar.example.org/system/services/nginx/exposed/');
    expect(exposedBaseUrl('https://h.org/oscar/', 'a b')).toBe('https://h.org/oscar/system/services/a%20b/exposed/');
  });
  it('builds the subdomain form on the endpoint host, keeping scheme and port, dropping any path', () => {
    expect(exposedBaseUrl('https://oscar.example.org', 'nginx', 'subdomain')).toBe('https://nginx.oscar.example.org/');
    expect(exposedBaseUrl('http://127.0.0.1.nip.io:8080/base/', 'jup', 'subdomain')).toBe('http://jup.127.0.0.1.nip.io:8080/');
  });
});

describe('routesFor', () => {
  it('takes one mode for all clusters, or a map by origin with "*" as the default', () => {
    expect(routesFor(undefined, 'https://a.org')).toBe('path');
    expect(routesFor('subdomain', 'https://a.org')).toBe('subdomain');
    expect(routesFor('weird', 'https://a.org')).toBe('path');
    const map = { 'https://a.org': 'subdomain', '*': 'path' };
    expect(routesFor(map, 'https://a.org/')).toBe('subdomain');
    expect(routesFor(map, 'https://b.org')).toBe('path');
    expect(routesFor({ '*': 'subdomain' }, 'https://b.org')).toBe('subdomain');
    expect(routesFor(['subdomain'], 'https://b.org')).toBe('path');
  });
});

describe('healthUrl', () => {
  it('appends expose.health_path to the root, "/" by default', () => {
    expect(healthUrl('https://h/x/exposed/', undefined)).toBe('https://h/x/exposed/');
    expect(healthUrl('https://h/x/exposed/', '/')).toBe('https://h/x/exposed/');
    expect(healthUrl('https://h/x/exposed/', '/health')).toBe('https://h/x/exposed/health');
    expect(healthUrl('https://h/x/exposed/', 'api/ready')).toBe('https://h/x/exposed/api/ready');
  });
});

describe('openTemplate', () => {
  it('opens notebooks with their JUPYTER_TOKEN and terminals with the service token, others plainly', () => {
    expect(openTemplate(svc({ labels: { jupyter_notebook: 'true' } }))).toBe('?token={{env.JUPYTER_TOKEN}}');
    expect(openTemplate(svc({ environment: { variables: { JUPYTER_TOKEN: 'x' } } }))).toBe('?token={{env.JUPYTER_TOKEN}}');
    expect(openTemplate(svc({ labels: { terminal: 'true' } }))).toBe('?token={{service.token}}');
    expect(openTemplate(svc())).toBe('');
  });
});

describe('fillUrl', () => {
  const base = 'https://h/system/services/j/exposed/';
  it('fills env variables and the service token, URL-encoded, and masks them in the shown URL', () => {
    const s = svc({ token: 'a+b/c', environment: { variables: { JUPYTER_TOKEN: 's3cr&t' } } });
    const f = fillUrl(base, '?token={{env.JUPYTER_TOKEN}}&x=1', s);
    expect(f.url).toBe(`${base}?token=s3cr%26t&x=1`);
    expect(f.shown).toBe(`${base}?token=${MASK}&x=1`);
    expect(f.shown).not.toContain('s3cr');
    expect(f.missing).toEqual([]);
    expect(fillUrl(base, 'lab?token={{ service.token }}', s).url).toBe(`${base}lab?token=a%2Bb%2Fc`);
  });
  it('reads a secret when the cluster sent it, and drops a parameter whose value was blanked', () => {
    const withSecret = svc({ environment: { secrets: { JUPYTER_TOKEN: 'zz' } } });
    expect(fillUrl(base, '?token={{env.JUPYTER_TOKEN}}', withSecret).url).toBe(`${base}?token=zz`);
    const blanked = svc({ token: '', environment: { secrets: { JUPYTER_TOKEN: '' } } });
    const f = fillUrl(base, '?token={{env.JUPYTER_TOKEN}}&a=1', blanked);
    expect(f.url).toBe(`${base}?a=1`);
    expect(f.missing).toEqual(['{{env.JUPYTER_TOKEN}}']);
    expect(fillUrl(base, '?token={{service.token}}', svc({ token: 'hidden' }))).toEqual({ url: base, shown: base, missing: ['{{service.token}}'] });
  });
  it('leaves a URL without placeholders alone', () => {
    expect(fillUrl(base, '', svc())).toEqual({ url: base, shown: base, missing: [] });
  });
});

describe('nodePortUrls', () => {
  it('links each NodePort on the endpoint host with its scheme, without duplicates or bad ports', () => {
    const s = svc({ expose: { api_port: [80], nodePort: [30080, 30443, 30080, 0, 70000] } });
    expect(nodePortUrls('https://oscar.example.org:8443/base', s)).toEqual(['https://oscar.example.org:30080/', 'https://oscar.example.org:30443/']);
    expect(nodePortUrls('http://[::1]:8080', svc({ expose: { nodePort: [31000] } }))).toEqual(['http://[::1]:31000/']);
    expect(nodePortUrls('https://h', svc({ expose: { api_port: [80] } }))).toEqual([]);
  });
});
