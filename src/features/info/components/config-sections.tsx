import { useQuery } from '@tanstack/react-query';
import { ObjectFields } from '../../../components/object-fields';
import { Section } from '../../../components/section';
import { ErrorState, Skeleton } from '../../../components/states';
import { ValueView } from '../../../components/value-view';
import { infoQueries } from '../api/queries';

const CONFIG_LABELS: Record<string, string> = {
  name: 'Deployment name',
  namespace: 'Namespace',
  services_namespace: 'Services namespace',
  controller_service_account: 'Controller service account',
  serverless_backend: 'Serverless backend',
  gpu_available: 'GPUs available',
  interLink_available: 'InterLink available',
  volume_enable: 'Volumes enabled',
  yunikorn_enable: 'Apache YuniKorn',
  kueue_enable: 'Kueue queues',
  minio_quota_enabled: 'MinIO quotas',
  oidc_groups: 'OIDC groups allowed',
};

const MINIO_LABELS: Record<string, string> = {
  endpoint: 'Endpoint',
  region: 'Region',
  verify: 'Verify TLS',
  access_key: 'Access key',
  secret_key: 'Secret key',
};

/** /system/config: the cluster's settings and the MinIO credentials, every secret masked until revealed. */
export function ConfigSections() {
  const q = useQuery(infoQueries.config());
  if (q.isError) {
    return (
      <Section title="Configuration">
        <ErrorState error={q.error} title="Could not load the cluster configuration" onRetry={() => void q.refetch()} />
      </Section>
    );
  }
  if (!q.data) {
    return (
      <Section title="Configuration">
        <p role="status" className="sr-only">
          Loading the configuration…
        </p>
        <Skeleton rows={6} />
      </Section>
    );
  }
  const { config, minio_provider, allowed_image_repositories, ...rest } = q.data;
  return (
    <>
      <Section title="Configuration">
        <ObjectFields value={config} labels={CONFIG_LABELS} />
      </Section>
      <Section
        title="MinIO storage"
        description="The credentials for files on the cluster's MinIO. With an administrator login these are MinIO's root credentials: do not share them."
      >
        <ObjectFields value={minio_provider} labels={MINIO_LABELS} />
      </Section>
      <Section title="Allowed image repositories" description="Where service images may come from.">
        {allowed_image_repositories?.length ? (
          <ValueView value={allowed_image_repositories} />
        ) : (
          <p className="text-sm">Any repository: this cluster does not restrict images.</p>
        )}
      </Section>
      {Object.keys(rest).length > 0 && (
        <Section title="Other settings">
          <ObjectFields value={rest} />
        </Section>
      )}
    </>
  );
}
