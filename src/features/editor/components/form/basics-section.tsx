import { LOG_LEVELS, SERVICE_NAME_MAX } from '../../../../lib/fdl/service-schema';
import { TextField } from './fields';
import { CheckField, SelectField } from './choice-fields';
import { useForm } from './form-context';
import { Row, Section } from './section';

export function BasicsSection() {
  const { mode } = useForm();
  return (
    <Section title="Basics" description="Name, container image and the resources each run gets" defaultOpen paths={[['name'], ['image'], ['cpu'], ['memory'], ['enable_gpu'], ['log_level'], ['cluster_id']]}>
      <Row>
        <TextField
          path={['name']}
          label="Service name"
          required
          disabled={mode === 'update'}
          mono
          placeholder="my-service"
          hint={
            mode === 'update'
              ? 'A service keeps its name. To use another name, duplicate it.'
              : `Lowercase letters, digits and hyphens, at most ${SERVICE_NAME_MAX} characters. It names the service's URL and buckets.`
          }
        />
        <TextField path={['image']} label="Container image" required mono placeholder="ghcr.io/grycap/cowsay" hint="The Docker image the script runs in, with its tag." />
      </Row>
      <Row cols={3}>
        <TextField path={['cpu']} label="CPU cores" mono placeholder="0.2" hint="Per run: 0.5, 1, 2 or 500m. Cluster default when empty." />
        <TextField path={['memory']} label="Memory" mono placeholder="256Mi" hint="Per run: 512Mi, 2Gi… Cluster default when empty." />
        <SelectField
          path={['log_level']}
          label="Log level"
          emptyLabel="Cluster default (INFO)"
          options={LOG_LEVELS.map((l) => ({ value: l, label: l }))}
          hint="How much the OSCAR supervisor writes to the job logs."
        />
      </Row>
      <Row>
        <CheckField path={['enable_gpu']} label="Use a GPU" hint="Each run asks the cluster for one GPU." />
        <TextField path={['cluster_id']} label="Cluster id in the FDL" mono placeholder="oscar-cluster" hint="The name oscar-cli uses for this cluster (functions: oscar: - <id>:)." />
      </Row>
    </Section>
  );
}
