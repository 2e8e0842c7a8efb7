import { useQuery } from '@tanstack/react-query';
import { clusterConfigQuery } from '../../../../lib/cluster/config';
import { useSession } from '../../../../lib/session/session';
import { voChoice } from '../../../../lib/session/vo-choice';
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
        <VoField />
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

const VO_LIST = 'editor-vo-suggestions';

/** The service's VO: a choice among the VOs the user may use here, typed only when none match. */
function VoField() {
  const { service } = useForm();
  const session = useSession();
  const config = useQuery({ ...clusterConfigQuery(), retry: false });
  const choice = voChoice({
    method: session?.method === 'oidc' ? 'oidc' : 'basic',
    entitlements: session?.user.entitlements,
    clusterGroups: config.data ? (config.data.config?.oidc_groups ?? []) : undefined,
    current: typeof service.vo === 'string' ? service.vo : undefined,
  });
  if (choice.kind === 'select') {
    return (
      <div className="flex flex-col gap-1">
        <SelectField
          path={['vo']}
          label="Virtual organisation"
          emptyLabel="None (the cluster decides)"
          options={choice.options.map((vo) => ({ value: vo, label: vo }))}
          hint={choice.hint}
        />
        {choice.warning && (
          <p className="text-xs text-warn">
            {choice.warning}
          </p>
        )}
      </div>
    );
  }
  return (
    <>
      <TextField path={['vo']} label="Virtual organisation" mono placeholder="vo.ai4eosc.eu" hint={choice.hint} list={choice.suggestions.length ? VO_LIST : undefined} />
      {choice.suggestions.length > 0 && (
        <datalist id={VO_LIST}>
          {choice.suggestions.map((vo) => (
            <option key={vo} value={vo} />
          ))}
        </datalist>
      )}
    </>
  );
}
