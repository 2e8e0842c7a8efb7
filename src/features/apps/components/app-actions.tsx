import { useMemo, useState } from 'react';
import type { Service } from '../../../api/types';
import { errorMessage } from '../../../api/errors';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Name } from '../../../components/name';
import { OpenExposedDialog } from '../../../components/open-exposed-dialog';
import { toast } from '../../../components/toast';
import { CONFIRM } from '../../../lib/deployments/lifecycle';
import { useExposedTarget } from '../../../lib/exposed/use-exposed';
import { useDeleteApp, useRestartApp } from '../api/queries';
import type { AppDef } from '../lib/apps';
import { launcherFor } from '../lib/open';
import type { AppAction } from './app-table';

/** Open (readiness, then the app's own way in), Restart and Delete with their confirmations. */
export function useAppActions(app: AppDef) {
  const [pending, setPending] = useState<{ action: AppAction; service: Service } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const restart = useRestartApp();
  const remove = useDeleteApp();
  const opening = pending?.action === 'open' ? pending.service : null;
  const target = useExposedTarget(opening);
  const launcher = useMemo(
    () => (opening && target ? launcherFor(app, opening, { base: target.base, url: target.open.url }) : undefined),
    [app, opening, target?.base, target?.open.url], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const close = () => {
    setPending(null);
    setProblem(null);
  };
  const s = pending?.service;
  const dialogs = (
    <>
      <OpenExposedDialog service={opening} target={target} onClose={close} launcher={launcher} />
      <ConfirmDialog
        open={pending?.action === 'restart'}
        title={s ? `Restart ${s.name}?` : 'Restart'}
        confirmLabel={CONFIRM.restart.label}
        busy={restart.isPending}
        onCancel={close}
        onConfirm={() => {
          if (!s) return;
          restart.mutate(s.name, {
            onSuccess: () => {
              toast(`Restarting ${s.name}`, 'success');
              close();
            },
            onError: (e) => setProblem(errorMessage(e)),
          });
        }}
      >
        <p>{CONFIRM.restart.body}</p>
        {problem && (
          <p role="alert" className="text-danger">
            The cluster refused: <Name value={problem} />
          </p>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.action === 'delete'}
        title={s ? `Delete ${s.name}?` : 'Delete'}
        confirmLabel={`Delete ${app.one}`}
        confirmText={s?.name ?? ''}
        busy={remove.isPending}
        onCancel={close}
        onConfirm={() => {
          if (!s) return;
          remove.mutate(s.name, {
            onSuccess: () => {
              toast(`Deleted ${s.name}`, 'success');
              close();
            },
            onError: (e) => setProblem(errorMessage(e)),
          });
        }}
      >
        <p>
          The service goes, with whatever the {app.one} keeps only in its container. Files in its{' '}
          {s?.volume?.name ? 'volume' : 'bucket'} stay unless OSCAR created that bucket for it.
        </p>
        {problem && (
          <p role="alert" className="text-danger">
            The cluster refused: <Name value={problem} />
          </p>
        )}
      </ConfirmDialog>
    </>
  );
  return { act: (action: AppAction, service: Service) => setPending({ action, service }), dialogs };
}
