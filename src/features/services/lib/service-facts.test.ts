import { describe, expect, it } from 'vitest';
import { cowsay, fish, magick, nginx } from '../test/fixtures';
import { cpuCores, ioSummary, memoryBytes, resourceSummary, serviceBuckets, serviceKind } from './service-facts';

describe('service facts', () => {
  it('hints at the kind of service from its fields', () => {
    expect(serviceKind(fish)).toBe('async');
    expect(serviceKind(cowsay)).toBe('sync');
    expect(serviceKind(nginx)).toBe('exposed');
    expect(serviceKind({ ...cowsay, kserve: { type: 'inference', api_version: 'v1', cpu: '1', memory: '1Gi', enable_gpu: false, max_scale: 1, min_scale: 0, set_auth: true } })).toBe(
      'kserve',
    );
  });

  it('summarises inputs and outputs, naming the provider once when all share it', () => {
    expect(ioSummary(fish)).toBe('minio: fish/input → fish/output');
    expect(ioSummary(cowsay)).toBe('');
    expect(
      ioSummary({ ...fish, input: [{ storage_provider: 's3.aws', path: 'in' }, { storage_provider: 'minio.default', path: 'x/in' }], output: [] }),
    ).toBe('s3: in, minio: x/in → —');
  });

  it('finds the MinIO buckets of inputs, outputs and mounts only', () => {
    expect(serviceBuckets(magick)).toEqual(['magick-in', 'magick-out']);
    expect(
      serviceBuckets({ ...fish, input: [{ path: '/raw/a' }], output: [{ storage_provider: 'webdav.dc', path: 'elsewhere/out' }], mount: { storage_provider: 'minio.default', path: 'models' } }),
    ).toEqual(['raw', 'models']);
  });

  it('reads Kubernetes quantities', () => {
    expect(cpuCores('250m')).toBe(0.25);
    expect(cpuCores('1.5')).toBe(1.5);
    expect(memoryBytes('256Mi')).toBe(256 * 2 ** 20);
    expect(memoryBytes('2G')).toBe(2e9);
    expect(memoryBytes('lots')).toBeNaN();
    expect(resourceSummary({ ...fish, enable_gpu: true })).toBe('1.0 CPU · 3Gi + GPU');
  });
});
