import { describe, expect, it } from 'vitest';
import { attachmentsText, fieldOfError, volumeSize } from './volume-form';
import { applyVolumeView, parseVolumeView } from './volume-view';

describe('volume form', () => {
  it('joins the amount and the unit into a quantity', () => {
    expect(volumeSize('5', 'Gi')).toEqual({ size: '5Gi' });
    expect(volumeSize(' 1.5 ', 'Ti')).toEqual({ size: '1.5Ti' });
    expect(volumeSize('', 'Gi')).toEqual({ problem: 'Give the size.' });
    expect(volumeSize('0', 'Gi')).toHaveProperty('problem');
    expect(volumeSize('-2', 'Mi')).toHaveProperty('problem');
    expect(volumeSize('2Gi', 'Mi')).toHaveProperty('problem');
  });

  it('puts the server words at the field they are about', () => {
    expect(fieldOfError(409, 'volume "a" already exists')).toBe('name');
    expect(fieldOfError(400, 'invalid volume name "A": it must be a lowercase RFC 1123 label')).toBe('name');
    expect(fieldOfError(400, 'volume size 50Gi exceeds the maximum of 10Gi per volume')).toBe('size');
    expect(fieldOfError(400, 'invalid volume size "x"')).toBe('size');
    expect(fieldOfError(500, 'boom')).toBe('form');
  });

  it('names the services a volume is mounted by', () => {
    expect(attachmentsText({ attachments: [{ service_name: 'svc', mount_path: '/data' }, { service_name: 'b' }] })).toBe('svc (at /data), b');
    expect(attachmentsText({})).toBe('');
  });
});

describe('volume view', () => {
  const list = [
    { name: 'b', size: '10Gi', owner_user: 'ana', attachments: [{ service_name: 'zeta' }] },
    { name: 'a', size: '512Mi', owner_user: 'marco' },
    { name: 'c', size: '2Gi', owner_user: 'ana' },
  ];
  it('reads the URL, falling back to name ascending', () => {
    expect(parseVolumeView(new URLSearchParams('sort=size&dir=desc&q=x'))).toEqual({ q: 'x', sort: 'size', dir: 'desc' });
    expect(parseVolumeView(new URLSearchParams('sort=bogus'))).toEqual({ q: '', sort: 'name', dir: 'asc' });
  });
  it('sorts sizes by bytes, not as text, and filters by owner and service', () => {
    expect(applyVolumeView(list, { q: '', sort: 'size', dir: 'asc' }).map((v) => v.name)).toEqual(['a', 'c', 'b']);
    expect(applyVolumeView(list, { q: 'zeta', sort: 'name', dir: 'asc' }).map((v) => v.name)).toEqual(['b']);
    expect(applyVolumeView(list, { q: 'ANA', sort: 'name', dir: 'desc' }).map((v) => v.name)).toEqual(['c', 'b']);
  });
});
