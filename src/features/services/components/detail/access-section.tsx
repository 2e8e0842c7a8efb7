import type { Service } from '../../../../api/types';
import { Section } from '../../../../components/section';
import { SecretValue } from '../../../../components/secret-value';

export function AccessSection({ service: s }: { service: Service }) {
  return (
    <Section
      title="Service token"
      description={
        <>
          Send it as <code className="font-mono">Authorization: Bearer …</code> to call{' '}
          <code className="font-mono break-all">/run/{s.name}</code> or <code className="font-mono break-all">/job/{s.name}</code>.
        </>
      }
    >
      <SecretValue value={s.token} label="service token" blankText="The cluster did not send a token for this service" />
    </Section>
  );
}
