import { ListField } from './collection-fields';
import { TextField } from './fields';
import { SelectField } from './choice-fields';
import { useForm } from './form-context';
import { Row, Section } from './section';

export function AccessSection() {
  const { service } = useForm();
  return (
    <Section
      title="Visibility and isolation"
      description="Who can see and use the service and its buckets"
      defaultOpen={service.visibility !== undefined && service.visibility !== 'private'}
      paths={[['visibility'], ['allowed_users'], ['isolation_level'], ['vo']]}
    >
      <Row cols={3}>
        <SelectField
          path={['visibility']}
          label="Visibility"
          emptyLabel="Private (default)"
          options={[
            { value: 'private', label: 'Private: only you' },
            { value: 'restricted', label: 'Restricted: you and the users below' },
            { value: 'public', label: 'Public: every user of the cluster' },
          ]}
        />
        <SelectField
          path={['isolation_level']}
          label="Bucket isolation"
          emptyLabel="Service (default)"
          options={[
            { value: 'SERVICE', label: 'Service: one set of buckets' },
            { value: 'USER', label: 'User: a private bucket per allowed user' },
          ]}
        />
        <TextField path={['vo']} label="Virtual organisation" mono placeholder="vo.ai4eosc.eu" hint="The VO the service is created for (OIDC users in several VOs)." />
      </Row>
      <ListField
        path={['allowed_users']}
        label="Allowed users"
        placeholder="0f3e…@egi.eu, a81c…@egi.eu"
        hint={service.visibility === 'restricted' ? 'EGI user ids (sub), comma-separated.' : 'Used when the visibility is Restricted. EGI user ids (sub), comma-separated.'}
      />
    </Section>
  );
}
