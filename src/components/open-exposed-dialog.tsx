import { useEffect, useState } from 'react';
import { Link } from 'react-router';
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

/** What opening did: a tab opened, the browser blocked it, or the app refused (its words). */
export type LaunchResult = { kind: 'opened' } | { kind: 'blocked' } | { kind: 'refused'; message: string };

/** How an app opens once it answers, when a plain new tab on the address is not the whole story (apps). */
export interface Launcher {
  open: () => Promise<LaunchResult>;
  /** Said beside the address: where the app's secret goes (a form, a sign-in call, or plainly the URL). */
  note?: string;
}

/** Opens a new tab without giving it this page (window.opener); false when the browser blocked it. */
export function openTab(url: string): boolean {
  const w = window.open(url, '_blank');
  if (!w) return false;
  w.opener = null;
  return true;
}

/** The bounded wait ran out: what was seen last, what usually causes it, and where to look. */
function NeverReady({ name, last, onLeave }: { name: string; last: string; onLeave: () => void }) {
  const minutes = Math.round(READINESS_TIMEOUT_MS / 60_000);
  return (
    <>
      <p className="font-medium">
        <Name value={name} /> did not answer within {minutes} minutes, so nothing was opened.
      </p>
      <p>
        <span className="text-muted">Last answer: </span>
        {last}
      </p>
      <p>
        This usually means the image is still being pulled (a large image takes minutes the first time), the cluster has not enough CPU or
        memory free to start it, or the app crashes as it starts. The{' '}
        <Link to={`/services/${encodeURIComponent(name)}/deployment`} onClick={onLeave} className="text-accent underline">
          deployment page of {name}
        </Link>{' '}
        shows its state and its logs.
      </p>
    </>
  );
}

/**
 * Waits until an exposed service answers (lib/exposed/readiness: its deployment, then its health URL),
 * then opens it in a new tab, with a link in case the browser blocks the tab. Cancel stops the wait.
 */
export function OpenExposedDialog({
  service,
  target,
  onClose,
  launcher,
}: {
  service: Service | null;
  target: ExposedTarget | null;
  onClose: () => void;
  launcher?: Launcher | undefined;
}) {
  const open = service !== null && target !== null;
  return (
    <Dialog open={open} onClose={onClose} title={service ? `Open ${service.name}` : 'Open'}>
      {open && <Waiting key={service.name} service={service} target={target} onClose={onClose} launcher={launcher} />}
    </Dialog>
  );
}

function Waiting({ service, target, onClose, launcher }: { service: Service; target: ExposedTarget; onClose: () => void; launcher?: Launcher | undefined }) {
  const [round, setRound] = useState(0);
  const [progress, setProgress] = useState<ReadinessProgress | null>(null);
  const [outcome, setOutcome] = useState<ReadinessOutcome | null>(null);
  const [tab, setTab] = useState<LaunchResult | null>(null);
  const launch = launcher?.open;
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
      if (o.kind !== 'ready') return;
      if (!launch) return setTab(openTab(url) ? { kind: 'opened' } : { kind: 'blocked' });
      void launch().then((r) => {
        if (!controller.signal.aborted) setTab(r);
      });
    });
    return () => controller.abort();
  }, [name, target.health, url, round, launch]);

  const waiting = outcome === null;
  const missing = target.open.missing.map(placeholderName);
  return (
    <div className="flex flex-col gap-3">
      <p>
        <span className="text-muted">Address: </span>
        <span className="font-mono text-xs break-all">{target.open.shown}</span>
      </p>
      {launcher?.note && <p className="text-muted">{launcher.note}</p>}
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
              {tab?.kind === 'opened'
                ? 'It opened in a new tab.'
                : tab?.kind === 'blocked'
                  ? 'The browser blocked the new tab: use the link below.'
                  : tab === null && launch
                    ? 'Opening…'
                    : null}
            </p>
            <p className="text-muted">Last answer: {outcome.last}</p>
          </>
        ) : outcome.kind === 'stopped' ? (
          <p>
            <Name value={name} /> is stopped, so it cannot answer: start it first. ({outcome.last})
          </p>
        ) : outcome.kind === 'timeout' ? (
          <NeverReady name={name} last={outcome.last} onLeave={onClose} />
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
      {tab?.kind === 'refused' && (
        <p role="alert" className="text-danger">
          {tab.message}
        </p>
      )}
      {launch && tab?.kind === 'blocked' && (
        <p>
          <Button onClick={() => void launch().then(setTab)}>{`Open ${name} in a new tab`}</Button>
        </p>
      )}
      {(outcome?.kind === 'ready' || outcome?.kind === 'timeout') && !launch && (
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
