import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../../lib/session/session';
import { vosFromEntitlements } from '../../../lib/session/vos';
import { Badge } from '../../../components/badge';
import { CopyButton } from '../../../components/copy-button';
import { FieldList, type Field } from '../../../components/field-list';
import { Section } from '../../../components/section';
import { SecretValue } from '../../../components/secret-value';
import { infoQueries } from '../api/queries';

/**
 * Who the session is: name, e-mail, subject (the id OSCAR records as a service's owner), the VOs the
 * user's entitlements give and which of them this cluster accepts, and, for OIDC, the access token,
 * masked and copyable (OSCAR's own guides send users to the dashboard for it: the Node-RED and Jupyter
 * integrations, oscar-cli's `--oidc-token`). The token is the session's, never stored anywhere else.
 */
export function IdentitySection() {
  const session = useSession();
  const config = useQuery({ ...infoQueries.config(), enabled: session?.method === 'oidc' });
  if (!session) return null;
  const u = session.user;
  const fields: Field[] = [{ label: 'Name', value: u.name }];
  if (u.email) fields.push({ label: 'E-mail', value: u.email });
  if (session.method === 'basic') {
    fields.push({ label: 'Logged in with', value: 'the cluster’s user and password (Basic); there is no token to copy' });
  } else {
    if (u.sub) {
      fields.push({
        label: 'Subject (owner id)',
        value: (
          <span className="inline-flex flex-wrap items-center gap-1">
            <code className="font-mono break-all">{u.sub}</code>
            <CopyButton value={u.sub} label="subject id" />
          </span>
        ),
      });
    }
    const vos = vosFromEntitlements(u.entitlements);
    const accepted = new Set(config.data?.config?.oidc_groups ?? []);
    fields.push({
      label: 'VOs',
      value: vos.length ? (
        <ul aria-label="Your VOs" className="flex flex-wrap gap-1.5">
          {vos.map((vo) => (
            <li key={vo} className="inline-flex items-center gap-1">
              <code className="font-mono">{vo}</code>
              {config.data && (accepted.has(vo) ? <Badge tone="ok">accepted here</Badge> : <Badge tone="neutral">not used here</Badge>)}
            </li>
          ))}
        </ul>
      ) : (
        'Your login gave no VO membership (no eduperson_entitlement claim)'
      ),
    });
    if (session.credentials.kind === 'bearer') {
      fields.push({ label: 'Access token', value: <SecretValue value={session.credentials.token} label="access token" /> });
    }
    if (session.expiresAt) {
      fields.push({ label: 'Token valid until', value: new Date(session.expiresAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) });
    }
  }
  return (
    <Section title="You" description="Who this session is on the cluster.">
      <FieldList fields={fields} />
    </Section>
  );
}
