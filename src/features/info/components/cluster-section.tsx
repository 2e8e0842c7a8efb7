import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../../lib/session/session';
import { CopyButton } from '../../../components/copy-button';
import { FieldList, type Field } from '../../../components/field-list';
import { Section } from '../../../components/section';
import { ErrorState, Skeleton } from '../../../components/states';
import { humanizeKey, ValueView } from '../../../components/value-view';
import { infoQueries } from '../api/queries';

const SHOWN = new Set(['version', 'git_commit', 'architecture', 'kubernetes_version', 'serverless_backend']);

/** The session's endpoint and what /system/info says about the cluster (including any fields the spec lacks). */
export function ClusterSection() {
  const session = useSession();
  const q = useQuery(infoQueries.info());
  const endpoint: Field = {
    label: 'Endpoint',
    value: session ? (
      <span className="inline-flex flex-wrap items-center gap-1">
        <code className="font-mono break-all">{session.endpoint}</code>
        <CopyButton value={session.endpoint} label="endpoint" />
      </span>
    ) : (
      'Not connected'
    ),
  };
  let body;
  if (q.data) {
    const i = q.data;
    const backend = i.serverless_backend;
    const fields: Field[] = [
      endpoint,
      { label: 'OSCAR version', value: <ValueView value={i.version} /> },
      { label: 'Git commit', value: i.git_commit ? <code className="font-mono break-all">{i.git_commit}</code> : <ValueView value="" /> },
      { label: 'Architecture', value: <ValueView value={i.architecture} /> },
      { label: 'Kubernetes version', value: <ValueView value={i.kubernetes_version} /> },
      {
        label: 'Serverless backend',
        value: backend?.name ? `${backend.name}${backend.version ? ` ${backend.version}` : ''}` : <ValueView value="" />,
      },
      ...Object.entries(i as Record<string, unknown>)
        .filter(([k]) => !SHOWN.has(k))
        .map(([k, v]) => ({ label: k === 'oidc' ? 'OIDC login' : humanizeKey(k), value: <ValueView value={v} name={k} /> })),
    ];
    body = <FieldList fields={fields} />;
  } else if (q.isError) {
    body = (
      <div className="flex flex-col gap-4">
        <FieldList fields={[endpoint]} />
        <ErrorState error={q.error} title="Could not load the cluster information" onRetry={() => void q.refetch()} />
      </div>
    );
  } else {
    body = (
      <div className="flex flex-col gap-4" aria-busy="true">
        <FieldList fields={[endpoint]} />
        <p role="status" className="sr-only">
          Loading cluster information…
        </p>
        <Skeleton rows={4} />
      </div>
    );
  }
  return <Section title="Cluster">{body}</Section>;
}
