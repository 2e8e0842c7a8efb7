import { useQuery } from '@tanstack/react-query';
import { queryClient } from '../../../lib/session/query-client';
import { Button } from '../../../components/button';
import { usePageTitle } from '../../../components/page-title';
import { Section } from '../../../components/section';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { STATUS_REFRESH_MS, statusQueries } from '../api/queries';
import { ClusterTotals } from '../components/cluster-totals';
import { ExecutionsPanel } from '../components/executions-panel';
import { NodeCard } from '../components/node-card';
import { MinioPanel, OscarPanel } from '../components/service-panels';

export function loader() {
  void queryClient.prefetchQuery(statusQueries.status());
  return null;
}

export function Component() {
  usePageTitle('Cluster status');
  const q = useQuery(statusQueries.status());
  const nodes = q.data?.cluster?.nodes ?? [];
  const updated = q.dataUpdatedAt ? new Date(q.dataUpdatedAt).toLocaleTimeString('en-GB') : null;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">Cluster status</h1>
        <p className="flex items-center gap-2 text-sm text-muted">
          {updated && (
            <span>
              Updated {updated}; refreshes every {STATUS_REFRESH_MS / 1000} s while this tab is visible.
            </span>
          )}
          <Button size="sm" variant="ghost" onClick={() => void q.refetch()} busy={q.isFetching}>
            Refresh
          </Button>
        </p>
      </div>
      {q.isPending ? (
        <Loading label="Loading the cluster status…" />
      ) : q.isError && !q.data ? (
        <ErrorState
          title="Could not load the cluster status"
          error={q.error}
          onRetry={() => void q.refetch()}
        />
      ) : (
        <>
          {q.isError && (
            <p role="alert" className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm">
              The last refresh failed; these figures are from {updated}.
            </p>
          )}
          {q.data?.cluster && <ClusterTotals cluster={q.data.cluster} />}
          <Section
            title="Nodes"
            description="Each bar fills with what pods request of the node; the thin mark shows what they use."
          >
            {nodes.length === 0 ? (
              <EmptyState title="No nodes reported">The cluster answered without a node list.</EmptyState>
            ) : (
              <ul aria-label="Nodes" className="grid gap-4 md:grid-cols-2">
                {nodes.map((n, i) => (
                  <NodeCard key={n.name ?? i} node={n} />
                ))}
              </ul>
            )}
          </Section>
          <div className="grid gap-5 lg:grid-cols-2">
            <OscarPanel oscar={q.data?.oscar} />
            <MinioPanel minio={q.data?.minio} />
          </div>
          <ExecutionsPanel now={q.dataUpdatedAt} />
        </>
      )}
    </div>
  );
}
