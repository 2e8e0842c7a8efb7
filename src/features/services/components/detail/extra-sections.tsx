import type { ReactNode } from 'react';
import type { Service } from '../../../../api/types';
import { Section } from '../../../../components/section';
import { humanizeKey, ValueView } from '../../../../components/value-view';
import { isPresent, OPTIONAL_BLOCKS, otherFields } from '../../lib/service-groups';

const DESCRIPTIONS: Partial<Record<keyof typeof OPTIONAL_BLOCKS, string>> = {
  expose: 'The service runs continuously as a web server reachable at its own address.',
  synchronous: 'How many copies stay ready for direct calls (Knative clusters).',
  federation: 'Jobs that wait too long are sent to other clusters.',
  clusters: 'Other OSCAR clusters this service can delegate jobs to.',
  kserve: 'Deployed as a KServe inference service.',
  volume: 'A persistent volume mounted in the container.',
};

function Pairs({ map, label }: { map: Record<string, string>; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-1 font-mono text-sm">
      {Object.entries(map).map(([k, v]) => (
        <li key={k} className="break-all">
          {k} <span className="text-muted">=</span> {v}
        </li>
      ))}
    </ul>
  );
}

/** The optional blocks (expose, KServe, federation …), labels, pull secrets and any unknown field. */
export function ExtraSections({ service: s, exposedAccess }: { service: Service; exposedAccess?: ReactNode }) {
  const blocks = (Object.keys(OPTIONAL_BLOCKS) as (keyof typeof OPTIONAL_BLOCKS)[]).filter((k) => isPresent(s, k));
  const unused = (Object.keys(OPTIONAL_BLOCKS) as (keyof typeof OPTIONAL_BLOCKS)[]).filter((k) => !isPresent(s, k));
  const others = otherFields(s);
  const sections: ReactNode[] = blocks.map((k) => (
    <Section key={k} title={OPTIONAL_BLOCKS[k]} description={DESCRIPTIONS[k]}>
      {k === 'expose' && exposedAccess}
      <ValueView value={s[k]} name={k} rawKeys={k === 'clusters'} />
      {k === 'volume' && s.volume_status && (
        <div className="mt-3 text-sm">
          <h3 className="mb-1 font-semibold">Volume status</h3>
          <ValueView value={s.volume_status} />
        </div>
      )}
    </Section>
  ));
  if (s.volume_status && !isPresent(s, 'volume')) {
    sections.push(
      <Section key="volume_status" title="Volume status">
        <ValueView value={s.volume_status} />
      </Section>,
    );
  }
  if (isPresent(s, 'labels') || isPresent(s, 'annotations')) {
    sections.push(
      <Section key="labels" title="Labels and annotations" description="Kubernetes metadata added to each job.">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="mb-1 text-sm font-semibold">Labels</h3>
            {isPresent(s, 'labels') ? <Pairs map={s.labels ?? {}} label="Labels" /> : <p className="text-sm text-muted italic">None</p>}
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold">Annotations</h3>
            {isPresent(s, 'annotations') ? (
              <Pairs map={s.annotations ?? {}} label="Annotations" />
            ) : (
              <p className="text-sm text-muted italic">None</p>
            )}
          </div>
        </div>
      </Section>,
    );
  }
  if (isPresent(s, 'image_pull_secrets')) {
    sections.push(
      <Section key="pull" title="Image pull secrets" description="Kubernetes secrets used to log in to a private registry.">
        <ul className="flex flex-wrap gap-2 font-mono text-sm">
          {(s.image_pull_secrets ?? []).map((n) => (
            <li key={n} className="rounded border border-line px-2 py-0.5">
              {n}
            </li>
          ))}
        </ul>
      </Section>,
    );
  }
  if (others.length > 0) {
    sections.push(
      <Section key="other" title="Other settings" description="Fields this page has no special view for, as the cluster sent them.">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[minmax(8rem,14rem)_1fr]">
          {others.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-muted">
                {humanizeKey(k)} <span className="font-mono text-xs">({k})</span>
              </dt>
              <dd className="min-w-0">
                <ValueView value={v} name={k} />
              </dd>
            </div>
          ))}
        </dl>
      </Section>,
    );
  }
  return (
    <>
      {sections}
      {unused.length > 0 && (
        <p className="text-sm text-muted">Not used by this service: {unused.map((k) => OPTIONAL_BLOCKS[k]).join(', ')}.</p>
      )}
    </>
  );
}
