import { useQuery } from '@tanstack/react-query';
import type { Service } from '../../../api/types';
import { ButtonLink } from '../../../components/button-link';
import { serviceQueries } from '../api/queries';
import { serviceKind } from '../lib/service-facts';
import { AccessSection } from './detail/access-section';
import { BasicsSection } from './detail/basics-section';
import { EnvironmentSection } from './detail/environment-section';
import { ExposedAccess } from './detail/exposed-access';
import { ExtraSections } from './detail/extra-sections';
import { IoSection } from './detail/io-section';
import { ScriptSection } from './detail/script-section';
import { StorageSection } from './detail/storage-section';
import { KindBadge, StatusBadge } from './status-badge';
import { ServiceUsageChart } from '../../../components/service-usage-chart';
import { Name } from '../../../components/name';

/** Where "Upload input" goes: the folder of the first MinIO input path, e.g. /buckets/fish/input/. */
function inputFolderHref(s: Service): string | null {
  const input = s.input?.find((i) => (i.storage_provider ?? 'minio').startsWith('minio') && i.path);
  const [bucket, ...rest] = (input?.path ?? '').split('/').filter(Boolean);
  if (!bucket) return null;
  const folder = rest.map(encodeURIComponent).join('/');
  return `/buckets/${encodeURIComponent(bucket)}/${folder ? `${folder}/` : ''}`;
}

/** Every field of a service, grouped the way a scientist thinks about it. Read-only. */
export function ServiceDetail({ service: s }: { service: Service }) {
  const deployment = useQuery(serviceQueries.deployment(s.name)).data ?? s.deployment;
  const name = encodeURIComponent(s.name);
  const uploadHref = inputFolderHref(s);
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold break-all">
              <Name value={s.name} />
            </h1>
            <KindBadge kind={serviceKind(s)} />
            {deployment?.state && <StatusBadge state={deployment.state} />}
          </div>
          <p className="font-mono text-sm break-all text-muted">{s.image}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ButtonLink to={`/services/${name}/invoke`}>Invoke</ButtonLink>
          {uploadHref && <ButtonLink to={uploadHref}>Upload input</ButtonLink>}
          <ButtonLink to={`/jobs?service=${name}`}>Jobs</ButtonLink>
          <ButtonLink to={`/services/${name}/batch`}>Batch run</ButtonLink>
          <ButtonLink to={`/services/${name}/deployment`}>{s.expose ? 'Deployment and logs' : 'Deployment'}</ButtonLink>
          <ButtonLink to={`/services/${name}/edit`} variant="primary">
            Edit
          </ButtonLink>
        </div>
      </header>
      <BasicsSection service={s} deployment={deployment} />
      <ScriptSection script={s.script} />
      <AccessSection service={s} />
      <EnvironmentSection service={s} />
      <IoSection service={s} />
      <StorageSection service={s} />
      <ExtraSections service={s} exposedAccess={<ExposedAccess service={s} deployment={deployment} />} />
      <ServiceUsageChart serviceName={s.name} />
    </div>
  );
}
