import { useId } from 'react';
import { Button } from '../../../../components/button';
import type { StorageIOConfig } from '../../../../api/types';
import { ListField } from './collection-fields';
import { TextField } from './fields';
import { useForm } from './form-context';
import { Row, Section } from './section';

function ProviderOptions({ id }: { id: string }) {
  const { service } = useForm();
  const refs = new Set(['minio']);
  for (const [kind, ids] of Object.entries(service.storage_providers ?? {})) {
    for (const pid of Object.keys(ids ?? {})) refs.add(`${kind}.${pid}`);
  }
  return (
    <datalist id={id}>
      {[...refs].map((r) => (
        <option key={r} value={r} />
      ))}
    </datalist>
  );
}

function IoList({ field, title, hint }: { field: 'input' | 'output'; title: string; hint: string }) {
  const { service, setField, readOnly } = useForm();
  const listId = useId();
  const list: StorageIOConfig[] = service[field] ?? [];
  const noun = field === 'input' ? 'input' : 'output';
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-sm font-medium">{title}</legend>
      <p className="text-xs text-muted">{hint}</p>
      <ProviderOptions id={listId} />
      {list.length === 0 && <p className="text-sm text-muted">None.</p>}
      {list.map((_, i) => (
        <div key={i} className="flex flex-col gap-3 rounded-md border border-line p-3">
          <div className="flex items-center justify-between">
            <h3 className="text-sm font-semibold">
              {field === 'input' ? 'Input' : 'Output'} {i + 1}
            </h3>
            <Button size="sm" variant="ghost" disabled={readOnly} onClick={() => setField([field], list.length === 1 ? undefined : list.filter((__, j) => j !== i))}>
              Remove {noun} {i + 1}
            </Button>
          </div>
          <Row>
            <TextField path={[field, i, 'storage_provider']} label="Storage provider" mono list={listId} placeholder="minio" hint="minio is the cluster's own storage; or kind.id of a provider below." />
            <TextField path={[field, i, 'path']} label="Path" mono placeholder={`my-service/${noun}`} hint="bucket/folder" />
          </Row>
          <Row>
            <ListField path={[field, i, 'suffix']} label="Only files ending with" placeholder=".jpg, .png" hint="Comma-separated; empty means every file." />
            <ListField path={[field, i, 'prefix']} label="Only files starting with" placeholder="img_" hint="Comma-separated; empty means every file." />
          </Row>
        </div>
      ))}
      <div>
        <Button size="sm" disabled={readOnly} onClick={() => setField([field], [...list, { storage_provider: 'minio', path: '' }])}>
          Add {noun}
        </Button>
      </div>
    </fieldset>
  );
}

export function StorageSection() {
  const { service, setField, readOnly } = useForm();
  const mountId = useId();
  return (
    <Section title="Inputs and outputs" description="Where files arrive to start a run, and where results go" defaultOpen paths={[['input'], ['output'], ['mount']]}>
      <IoList field="input" title="Inputs" hint="A file uploaded here starts an asynchronous run with it as INPUT_FILE_PATH." />
      <IoList field="output" title="Outputs" hint="Files the script writes to TMP_OUTPUT_DIR are uploaded here." />
      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm font-medium">Mounted storage</legend>
        <p className="text-xs text-muted">A bucket mounted as a folder inside the container (rclone), for large models or datasets.</p>
        <ProviderOptions id={mountId} />
        {service.mount ? (
          <div className="flex flex-col gap-3 rounded-md border border-line p-3">
            <Row cols={3}>
              <TextField path={['mount', 'storage_provider']} label="Storage provider" mono list={mountId} placeholder="minio" />
              <TextField path={['mount', 'path']} label="Path" mono placeholder="my-bucket/models" />
              <TextField path={['mount', 'options']} label="rclone options" mono placeholder="--vfs-cache-mode full" />
            </Row>
            <div>
              <Button size="sm" variant="ghost" disabled={readOnly} onClick={() => setField(['mount'], undefined)}>
                Remove mounted storage
              </Button>
            </div>
          </div>
        ) : (
          <div>
            <Button size="sm" disabled={readOnly} onClick={() => setField(['mount'], { storage_provider: 'minio', path: '' })}>
              Mount storage
            </Button>
          </div>
        )}
      </fieldset>
    </Section>
  );
}
