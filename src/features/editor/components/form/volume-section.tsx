import { Button } from '../../../../components/button';
import { TextField } from './fields';
import { SelectField } from './choice-fields';
import { useForm } from './form-context';
import { Row, Section } from './section';

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
            <TextField path={['volume', 'name']} label="Volume name" mono placeholder="(created for the service)" hint="Name an existing volume to share it." />
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
