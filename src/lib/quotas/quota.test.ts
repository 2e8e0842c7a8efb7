import { describe, expect, it } from 'vitest';
import type { QuotaResponse } from '../../api/types';
import { quotaLevel, quotaLine, quotaLines } from './quota';

const answer: QuotaResponse = {
  user_id: 'ana@egi.eu',
  resources: {
    cpu: { max: 8000, used: 6500 },
    memory: { max: 16 * 1024 ** 3, used: 2 * 1024 ** 3 },
    'ephemeral-storage': { max: 50 * 1024 ** 3, used: 0 },
    gpu: { max: 0, used: 0 },
  },
  minio: { buckets: { max: 10, used: 10 }, storage_per_bucket: { max: '20Gi' }, storage_total: { used: '1.5 GiB' } },
  volumes: { disk: { max: '20Gi', used: '2Gi' }, volumes: { max: '3', used: '1' }, max_disk_per_volume: '10Gi' },
};

describe('quota lines', () => {
  it('read every limit in words and numbers', () => {
    const lines = quotaLines(answer);
    expect(lines.map((l) => l.label)).toEqual(['CPU', 'Memory', 'GPU', 'Ephemeral storage', 'Volumes', 'Volume disk', 'Buckets', 'Storage']);
    const cpu = quotaLine(answer, 'cpu')!;
    expect([cpu.usedText, cpu.maxText, cpu.leftText]).toEqual(['6.5 cores', '8 cores', '1.5 cores']);
    expect(quotaLevel(cpu)).toBe('near');
    const mem = quotaLine(answer, 'memory')!;
    expect([mem.usedText, mem.maxText, quotaLevel(mem)]).toEqual(['2 GiB', '16 GiB', 'ok']);
  });

  it('tell how much is left, and a full line as full', () => {
    const b = quotaLine(answer, 'buckets')!;
    expect(b.left).toBe(0);
    expect(quotaLevel(b)).toBe('full');
    expect(quotaLine(answer, 'volumes')!.left).toBe(2);
    expect(quotaLine(answer, 'volume-disk')!.left).toBe(18 * 1024 ** 3);
  });

  it('a zero limit with nothing used is not full', () => {
    const gpu = quotaLine(answer, 'gpu')!;
    expect(gpu.share).toBe(0);
    expect(quotaLevel(gpu)).toBe('ok');
  });

  it('storage has no total limit: it says the per-bucket one and draws no bar', () => {
    const s = quotaLine(answer, 'storage')!;
    expect(s.used).toBe(1.5 * 1024 ** 3);
    expect(s.maxText).toBe('20 GiB per bucket');
    expect(quotaLevel(s)).toBe('none');
  });

  it('leaves out what the cluster did not send', () => {
    expect(quotaLines({ user_id: 'x', resources: { cpu: { max: 1000 } } }).map((l) => [l.id, l.usedText, l.maxText])).toEqual([['cpu', 'unknown', '1 core']]);
  });
});
