import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../../components/button';
import { volumeQueries } from '../../../../lib/volumes/queries';
import { TextField } from './fields';
import { SelectField } from './choice-fields';
import { useForm } from './form-context';
import { Row, Section } from './section';

const VOLUME_LIST = 'service-volume-names';

/** A managed persistent volume, kept between runs (OSCAR 4.1). */
export function VolumeSection() {
  const { service, setField, readOnly } = useForm();
  return (
    <Section title="Persistent volume" description="A disk mounted in every run that keeps its files between runs" defaultOpen={service.volume !== undefined} paths={[['volume']]}>
      {service.volume ? (
        <>
          <Row cols={4}>
            <TextField path={['volume', 'mount_path']} label="Folder in the container" mono placeholder="/data" />
            <TextField path={['volume', 'size']} label="Size" mono placeholder="1Gi" />
            <TextField
              path={['volume', 'name']}
              label="Volume name"
              mono
              placeholder="(created for the service)"
              hint={<YourVolumes />}
              list={VOLUME_LIST}
            />
            <SelectField
              path={['volume', 'lifecycle_policy']}
              label="When the service is deleted"
              emptyLabel="Default"
              options={[
                { value: 'delete', label: 'Delete the volume' },
                { value: 'retain', label: 'Keep the volume' },
              ]}
            />
          </Row>
          <div>
            <Button size="sm" variant="ghost" disabled={readOnly} onClick={() => setField(['volume'], undefined)}>
              Remove the volume
            </Button>
          </div>
        </>
      ) : (
        <div>
          <Button size="sm" disabled={readOnly} onClick={() => setField(['volume'], { mount_path: '/data', size: '1Gi' })}>
            Add a volume
          </Button>
        </div>
      )}
    </Section>
  );
}

/**
 * The user's existing volumes, offered by name (a datalist: typing a new name stays possible). Asked only
 * once the service has a volume; a cluster without volumes (null) or a failed list offers none.
 */
function YourVolumes() {
  const q = useQuery({ ...volumeQueries.list(), retry: false, staleTime: 30_000 });
  const names = (q.data ?? []).map((v) => v.name).filter((n): n is string => !!n);
  return (
    <>
      {names.length ? `Name one of your volumes to share it (${names.length} offered), or a new one.` : 'Name an existing volume to share it.'}
      <datalist id={VOLUME_LIST}>
        {(q.data ?? []).map((v) => (
          <option key={v.name} value={v.name}>
            {`${v.size ?? ''}${v.attachments?.length ? ` · used by ${v.attachments.map((a) => a.service_name).join(', ')}` : ''}`}
          </option>
        ))}
      </datalist>
    </>
  );
}
