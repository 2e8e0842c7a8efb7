import cowsayYaml from '../../../../mocks/fdl/cowsay/cowsay.yaml?raw';
import cowsayScript from '../../../../mocks/fdl/cowsay/script.sh?raw';
import { parse } from 'yaml';
import type { Service } from '../../../api/types';
import { editorReducer, initEditorState, type EditorState } from './editor-reducer';
import { emptyValue, fromServer, setIn, duplicateValue, type EditorValue } from './editor-value';
import { requestBody, planSecrets, UNCHANGED_SECRET } from './secrets';
import { valueToYaml, yamlToValue } from './yaml-sync';


function serverCowsaySecret(): Service {
  // What GET /system/services/cowsay-secret answers: secret blanked, default MinIO keys hidden.
  return {
    name: 'cowsay-secret',
    image: 'ghcr.io/grycap/cowsay',
    script: '#!/bin/sh\necho "$COWSAY_SECRET" | /usr/games/cowsay\n',
    cpu: '1.0',
    memory: '1Gi',
    cluster_id: 'oscar-replica',
    owner: 'cluster_admin',
    token: 'a'.repeat(64),
    namespace: 'oscar-svc',
    environment: { secrets: { COWSAY_SECRET: '' }, variables: { INPUT_TYPE: 'json' } },
    storage_providers: {
      minio: { default: { endpoint: 'https://minio', access_key: 'hidden', secret_key: 'hidden', verify: true } },
    },
  };
}

function editState(service: Service): { state: EditorState; server: ReturnType<typeof fromServer>['server'] } {
  const { value, server } = fromServer(service);
  return { state: initEditorState(value, Object.keys(service.environment?.secrets ?? {})), server };
}

describe('form and YAML edit one value', () => {
  it('shows the service as an oscar-cli FDL with the script as a file', () => {
    const { state } = editState(serverCowsaySecret());
    const doc = parse(state.yaml);
    const body = doc.functions.oscar[0]['oscar-replica'];
    expect(body.name).toBe('cowsay-secret');
    expect(body.script).toBe('script.sh');
    expect(body.memory).toBe('1Gi');
    // Server-managed fields are not part of what the user edits.
    expect(body.token).toBeUndefined();
    expect(body.owner).toBeUndefined();
    expect(state.yaml).not.toContain('hidden');
  });

  it('a form change rewrites the YAML, and a YAML change updates the value the form shows', () => {
    let { state } = editState(serverCowsaySecret());
    state = editorReducer(state, { type: 'form', update: (v) => setIn(v, ['service', 'memory'], '2Gi') });
    expect(parse(state.yaml).functions.oscar[0]['oscar-replica'].memory).toBe('2Gi');

    state = editorReducer(state, { type: 'yaml', text: state.yaml.replace('cpu: "1.0"', 'cpu: "2"').replace("cpu: '1.0'", "cpu: '2'") });
    expect(state.value.service.cpu).toBe('2');
    expect(state.value.service.memory).toBe('2Gi');
    // The script content survives a trip through YAML, where only its file name appears.
    expect(state.value.service.script).toContain('cowsay');
  });

  it('keeps broken YAML as typed, leaves the value alone and points at the line', () => {
    let { state } = editState(serverCowsaySecret());
    const before = state.value;
    const broken = state.yaml.replace('memory: 1Gi', 'memory: 1Gi\n  : : oops [');
    state = editorReducer(state, { type: 'yaml', text: broken });
    expect(state.yamlStale).toBe(true);
    expect(state.yaml).toBe(broken);
    expect(state.value).toBe(before);
    const error = state.yamlIssues.find((i) => i.severity === 'error');
    expect(error?.line).toBeGreaterThan(1);
    // The form cannot overwrite the typed text while it is unreadable.
    const after = editorReducer(state, { type: 'form', update: (v) => setIn(v, ['service', 'memory'], '4Gi') });
    expect(after.yaml).toBe(broken);
  });

  it('reads a value whose fields are wrong, so the form can show the errors next to them', () => {
    let { state } = editState(serverCowsaySecret());
    state = editorReducer(state, { type: 'yaml', text: state.yaml.replace('name: cowsay-secret', 'name: CowSay') });
    expect(state.yamlStale).toBe(false);
    expect(state.value.service.name).toBe('CowSay');
    expect(state.yamlIssues.some((i) => i.severity === 'error' && /uppercase/.test(i.message))).toBe(true);
  });

  it('refuses several services in the YAML tab with a message naming them', () => {
    let { state } = editState(serverCowsaySecret());
    const two = `functions:\n  oscar:\n  - a:\n      name: one\n      image: x\n      script: s.sh\n  - b:\n      name: two\n      image: y\n      script: s.sh\n`;
    state = editorReducer(state, { type: 'yaml', text: two });
    expect(state.yamlStale).toBe(true);
    expect(state.yamlIssues[0]?.message).toMatch(/2 services \(one, two\)/);
    expect(state.yamlIssues[0]?.line).toBe(7);
  });

  it('says so for an FDL with no services, garbage and a huge paste', () => {
    const empty = yamlToValue('functions:\n  oscar: []\n', emptyValue());
    expect(empty.ok).toBe(false);
    expect(empty.issues[0]?.message).toMatch(/no services/);
    const garbage = yamlToValue('\u0000\u0001PNG\u0002', emptyValue());
    expect(garbage.ok).toBe(false);
    expect(garbage.issues[0]?.message).toMatch(/binary/);
    const huge = yamlToValue('a: b\n'.repeat(1_100_000), emptyValue());
    expect(huge.ok).toBe(false);
    expect(huge.issues[0]?.message).toMatch(/MB of text/);
  });

  it('keeps fields it does not know, in the service and at the top of the file', () => {
    const text = `x-notes: kept\nfunctions:\n  oscar:\n  - c1:\n      name: keep-me\n      image: img\n      script: run.sh\n      future_field:\n        deep: [1, 2]\n`;
    const read = yamlToValue(text, { ...emptyValue(), service: { ...emptyValue().service, script: 'echo hi' } });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect((read.value.service as Record<string, unknown>).future_field).toEqual({ deep: [1, 2] });
    const again = parse(valueToYaml(read.value, null));
    expect(again['x-notes']).toBe('kept');
    expect(again.functions.oscar[0].c1.future_field).toEqual({ deep: [1, 2] });
    expect(again.functions.oscar[0].c1.script).toBe('run.sh');
  });

  it('pastes a real FDL (cowsay) and takes its script once the file is loaded', () => {
    let state = initEditorState(emptyValue(), null);
    state = editorReducer(state, { type: 'yaml', text: cowsayYaml });
    expect(state.value.service.name).toBe('cowsay');
    expect(state.value.service.environment?.variables).toEqual({ INPUT_TYPE: 'json' });
    expect(state.yamlIssues.some((i) => i.severity === 'error' && /script\.sh is not loaded/.test(i.message))).toBe(true);
    state = editorReducer(state, { type: 'script-file', name: 'script.sh', content: cowsayScript });
    expect(state.value.service.script).toContain('/usr/games/cowsay');
    expect(state.yamlIssues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('secrets', () => {
  it('shows untouched secrets as unchanged in YAML and reads them back as untouched', () => {
    const { state } = editState(serverCowsaySecret());
    expect(parse(state.yaml).functions.oscar[0]['oscar-replica'].environment.secrets).toEqual({ COWSAY_SECRET: UNCHANGED_SECRET });
    const read = yamlToValue(state.yaml, state.value);
    expect(read.ok && read.value.service.environment?.secrets).toEqual({ COWSAY_SECRET: '' });
  });

  it('leaves secrets out of a PUT when only another field changed', () => {
    const start = editState(serverCowsaySecret());
    const server = start.server;
    const state = editorReducer(start.state, { type: 'form', update: (v) => setIn(v, ['service', 'memory'], '2Gi') });
    const { body, plan } = requestBody(state.value, { kind: 'update', baselineSecrets: ['COWSAY_SECRET'], server });
    expect(body.memory).toBe('2Gi');
    expect(body.environment?.secrets).toBeUndefined();
    expect(body.environment?.variables).toEqual({ INPUT_TYPE: 'json' });
    expect(plan.send).toBe(false);
    expect(plan.clearing).toEqual([]);
    // The fields OSCAR manages go back as they came; the default MinIO with hidden keys does not.
    expect(body.token).toBe('a'.repeat(64));
    expect(body.owner).toBe('cluster_admin');
    expect(JSON.stringify(body)).not.toContain('hidden');
  });

  it('sends the typed value when a secret changed, and names the untouched ones it would clear', () => {
    const svc = serverCowsaySecret();
    svc.environment!.secrets = { COWSAY_SECRET: '', OTHER: '' };
    const start = editState(svc);
    const server = start.server;
    const state = editorReducer(start.state, { type: 'form', update: (v) => setIn(v, ['service', 'environment', 'secrets', 'COWSAY_SECRET'], 'new-value') });
    const { body, plan } = requestBody(state.value, { kind: 'update', baselineSecrets: ['COWSAY_SECRET', 'OTHER'], server });
    expect(body.environment?.secrets).toEqual({ COWSAY_SECRET: 'new-value', OTHER: '' });
    expect(plan.changed).toEqual(['COWSAY_SECRET']);
    expect(plan.clearing).toEqual(['OTHER']);
  });

  it('sends every secret on create and asks for values a copy lacks', () => {
    const { value } = fromServer(serverCowsaySecret());
    const copy = duplicateValue(value, ['cowsay-secret-copy']);
    expect(copy.service.name).toBe('cowsay-secret-copy-2');
    expect(copy.service.token).toBeUndefined();
    expect(planSecrets(copy.service, null).missing).toEqual(['COWSAY_SECRET']);
    const typed: EditorValue = setIn(copy, ['service', 'environment', 'secrets', 'COWSAY_SECRET'], 's3cr3t');
    const { body } = requestBody(typed, { kind: 'create' });
    expect(body.environment?.secrets).toEqual({ COWSAY_SECRET: 's3cr3t' });
    expect(body.owner).toBeUndefined();
  });
});
