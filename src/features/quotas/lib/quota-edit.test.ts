import { describe, expect, it } from 'vitest';
import { changes, EDIT_FIELDS, fieldProblem, updateBody, valuesFrom } from './quota-edit';

const current = valuesFrom({
  user_id: 'ana',
  resources: { cpu: { max: 8000 }, memory: { max: 16 * 1024 ** 3 }, gpu: { max: 0 }, 'ephemeral-storage': { max: 50 * 1024 ** 3 } },
  minio: { buckets: { max: 10 }, storage_per_bucket: { max: '20Gi' } },
  volumes: { disk: { max: '20Gi' }, volumes: { max: '3' }, max_disk_per_volume: '10Gi', min_disk_per_volume: '100Mi' },
});
const field = (k: string) => EDIT_FIELDS.find((f) => f.key === k)!;

describe('editing a quota', () => {
  it('shows the current limits as a person types them', () => {
    expect(current).toEqual({
      cpu: '8',
      memory: '16Gi',
      gpu: '0',
      ephemeral_storage: '50Gi',
      buckets: '10',
      storage_per_bucket: '20Gi',
      volumes: '3',
      disk: '20Gi',
      max_disk_per_volume: '10Gi',
      min_disk_per_volume: '100Mi',
    });
  });

  it('says what is wrong with a value', () => {
    expect(fieldProblem(field('cpu'), '500m')).toBeNull();
    expect(fieldProblem(field('cpu'), 'four')).toMatch(/millicores/);
    expect(fieldProblem(field('memory'), '-1Gi')).toMatch(/size/);
    expect(fieldProblem(field('buckets'), '2.5')).toMatch(/whole number/);
    expect(fieldProblem(field('buckets'), '')).toBe('Give a value.');
  });

  it('lists only what changed, before → after, and sends only that', () => {
    const list = changes(current, { ...current, cpu: '4', buckets: '12', disk: '40Gi', min_disk_per_volume: ' 100Mi ' });
    expect(list.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual(['CPU: 8 → 4', 'Buckets: 10 → 12', 'Volume disk: 20Gi → 40Gi']);
    expect(updateBody(list)).toEqual({ cpu: '4', minio: { buckets: '12' }, volumes: { disk: '40Gi' } });
    expect(changes(current, current)).toEqual([]);
  });
});
