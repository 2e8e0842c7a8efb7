// The editor's requests against the demo cluster (the same handlers the browser demo uses, which
// behave like OSCAR): what an update sends decides whether the secrets survive.
import { oscar } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { serveDemoCluster } from '../../../test/demo';
import { signIn } from '../../../test/session';
import { applyService } from '../api/apply';
import { editorReducer, initEditorState } from './editor-reducer';
import { fromServer, setIn } from './editor-value';
import { requestBody } from './secrets';

const BASE = 'https://editor-test.cluster';
const demo = serveDemoCluster(BASE);
beforeEach(() => signIn({ endpoint: BASE }));

async function openEditor(name: string) {
  const { data } = await oscar.GET('/system/services/{serviceName}', { params: { path: { serviceName: name } } });
  const { value, server: fields } = fromServer(data!);
  const baseline = Object.keys(data!.environment?.secrets ?? {});
  return { state: initEditorState(value, baseline), fields, baseline };
}

const storedSecret = () => demo.cluster.services.get('secrets-usage')?.environment?.secrets?.COWSAY_SECRET;

describe('applying an edit to the demo cluster', () => {
  it('keeps a secret it never saw when only the memory changes', async () => {
    const { state, fields, baseline } = await openEditor('secrets-usage');
    expect(state.value.service.environment?.secrets).toEqual({ COWSAY_SECRET: '' });
    const edited = editorReducer(state, { type: 'form', update: (v) => setIn(v, ['service', 'memory'], '2Gi') });
    const { body } = requestBody(edited.value, { kind: 'update', baselineSecrets: baseline, server: fields });
    await applyService({ kind: 'update', body });
    expect(demo.cluster.services.get('secrets-usage')?.memory).toBe('2Gi');
    expect(storedSecret()).toBe('this-is-my-secret');
  });

  it('would wipe it if the blanked value were sent back, which is why the editor does not', async () => {
    const { data } = await oscar.GET('/system/services/{serviceName}', { params: { path: { serviceName: 'secrets-usage' } } });
    await applyService({ kind: 'update', body: { ...data!, memory: '2Gi' } });
    expect(storedSecret()).toBe('');
  });

  it('sends a replaced secret', async () => {
    const { state, fields, baseline } = await openEditor('secrets-usage');
    const edited = editorReducer(state, {
      type: 'form',
      update: (v) => setIn(v, ['service', 'environment', 'secrets', 'COWSAY_SECRET'], 'rotated'),
    });
    await applyService({ kind: 'update', body: requestBody(edited.value, { kind: 'update', baselineSecrets: baseline, server: fields }).body });
    expect(storedSecret()).toBe('rotated');
  });

  it('creates a duplicate under a new name, and a clash answers 409 in the server words', async () => {
    const { state } = await openEditor('cowsay');
    const copy = setIn(state.value, ['service', 'name'], 'cowsay-copy');
    await applyService({ kind: 'create', body: requestBody(copy, { kind: 'create' }).body });
    expect(demo.cluster.services.get('cowsay-copy')?.image).toBe(state.value.service.image);
    const clash = applyService({ kind: 'create', body: requestBody(copy, { kind: 'create' }).body });
    await expect(clash).rejects.toBeInstanceOf(ApiError);
    await expect(clash).rejects.toMatchObject({ status: 409, message: 'A service with the provided name already exists' });
  });
});
