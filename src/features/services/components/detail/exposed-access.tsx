import { useState } from 'react';
import type { Service } from '../../../../api/types';
import { Button } from '../../../../components/button';
import { isStopped } from '../../../../lib/exposed/readiness';
import { OpenExposedDialog } from '../../../../components/open-exposed-dialog';
import { useExposedTarget } from '../../../../lib/exposed/use-exposed';

/** The exposed service's address, an Open button that waits for it to answer, and its NodePort links. */
export function ExposedAccess({ service: s, deployment }: { service: Service; deployment: Service['deployment'] }) {
  const target = useExposedTarget(s);
  const [opening, setOpening] = useState(false);
  if (!target) return null;
  const stopped = isStopped(deployment);
  return (
    <div className="mb-3 flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant="primary"
          aria-disabled={stopped || undefined}
          aria-describedby={stopped ? 'exposed-open-why' : undefined}
          className={stopped ? 'cursor-not-allowed opacity-50' : undefined}
          onClick={() => !stopped && setOpening(true)}
        >
          Open the exposed service
        </Button>
        <span className="font-mono text-xs break-all text-muted">{target.open.shown}</span>
      </div>
      {stopped && (
        <p id="exposed-open-why" className="text-muted">
          It is stopped: start it from its deployment page first.
        </p>
      )}
      {target.nodePorts.length > 0 && (
        <p>
          <span className="text-muted">NodePorts: </span>
          {target.nodePorts.map((href, i) => (
            <span key={href}>
              {i > 0 && ', '}
              <a href={href} target="_blank" rel="noreferrer noopener" className="font-mono text-accent underline">
                {href.replace(/\/$/, '')}
              </a>
            </span>
          ))}
        </p>
      )}
      <OpenExposedDialog service={opening ? s : null} target={target} onClose={() => setOpening(false)} />
    </div>
  );
}
