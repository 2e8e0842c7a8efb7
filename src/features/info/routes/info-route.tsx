import { isDemoEndpoint } from '../../../api/demo';
import { queryClient } from '../../../lib/session/query-client';
import { useSession } from '../../../lib/session/session';
import { usePageTitle } from '../../../components/page-title';
import { infoQueries } from '../api/queries';
import { ClusterSection } from '../components/cluster-section';
import { ConfigSections } from '../components/config-sections';
import { DemoFaultsPanel } from '../components/demo-faults-panel';
import { IdentitySection } from '../components/identity-section';

export function loader() {
  void queryClient.prefetchQuery(infoQueries.info());
  void queryClient.prefetchQuery(infoQueries.config());
  return null;
}

export function Component() {
  usePageTitle('Cluster info');
  const session = useSession();
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-5">
      <h1 className="text-2xl font-semibold">Cluster info</h1>
      <IdentitySection />
      <ClusterSection />
      <ConfigSections />
      {session && isDemoEndpoint(session.endpoint) && <DemoFaultsPanel />}
    </div>
  );
}
