import type { SecretPlan } from '../../lib/secrets';
import { MapField } from './collection-fields';
import { SecretsField } from './secrets-field';
import { Section } from './section';

export function EnvironmentSection({ plan }: { plan: SecretPlan }) {
  return (
    <Section title="Environment variables and secrets" description="Settings the script reads from its environment" defaultOpen paths={[['environment']]}>
      <MapField
        path={['environment', 'variables']}
        label="Variables"
        hint="Plain settings, visible to anyone who can see the service."
        keyLabel="Variable name"
        keyPlaceholder="INPUT_TYPE"
        addLabel="Add variable"
      />
      <SecretsField plan={plan} />
    </Section>
  );
}
