import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyChoices, choiceProblems, defaultChoices, readTemplate } from './deploy';

const HUB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../mocks/catalog/hub');
const file = (crate: string, name: string) => readFileSync(path.join(HUB, crate, name), 'utf8');
const template = (crate: string) => {
  const r = readTemplate(file(crate, 'fdl.yml'), file(crate, 'script.sh'), 'script.sh');
  if (!r.ok) throw new Error(r.reason);
  return r.template;
};

describe('deploying a crate', () => {
  it('reads the FDL with its script inlined, API-shaped', () => {
    const t = template('cowsay');
    expect(t.value.service).toMatchObject({ name: 'cowsay', cpu: '1.0', memory: '1Gi', image: 'ghcr.io/grycap/cowsay', environment: { variables: { INPUT_TYPE: 'json' } } });
    expect(t.value.service.script).toContain('/usr/games/cowsay');
    expect(t.value.scriptFileName).toBe('script.sh');
    expect(t.secrets).toEqual([]);
    expect(t.bucket).toBeNull();
  });

  it('applies the name, resources and bucket, leaving the template as published', () => {
    const t = template('yolov8');
    expect(t.bucket).toBe('yolov8');
    const value = applyChoices(t, { ...defaultChoices(t), name: 'my-yolo', cpu: '1', memory: '2Gi', bucket: 'my-yolo', volume: { name: 'shared-datasets', mountPath: '/data' } });
    expect(value.service).toMatchObject({
      name: 'my-yolo',
      cpu: '1',
      memory: '2Gi',
      vo: 'vo.imagine-ai.eu',
      input: [{ storage_provider: 'minio.default', path: 'my-yolo/input' }],
      output: [{ storage_provider: 'minio.default', path: 'my-yolo/output' }],
      volume: { name: 'shared-datasets', mount_path: '/data' },
    });
    expect(t.value.service.name).toBe('yolov8');
    expect(t.value.service.input?.[0]?.path).toBe('yolov8/input');
  });

  it('asks for the secrets the FDL declares, never keeping the published example', () => {
    const t = template('vllm-llama');
    expect(t.secrets).toEqual(['API_KEY']);
    const start = defaultChoices(t);
    expect(start.secrets).toEqual({ API_KEY: '' });
    expect(choiceProblems(start, t)).toEqual({ 'secret:API_KEY': "Give a value for API_KEY; the crate's own is only an example." });
    expect(applyChoices(t, { ...start, secrets: { API_KEY: 's3cret' } }).service.environment?.secrets).toEqual({ API_KEY: 's3cret' });
  });

  it('says in words which choice would be refused', () => {
    const t = template('cowsay');
    const p = choiceProblems({ ...defaultChoices(t), name: 'My Cow', cpu: 'lots', memory: '512' }, t);
    expect(p.name).toMatch(/uppercase/);
    expect(p.cpu).toMatch(/not a number of CPU cores/);
    expect(Object.keys(p)).not.toContain('bucket');
    expect(choiceProblems({ ...defaultChoices(template('kokoro-tts')), bucket: 'A!' }, template('kokoro-tts')).bucket).toMatch(/3 to 63/);
  });

  it('says why an FDL cannot be used, with the line', () => {
    expect(readTemplate('functions: [', null)).toMatchObject({ ok: false, reason: expect.stringMatching(/^Its FDL cannot be read: line 1/) });
    const noScript = readTemplate(file('cowsay', 'fdl.yml'), null);
    expect(noScript.ok && noScript.template.value.service.script).toBe('');
  });
});
