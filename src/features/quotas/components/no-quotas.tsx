import { EmptyState } from '../../../components/states';

/** A cluster without quotas (404, or 503 when Kueue is off): not an error, nothing is limited by OSCAR. */
export function NoQuotas() {
  return (
    <EmptyState title="This cluster has no quotas">
      Its administrator has not turned quotas on, so OSCAR sets no per-user limits here. What you can run is bounded
      only by the cluster&apos;s capacity (see Status).
    </EmptyState>
  );
}
