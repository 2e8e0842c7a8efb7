import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { Name } from '../../../components/name';
import { usePageTitle } from '../../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { ownerIdOf } from '../../../lib/session/owner';
import { queryClient } from '../../../lib/session/query-client';
import { useSession } from '../../../lib/session/session';
import { appQueries } from '../api/queries';
import { useAppActions } from '../components/app-actions';
import { AppTable } from '../components/app-table';
import { NewAppDialog } from '../components/new-app-dialog';
import { appById, isAppService, type AppDef } from '../lib/apps';

export function loader() {
  void queryClient.prefetchQuery(appQueries.services());
  return null;
}

export function Component() {
  const app = appById(useParams().app);
  if (!app) {
    return (
      <EmptyState title="No such app">
        Lagoon has Notebooks, Flows, Terminals and File browsers.
      </EmptyState>
    );
  }
  return <AppPage key={app.id} app={app} />;
}

/** One app's page: the user's services carrying its label, their state, and New. */
function AppPage({ app }: { app: AppDef }) {
  usePageTitle(app.title);
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const created = params.get('created');
  const [creating, setCreating] = useState(false);
  const mine = ownerIdOf(session);
  // Refreshed while one is starting, so a new one turns ready on its own.
  const q = useQuery({
    ...appQueries.services(),
    select: (all) => all.filter((s) => isAppService(app, s) && (!s.owner || s.owner === mine)).sort((a, b) => a.name.localeCompare(b.name)),
    refetchInterval: (query) =>
      (query.state.data ?? []).some((s) => isAppService(app, s) && s.deployment?.state && s.deployment.state !== 'ready' && s.deployment.state !== 'stopped') ? 2_000 : false,
  });
  const { act, dialogs } = useAppActions(app);
  const newButton = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      New {app.one}
    </Button>
  );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{app.title}</h1>
        {q.data && q.data.length > 0 && newButton}
      </div>
      {created && (
        <div role="status" className="flex items-center justify-between gap-3 rounded-md border border-ok/40 bg-ok-soft px-3 py-2">
          <p>
            Created <Name value={created} className="font-mono" />. It takes a moment to start; Open waits until it answers.
          </p>
          <Button size="sm" variant="ghost" onClick={() => setParams({}, { replace: true })}>
            Dismiss
          </Button>
        </div>
      )}
      {q.data && q.isError && <ErrorState error={q.error} title={`Could not refresh the ${app.title.toLowerCase()}; showing the last list`} onRetry={() => void q.refetch()} />}
      {q.data ? (
        q.data.length === 0 ? (
          <EmptyState title={`No ${app.title.toLowerCase()} yet`} action={newButton}>
            {app.about}
          </EmptyState>
        ) : (
          <AppTable services={q.data} onAction={act} highlight={created} />
        )
      ) : q.isError ? (
        <ErrorState error={q.error} title={`Could not load your ${app.title.toLowerCase()}`} onRetry={() => void q.refetch()} />
      ) : (
        <Loading label={`Loading your ${app.title.toLowerCase()}…`} />
      )}
      <NewAppDialog app={app} open={creating} onClose={() => setCreating(false)} />
      {dialogs}
    </div>
  );
}
