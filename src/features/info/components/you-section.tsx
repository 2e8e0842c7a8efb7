import { useMemo } from 'react';
import { useSession } from '../../../lib/session/session';
import { FieldList, type Field } from '../../../components/field-list';
import { SecretValue } from '../../../components/secret-value';
import { Section } from '../../../components/section';
import { identityFromToken } from '../lib/identity';

/**
 * Who is logged in: for an OIDC session the token's subject, name, e-mail and VOs, and the access token
 * itself, masked and copyable (OSCAR's docs send users to the dashboard for it, to use with oscar-cli,
 * Node-RED or Jupyter). For the admin's Basic login, the user name.
 */
export function YouSection() {
  const session = useSession();
  const token = session?.credentials.kind === 'bearer' ? session.credentials.token : '';
  const id = useMemo(() => (token ? identityFromToken(token) : null), [token]);
  if (!session) return null;
  let fields: Field[];
  if (session.credentials.kind === 'basic') {
    fields = [
      { label: 'User', value: <code className="font-mono">{session.credentials.username}</code> },
      { label: 'Kind', value: 'The cluster’s administrator (password login): no OIDC identity, no quota of its own' },
    ];
  } else {
    const sub = id?.sub ?? session.user.sub;
    fields = [
      { label: 'Name', value: id?.name ?? session.user.name },
      { label: 'E-mail', value: id?.email ?? session.user.email ?? 'Not given', muted: !(id?.email ?? session.user.email) },
      { label: 'Subject (owner ID)', value: sub ? <code className="font-mono break-all">{sub}</code> : 'Not given', muted: !sub },
      {
        label: 'VOs',
        value: id?.vos.length ? (
          <ul className="flex flex-wrap gap-1.5" aria-label="Your VOs">
            {id.vos.map((vo) => (
              <li key={vo} className="rounded bg-raised px-1.5 py-0.5 font-mono text-xs">
                {vo}
              </li>
            ))}
          </ul>
        ) : (
          'None in the token'
        ),
        muted: !id?.vos.length,
      },
      { label: 'Issuer', value: id?.issuer ? <code className="font-mono break-all">{id.issuer}</code> : 'Unknown', muted: !id?.issuer },
      { label: 'Access token', value: <SecretValue value={token} label="access token" /> },
    ];
    if (id?.expiresAt) fields.push({ label: 'Token expires', value: new Date(id.expiresAt).toLocaleString() });
  }
  return (
    <Section title="You" description="Who this session is on the cluster">
      <FieldList fields={fields} />
    </Section>
  );
}
