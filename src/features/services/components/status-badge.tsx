import { Badge, type BadgeTone } from '../../../components/badge';
import { KIND_DESCRIPTION, type ServiceKind } from '../lib/service-facts';

// OSCAR does not enumerate deployment states, so the tone is read from the word itself.
function toneOf(state: string): BadgeTone {
  if (/ready|running|active|healthy|available|succeeded|deployed/i.test(state) && !/unavailable|not/i.test(state)) return 'ok';
  if (/fail|error|crash|unavailable|degraded|backoff/i.test(state)) return 'danger';
  if (/pending|creating|progress|starting|waiting|scaling|updating|deploying/i.test(state)) return 'warn';
  return 'neutral';
}

export function StatusBadge({ state }: { state: string | undefined }) {
  if (!state) {
    return (
      <>
        <span aria-hidden="true" className="text-muted">
          —
        </span>
        <span className="sr-only">No status</span>
      </>
    );
  }
  return <Badge tone={toneOf(state)}>{state}</Badge>;
}

export function KindBadge({ kind }: { kind: ServiceKind }) {
  return (
    <Badge tone={kind === 'kserve' || kind === 'exposed' ? 'accent' : 'neutral'}>
      <span title={KIND_DESCRIPTION[kind]}>{kind}</span>
    </Badge>
  );
}
