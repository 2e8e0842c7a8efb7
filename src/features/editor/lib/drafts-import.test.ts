import cowsayYaml from '../../../../mocks/fdl/cowsay/cowsay.yaml?raw';
import cowsayScript from '../../../../mocks/fdl/cowsay/script.sh?raw';
import volumeYaml from '../../../../mocks/fdl/volumes/volume-demo.yaml?raw';
import { strToU8, zipSync } from 'fflate';
import { createDraftStore, draftKey, memoryBackend } from './drafts';
import { emptyValue, setIn } from './editor-value';
import { importFiles, type RawFile } from './import-files';
import { exportZip } from '../../../lib/fdl/export';
import { exportFiles } from './export';
import { unzipSync, strFromU8 } from 'fflate';
import { placeServerError } from './server-error';
import { ApiError } from '../../../api/errors';

const file = (path: string, text: string): RawFile => ({ path, bytes: strToU8(text) });

describe('drafts', () => {
  it('are kept per cluster endpoint and per service, "new" for a service being created', async () => {
    const backend = memoryBackend();
    const store = createDraftStore(backend);
    const a = setIn(emptyValue(), ['service', 'name'], 'from-a');
    const b = setIn(emptyValue(), ['service', 'name'], 'from-b');
    await store.save('https://a.example/', null, a);
    await store.save('https://b.example', null, b);
    await store.save('https://a.example', 'cowsay', b);
    expect((await store.load('https://a.example', null))?.value.service.name).toBe('from-a');
    expect((await store.load('https://B.example/', null))?.value.service.name).toBe('from-b');
    expect((await store.load('https://a.example', 'cowsay'))?.value.service.name).toBe('from-b');
    expect(await store.load('https://a.example', 'other')).toBeNull();
    // A service literally called "new" does not share the create draft.
    expect(draftKey('https://a.example', 'new')).not.toBe(draftKey('https://a.example', null));
    await store.clear('https://a.example', null);
    expect(await store.load('https://a.example', null)).toBeNull();
    expect(await store.load('https://b.example', null)).not.toBeNull();
  });

  it('never store secret values or credentials, and say which were left out', async () => {
    const backend = memoryBackend();
    const store = createDraftStore(backend);
    let v = setIn(emptyValue(), ['service', 'environment', 'secrets', 'API_KEY'], 'sk-123');
    v = setIn(v, ['service', 'environment', 'secrets', 'UNTOUCHED'], '');
    v = setIn(v, ['service', 'storage_providers', 's3', 'aws', 'secret_key'], 'aws-secret');
    v = setIn(v, ['service', 'storage_providers', 's3', 'aws', 'access_key'], 'AKIA');
    await store.save('https://a', null, v);
    expect(JSON.stringify([...backend.data.values()])).not.toMatch(/sk-123|aws-secret/);
    const draft = await store.load('https://a', null);
    expect(draft?.droppedSecrets).toEqual(['API_KEY', 's3.aws secret_key']);
    expect(draft?.value.service.environment?.secrets).toEqual({ API_KEY: '', UNTOUCHED: '' });
    expect(draft?.value.service.storage_providers?.s3?.aws?.access_key).toBe('AKIA');
  });

  it('keep unreadable YAML text as typed', async () => {
    const store = createDraftStore(memoryBackend());
    await store.save('https://a', 'x', emptyValue(), 'functions: [broken');
    expect((await store.load('https://a', 'x'))?.yaml).toBe('functions: [broken');
  });
});

describe('import', () => {
  it('takes an FDL with its script and reports nothing missing', () => {
    const result = importFiles([file('cowsay.yaml', cowsayYaml), file('script.sh', cowsayScript)]);
    expect(result.problems).toEqual([]);
    expect(result.services.map((s) => s.name)).toEqual(['cowsay']);
    expect(result.services[0]?.value.service.script).toContain('/usr/games/cowsay');
    expect(result.missingScripts).toEqual([]);
  });

  it('lists the script files the FDL names but that were not given', () => {
    const result = importFiles([file('cowsay.yaml', cowsayYaml)]);
    expect(result.missingScripts).toEqual(['script.sh']);
    expect(result.services[0]?.scriptFound).toBe(false);
    expect(result.services[0]?.value.service.script).toBe('');
  });

  it('reads a zip of several FDLs, matching each script beside its own FDL', () => {
    const zip = zipSync({
      'cowsay/cowsay.yaml': strToU8(cowsayYaml),
      'cowsay/script.sh': strToU8('echo cowsay-script'),
      'volumes/volume-demo.yaml': strToU8(volumeYaml),
      'volumes/script.sh': strToU8('echo volume-script'),
    });
    const result = importFiles([{ path: 'examples.zip', bytes: zip }]);
    expect(result.problems).toEqual([]);
    const byName = Object.fromEntries(result.services.map((s) => [s.name, s.value.service.script]));
    expect(byName).toEqual({ cowsay: 'echo cowsay-script', 'volume-demo': 'echo volume-script' });
  });

  it('offers every service of a file with several, each with its own cluster', () => {
    const text = `functions:\n  oscar:\n  - c1:\n      name: one\n      image: x\n      script: a.sh\n  - c2:\n      name: two\n      image: y\n      script: b.sh\n`;
    const result = importFiles([file('two.yaml', text), file('a.sh', 'echo a')]);
    expect(result.services.map((s) => [s.name, s.clusterId, s.scriptFound])).toEqual([
      ['one', 'c1', true],
      ['two', 'c2', false],
    ]);
    expect(result.missingScripts).toEqual(['b.sh']);
  });

  it('still offers a service whose values are wrong, with its errors', () => {
    const text = `functions:\n  oscar:\n  - c1:\n      name: Bad_Name\n      image: x\n      script: a.sh\n`;
    const result = importFiles([file('bad.yaml', text)]);
    expect(result.services[0]?.name).toBe('Bad_Name');
    expect(result.services[0]?.errors[0]?.message).toMatch(/uppercase/);
  });

  it('reports binary garbage and broken YAML by file and line, never throws', () => {
    const garbage = importFiles([{ path: 'photo.yaml', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x10]) }]);
    expect(garbage.services).toEqual([]);
    expect(garbage.problems[0]?.message).toMatch(/not a text file/);
    const broken = importFiles([file('b.yaml', 'functions:\n  oscar:\n  - c: {name: [\n')]);
    expect(broken.problems[0]?.line).toBeGreaterThan(0);
    const none = importFiles([file('e.yaml', 'functions:\n  oscar:\n')]);
    expect(none.problems[0]?.message).toMatch(/lists no services/);
  });
});

describe('export', () => {
  it('writes the FDL and its script, zipped side by side', () => {
    const v = setIn(setIn(setIn(emptyValue(), ['service', 'name'], 'demo'), ['service', 'image'], 'img'), ['service', 'script'], 'echo hi\n');
    const files = exportFiles(v);
    expect(files.fdlName).toBe('demo.yaml');
    expect(files.fdl).toContain('script: script.sh');
    const unzipped = unzipSync(exportZip(files));
    expect(Object.keys(unzipped).sort()).toEqual(['demo.yaml', 'script.sh']);
    expect(strFromU8(unzipped['script.sh'] as Uint8Array)).toBe('echo hi\n');
    // What was exported imports back to the same service.
    const back = importFiles([file('demo.yaml', files.fdl), file('script.sh', 'echo hi\n')]);
    expect(back.services[0]?.value.service).toMatchObject({ name: 'demo', image: 'img', script: 'echo hi\n' });
  });
});

describe('server errors', () => {
  it('puts a name clash next to the name and a 400 in a banner, on the field when named', () => {
    const clash = placeServerError(new ApiError(409, 'A service with the provided name already exists'), 'create', 'cowsay');
    expect(clash.field).toEqual(['name']);
    expect(clash.fieldMessage).toMatch(/already exists.*"cowsay" is taken/);
    const bad = placeServerError(
      new ApiError(400, "The service specification is not valid: Key: 'Service.Image' Error:Field validation for 'Image' failed on the 'required' tag"),
      'create',
      'x',
    );
    expect(bad.field).toEqual(['image']);
    expect(bad.message).toMatch(/^The service specification is not valid/);
    const down = placeServerError(new ApiError(0, 'Cannot reach the cluster'), 'update', 'x');
    expect(down.title).toMatch(/could not be reached/);
    expect(down.field).toBeUndefined();
  });

  it('tells a quota refusal (400 or 403 naming a quota) from a plain 400, keeping the server’s words', () => {
    const words = 'Bucket quota exceeded: the service needs a new bucket ("juno-x"), and you have 5 of at most 5 buckets';
    expect(placeServerError(new ApiError(400, words), 'create', 'juno-x')).toEqual({ title: 'Over your quota', message: words, status: 400, quota: true });
    expect(placeServerError(new ApiError(403, 'exceeded quota: cpu'), 'update', 'x')).toMatchObject({ title: 'Over your quota', quota: true });
    const plain = placeServerError(new ApiError(400, "The service specification is not valid: 'input' must be a list"), 'create', 'x');
    expect(plain).toMatchObject({ title: 'The cluster refused the service', field: ['input'] });
    expect(plain.quota).toBeUndefined();
    expect(placeServerError(new ApiError(403, 'User x doesn\'t have permission to manage this service'), 'update', 'x').quota).toBeUndefined();
  });
});
