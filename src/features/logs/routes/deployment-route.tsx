import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage, isApiError } from '../../../api/errors';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { ButtonLink } from '../../../components/button-link';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { usePageTitle } from '../../../components/page-title';
import { Section } from '../../../components/section';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { toast } from '../../../components/toast';
import { useDeploymentAction, type DeploymentAction } from '../api/mutations';
import { CONFIRM } from '../../../lib/deployments/lifecycle';
import { DeploymentStatus } from '../components/deployment-status';
import { LogNotices } from '../components/log-notices';
import { LogViewer } from '../components/log-viewer';
import { useDeployment } from '../components/use-deployment';

function DeploymentPage({ name }: { name: string }) {
  usePageTitle(`${name} deployment`);
  const d = useDeployment(name);
  const act = useDeploymentAction(name);
  const [confirmStop, setConfirmStop] = useState(false);
  const exposed = Boolean(d.service.data?.expose?.api_port?.length);

  function run(action: DeploymentAction) {
    if (action === 'stop' && !confirmStop) return setConfirmStop(true);
    setConfirmStop(false);
    act.mutate(action, {
      onSuccess: () => d.startAwaiting(action),
      onError: (e) => toast(`Could not ${action} ${name}: ${errorMessage(e)}`, 'error'),
    });
  }

  const status = d.status;
  const serviceMissing = isApiError(d.service.error) && d.service.error.status === 404;
  const fileName = `${name}-deployment.log`;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <Breadcrumbs items={[{ label: 'Services', to: '/services' }, { label: name, to: `/services/${encodeURIComponent(name)}` }, { label: 'Deployment' }]} />
      <h1 className="text-2xl font-semibold break-all">Deployment of {name}</h1>
      {serviceMissing ? (
        <EmptyState title={`No service named ${name}`} action={<ButtonLink to="/services">Back to services</ButtonLink>}>
          There is no such service on this cluster, or you are not allowed to see it.
        </EmptyState>
      ) : (
        <>
          <Section
            title="Status"
            description={exposed ? 'An exposed service runs all the time as a web server. Start, stop or restart it here.' : d.service.data ? 'This service is not exposed: it runs on demand, so it cannot be started or stopped here.' : undefined}
          >
            {status.data ? (
              <>
                {status.isError && <p role="alert" className="mb-3 text-sm text-danger">Could not refresh the status: {errorMessage(status.error)}. Showing the last known state.</p>}
                <DeploymentStatus status={status.data} exposed={exposed} busy={act.isPending ? (act.variables ?? null) : null} awaiting={d.awaiting} onAction={run} />
              </>
            ) : status.isError ? (
              <ErrorState error={status.error} title="Could not load the deployment status" onRetry={() => void status.refetch()} />
            ) : (
              <Loading label="Loading the deployment status…" />
            )}
          </Section>
          <section aria-labelledby="deployment-log-heading" className="flex flex-col gap-2">
            <h2 id="deployment-log-heading" className="text-base font-semibold">
              Log
            </h2>
            <LogViewer
              buffer={d.buffer}
              label={`Deployment log of ${name}`}
              fileName={fileName}
              loaded={d.log.data !== undefined || d.log.isError}
              live
              notices={
                <>
                  <LogNotices buffer={d.buffer} gone={false} goneText="" error={d.log.isError ? d.log.error : null} retryInSeconds={Math.round(d.nextLogPollMs / 1000)} fileName={fileName} />
                  {d.buffer.gaps > 0 && (
                    <p role="status" className="border-x border-line bg-warn-soft px-3 py-1.5 text-sm">
                      Some lines may be missing: the cluster keeps only the most recent ones, and more arrived between two refreshes.
                    </p>
                  )}
                </>
              }
              empty={d.log.data?.message ?? (d.log.data ? 'The deployment has not logged anything yet.' : 'Loading the log…')}
            />
          </section>
        </>
      )}
      <ConfirmDialog open={confirmStop} title={`Stop ${name}?`} confirmLabel={CONFIRM.stop.label} onConfirm={() => run('stop')} onCancel={() => setConfirmStop(false)}>
        <p>{CONFIRM.stop.body}</p>
      </ConfirmDialog>
    </div>
  );
}

export function Component() {
  const { name = '' } = useParams();
  return <DeploymentPage key={name} name={name} />;
}
