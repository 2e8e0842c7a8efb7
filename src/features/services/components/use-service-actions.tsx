import { useState } from 'react';
import type { Service } from '../../../api/types';
import { oscar, required } from '../../../api/client';
import { errorMessage } from '../../../api/errors';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { copyText } from '../../../components/copy-button';
import { saveBlob } from '../../../components/save-file';
import { isBlankedSecret } from '../../../components/secret-value';
import { toast } from '../../../components/toast';
import { CONFIRM, type DeploymentAction } from '../../../lib/deployments/lifecycle';
import { serviceExportFiles } from '../../../lib/fdl/export';
import { useServiceLifecycle } from '../api/mutations';
import { OpenExposedDialog } from '../../../components/open-exposed-dialog';
import type { ServiceAction } from './service-row-menu';
import { useExposedTarget } from '../../../lib/exposed/use-exposed';

const DONE: Record<DeploymentAction, string> = { start: 'Starting', stop: 'Stopping', restart: 'Restarting' };

/** The service's token: the one the list sent, else the one GET /{name} sends; null when the cluster sends none. */
async function serviceToken(s: Service): Promise<string | null> {
  if (!isBlankedSecret(s.token)) return s.token ?? null;
  const { data } = await oscar.GET('/system/services/{serviceName}', { params: { path: { serviceName: s.name } } });
  const token = required(data, `the service ${s.name}`).token;
  return isBlankedSecret(token) ? null : (token ?? null);
}

function downloadText(name: string, text: string, type: string) {
  saveBlob(new Blob([text], { type }), name);
}

/**
 * What the row menu's actions do, except Delete (the list's own dialog): open with a readiness check,
 * start / stop / restart (stop and restart confirmed), copy the token, download the FDL or the script.
 * Returns the handler and the dialogs to render.
 */
export function useServiceActions() {
  const [opening, setOpening] = useState<Service | null>(null);
  const [confirming, setConfirming] = useState<{ action: 'stop' | 'restart'; service: Service } | null>(null);
  const lifecycle = useServiceLifecycle();
  const target = useExposedTarget(opening);

  function lifecycleAction(action: DeploymentAction, s: Service) {
    setConfirming(null);
    lifecycle.mutate(
      { name: s.name, action },
      {
        onSuccess: (status) => toast(`${DONE[action]} ${s.name}: ${status.state ?? 'unknown'}${status.reason ? ` (${status.reason})` : ''}`, 'success'),
        onError: (e) => toast(`Could not ${action} ${s.name}: ${errorMessage(e)}`, 'error'),
      },
    );
  }

  function run(action: ServiceAction, s: Service) {
    switch (action) {
      case 'open':
        setOpening(s);
        return;
      case 'start':
        lifecycleAction('start', s);
        return;
      case 'stop':
      case 'restart':
        setConfirming({ action, service: s });
        return;
      case 'copy-token':
        serviceToken(s)
          .then(async (token) => {
            if (token === null) {
              toast(`The cluster did not send a token for ${s.name} (it hides it from this login, or the service has none)`, 'error');
              return;
            }
            await copyText(token);
            toast(`Copied the token of ${s.name}`, 'success');
          })
          .catch((e: unknown) => toast(`Could not copy the token of ${s.name}: ${errorMessage(e)}`, 'error'));
        return;
      case 'fdl': {
        const files = serviceExportFiles(s);
        downloadText(files.fdlName, files.fdl, 'application/yaml');
        if (files.warnings.length > 0) toast(files.warnings.join(' '), 'info');
        return;
      }
      case 'script': {
        const [entry] = Object.entries(serviceExportFiles(s).scripts);
        if (entry) downloadText(entry[0], entry[1], 'text/x-shellscript');
        return;
      }
      case 'delete':
        return;
    }
  }

  const c = confirming;
  const dialogs = (
    <>
      <OpenExposedDialog service={target ? opening : null} target={target} onClose={() => setOpening(null)} />
      <ConfirmDialog
        open={c !== null}
        title={c ? `${c.action === 'stop' ? 'Stop' : 'Restart'} ${c.service.name}?` : ''}
        confirmLabel={c ? CONFIRM[c.action].label : ''}
        busy={lifecycle.isPending}
        onConfirm={() => c && lifecycleAction(c.action, c.service)}
        onCancel={() => setConfirming(null)}
      >
        <p>{c ? CONFIRM[c.action].body : ''}</p>
      </ConfirmDialog>
    </>
  );
  return { run, dialogs, pending: lifecycle.isPending ? (lifecycle.variables ?? null) : null };
}
