import { useEffect, useState } from 'react';
import type { Service } from '../api/types';
import { oscar, required } from '../api/client';
import { Button, Spinner } from './button';
import { Dialog } from './dialog';
import { Name } from './name';
import { probeUrl, READINESS_TIMEOUT_MS, waitForExposed, type ReadinessOutcome, type ReadinessProgress } from '../lib/exposed/readiness';
import type { ExposedTarget } from '../lib/exposed/use-exposed';

function placeholderName(p: string): string {
  return p.replace(/^\{\{\s*(?:env\.)?|\s*\}\}$/g, '').replace(/^service\.token$/, 'the service token');
}

/** Opens a new tab without giving it this page (window.opener); null when the browser blocked it. */
function openTab(url: string): boolean {
  const w = window.open(url, '_blank');
  if (!w) return false;
  w.opener = null;
  return true;
}

/**
 * Waits until an exposed service answers (lib/exposed/readiness: its deployment, then its health URL),
 * then opens it in a new tab, with a link in case the browser blocks the tab. Cancel stops the wait.
 */
export function OpenExposedDialog({ service, target, onClose }: { service: Service | null; target: ExposedTarget | null; onClose: () => void }) {
  const open = service !== null && target !== null;
  return (
    <Dialog open={open} onClose={onClose} title={service ? `Open ${service.name}` : 'Open'}>
      {open && <Waiting key={service.name} service={service} target={target} onClose={onClose} />}
    </Dialog>
  );
}

function Waiting({ service, target, onClose }: { service: Service; target: ExposedTarget; onClose: () => void }) {
  const [round, setRound] = useState(0);
  const [progress, setProgress] = useState<ReadinessProgress | null>(null);
  const [outcome, setOutcome] = useState<ReadinessOutcome | null>(null);
  const [tab, setTab] = useState<'opened' | 'blocked' | null>(null);
  const name = service.name;
  const url = target.open.url;

  useEffect(() => {
    const controller = new AbortController();
    void waitForExposed({
      deps: {
        deployment: async (signal) => {
          const { data } = await oscar.GET('/system/services/{serviceName}/deployment', { params: { path: { serviceName: name } }, signal });
          return required(data, `the deployment of ${name}`);
        },
        probe: (u, signal) => probeUrl(u, signal),
      },
      healthUrl: target.health,
      signal: controller.signal,
      onProgress: setProgress,
    }).then((o) => {
      if (controller.signal.aborted) return;
      setOutcome(o);
      if (o.kind === 'ready') setTab(openTab(url) ? 'opened' : 'blocked');
    });
    return () => controller.abort();
  }, [name, target.health, url, round]);

  const waiting = outcome === null;
  const missing = target.open.missing.map(placeholderName);
  return (
    <div className="flex flex-col gap-3">
      <p>
        <span className="text-muted">Address: </span>
        <span className="font-mono text-xs break-all">{target.open.shown}</span>
      </p>
      {missing.length > 0 && (
        <p className="rounded-md border border-warn/50 bg-warn-soft px-3 py-2">
          The cluster did not send {missing.join(' or ')} (it hides secret values), so the address goes without it: the service may ask for it.
        </p>
      )}
      <div role="status" className="flex flex-col gap-1">
        {waiting ? (
          <>
            <p className="flex items-center gap-2 font-medium">
              <Spinner small />
              {progress?.phase === 'service' ? `Waiting for ${name} to answer…` : `Waiting for the deployment of ${name} to be ready…`}
              {progress && <span className="font-normal text-muted">(check {progress.attempt})</span>}
            </p>
            <p className="text-muted">Last answer: {progress?.last ?? 'asking…'}</p>
          </>
        ) : outcome.kind === 'ready' ? (
          <>
            <p className="font-medium text-ok">
              <Name value={name} /> answers.{' '}
              {tab === 'opened' ? 'It opened in a new tab.' : 'The browser blocked the new tab: use the link below.'}
            </p>
            <p className="text-muted">Last answer: {outcome.last}</p>
          </>
        ) : outcome.kind === 'stopped' ? (
          <p>
            <Name value={name} /> is stopped, so it cannot answer: start it first. ({outcome.last})
          </p>
        ) : outcome.kind === 'timeout' ? (
          <p>
            <Name value={name} /> did not answer within {Math.round(READINESS_TIMEOUT_MS / 60_000)} minutes. Last answer: {outcome.last}
          </p>
        ) : outcome.kind === 'failed' ? null : (
          <p>Cancelled.</p>
        )}
      </div>
      {outcome?.kind === 'failed' && (
        <p role="alert" className="text-danger">
          {outcome.last}
        </p>
      )}
      {target.demo && (
        <p className="text-xs text-muted">
          The in-page demo cluster answers the checks, but its address exists only inside this page, so the new tab cannot load it (<code className="font-mono">npm run demo:server</code> serves it for real).
        </p>
      )}
      {(outcome?.kind === 'ready' || outcome?.kind === 'timeout') && (
        <p>
          <a href={url} target="_blank" rel="noreferrer noopener" className="text-accent underline">
            {outcome.kind === 'ready' ? `Open ${name} in a new tab` : `Open ${name} anyway`}
          </a>
        </p>
      )}
      <div className="flex justify-end gap-2">
        {outcome?.kind === 'timeout' && (
          <Button
            onClick={() => {
              setOutcome(null);
              setProgress(null);
              setRound((r) => r + 1);
            }}
          >
            Try again
          </Button>
        )}
        <Button variant={waiting ? 'secondary' : 'primary'} onClick={onClose}>
          {waiting ? 'Cancel' : 'Close'}
        </Button>
      </div>
    </div>
  );
}
