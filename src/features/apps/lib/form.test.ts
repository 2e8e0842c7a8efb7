import { describe, expect, it } from 'vitest';
import { appById, type AppDef } from './apps';
import { checkForm, type AppForm } from './form';

const form: AppForm = {
  name: 'juno-reef-abc123',
  cpu: '1.0',
  memoryAmount: '2',
  memoryUnit: 'Gi',
  vo: '',
  storageKind: 'bucket',
  bucket: 'juno-reef-abc123',
  volume: '',
  flavour: 'minimal',
  adminPassword: '',
  credentialSecret: '',
  useRefreshToken: true,
};
const extra = { voRequired: false, jupyterToken: 't'.repeat(128), credentialSecret: 's'.repeat(32), refreshToken: 'rt', endpoint: 'https://oscar.example.org' };
const app = (id: string) => appById(id) as AppDef;

describe('checkForm', () => {
  it('turns a good notebook form into choices with the token and the endpoint', () => {
    const { errors, choices } = checkForm(app('notebooks'), { ...form, flavour: 'full' }, extra);
    expect(errors).toEqual({});
    expect(choices).toEqual({
      name: 'juno-reef-abc123',
      cpu: '1.0',
      memory: '2Gi',
      storage: { kind: 'bucket', bucket: 'juno-reef-abc123' },
      flavour: 'full',
      jupyterToken: 't'.repeat(128),
      endpoint: 'https://oscar.example.org',
    });
  });

  it('puts each problem at its field, in words', () => {
    const { errors, choices } = checkForm(app('flows'), { ...form, name: 'My Flows', cpu: 'lots', memoryAmount: '', storageKind: 'volume' }, { ...extra, voRequired: true });
    expect(choices).toBeUndefined();
    expect(errors.name).toMatch(/^Name "My Flows" has uppercase letters/);
    expect(errors.cpu).toMatch(/^CPU "lots" is not a number of CPU cores/);
    expect(errors.memory).toBe('Give the memory, such as 2 Gi.');
    expect(errors.vo).toBe('Choose the VO the service is created for.');
    expect(errors.storage).toBe('Choose a volume.');
    expect(errors.adminPassword).toMatch(/at least 8 characters/);
    expect(checkForm(app('notebooks'), { ...form, bucket: 'No_Such' }, extra).errors.storage).toMatch(/not a valid bucket name/);
  });

  it('Flows generates the credentials secret when left empty; Terminal passes the refresh token only when asked', () => {
    expect(checkForm(app('flows'), { ...form, adminPassword: 'correct horse' }, extra).choices).toMatchObject({ adminPassword: 'correct horse', credentialSecret: 's'.repeat(32) });
    expect(checkForm(app('terminals'), form, extra).choices?.refreshToken).toBe('rt');
    expect(checkForm(app('terminals'), { ...form, useRefreshToken: false }, extra).choices?.refreshToken).toBeUndefined();
  });
});
