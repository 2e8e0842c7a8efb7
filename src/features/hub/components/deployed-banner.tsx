import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/button';
import { ButtonLink } from '../../../components/button-link';
import { Name } from '../../../components/name';
import { OpenExposedDialog } from '../../../components/open-exposed-dialog';
import { useExposedTarget } from '../../../lib/exposed/use-exposed';
import { deployedServiceQuery } from '../api/queries';

/**
 * "<name> was created from this crate", after the editor created it: a link to the service page, Try it
 * (the crate's sample input, when it has one and is invoked) and, for an exposed service, Open, which waits
 * until it answers (the shared readiness dialog) and opens it in a new tab.
 */
export function DeployedBanner({
  name,
  tryLabel,
  onTry,
  trying,
  onDismiss,
}: {
  name: string;
  /** What Try it sends, when the crate can be tried. */
  tryLabel: string | null;
  onTry: () => void;
  trying: boolean;
  onDismiss: () => void;
}) {
  const service = useQuery(deployedServiceQuery(name));
  const target = useExposedTarget(service.data ?? null);
  const [opening, setOpening] = useState(false);
  const href = `/services/${encodeURIComponent(name)}`;
  return (
    <section aria-labelledby="deployed-title" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-ok/40 bg-ok-soft px-4 py-3">
      <div className="flex flex-col gap-0.5 text-sm">
        <h2 id="deployed-title" className="font-semibold">
          <Name value={name} /> was created from this crate
        </h2>
        <p>
          {tryLabel
            ? tryLabel
            : target
              ? 'Open it once it answers (it may take a while to start), or follow its deployment on its service page.'
              : 'Follow its deployment on its service page.'}
        </p>
      </div>
      <div className="flex gap-2">
        <ButtonLink size="sm" to={href}>
          Service page
        </ButtonLink>
        {target && (
          <Button size="sm" variant="primary" onClick={() => setOpening(true)}>
            Open
          </Button>
        )}
        {tryLabel && (
          <Button size="sm" variant="primary" busy={trying} onClick={onTry}>
            Try it
          </Button>
        )}
        <Button size="sm" variant="ghost" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </Button>
      </div>
      <OpenExposedDialog service={opening ? (service.data ?? null) : null} target={target} onClose={() => setOpening(false)} />
    </section>
  );
}
