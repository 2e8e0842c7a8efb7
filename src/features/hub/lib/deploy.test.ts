import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyChoices, choiceProblems, defaultChoices, readTemplate } from './deploy';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const HUB = path.join(ROOT, 'mocks/catalog/hub');
/** The KServe crate the e2e tests serve as another source (lagoon-tests/kserve-fixture). */
const QWEN = path.join(ROOT, 'e2e/fixtures/kserve-fixture/crates/qwen-chat');
const file = (crate: string, name: string) => readFileSync(crate === 'qwen-chat' ? path.join(QWEN, name) : path.join(HUB, crate, name), 'utf8');
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

  it("reads a KServe crate's model server resources, apart from the service's own", () => {
    const t = template('qwen-chat');
    expect(t.kserve).toEqual({ cpu: '2.0', memory: '6Gi', gpu: false });
    expect(defaultChoices(t).kserve).toEqual({ cpu: '2.0', memory: '6Gi', gpu: false });
    expect(template('cowsay').kserve).toBeNull();
    expect(defaultChoices(template('cowsay'))).not.toHaveProperty('kserve');
  });

  it("applies the model server's CPU, memory and GPU into the FDL's kserve section, the rest as published", () => {
    const t = template('qwen-chat');
    const value = applyChoices(t, { ...defaultChoices(t), cpu: '1', kserve: { cpu: '4', memory: '12Gi', gpu: true } });
    expect(value.service.cpu).toBe('1');
    expect(value.service.memory).toBe('1Gi');
    expect(value.service.kserve).toEqual({
      type: 'llm_inference',
      llm_inference: { runtime_image: 'ghcr.io/grycap/kserve-vllm-openai-cpu:v0.22.1' },
      storage_uri: 'oci://ghcr.io/grycap/kserve-qwen2-5-05b-instruct:latest',
      cpu: '4',
      memory: '12Gi',
      enable_gpu: true,
      args: ['--dtype=auto', '--enforce-eager'],
      env: { VLLM_CPU_KVCACHE_SPACE: '1' },
    });
    expect(t.value.service.kserve).toMatchObject({ cpu: '2.0', memory: '6Gi' });
    expect(t.value.service.kserve).not.toHaveProperty('enable_gpu');
    // Emptied, an amount is left out of the FDL, so OSCAR gives its default; no GPU is no enable_gpu.
    const plain = applyChoices(t, { ...defaultChoices(t), kserve: { cpu: '', memory: '', gpu: false } }).service.kserve;
    expect(plain).not.toHaveProperty('cpu');
    expect(plain).not.toHaveProperty('memory');
    expect(plain).not.toHaveProperty('enable_gpu');
  });

  it("says in words which model server resource would be refused, apart from the service's own", () => {
    const t = template('qwen-chat');
    const p = choiceProblems({ ...defaultChoices(t), kserve: { cpu: '2 cores', memory: '6G B', gpu: false } }, t);
    expect(p['kserve.cpu']).toBe('The model server\'s CPU "2 cores" is not a number of CPU cores such as 0.5, 1 or 500m');
    expect(p['kserve.memory']).toBe('The model server\'s memory "6G B" is not a Kubernetes quantity such as 512Mi or 2Gi');
    expect(p.cpu).toBeUndefined();
    expect(choiceProblems({ ...defaultChoices(t), kserve: { cpu: '0', memory: '6m', gpu: true } }, t)).toEqual({
      'kserve.cpu': 'The model server\'s CPU "0" must be more than zero',
      'kserve.memory': 'The model server\'s memory "6m" means a fraction of a byte ("m" is milli/micro/nano); did you mean 6Mi?',
    });
    expect(choiceProblems({ ...defaultChoices(t), kserve: { cpu: '', memory: '', gpu: false } }, t)).toEqual({});
  });
});
